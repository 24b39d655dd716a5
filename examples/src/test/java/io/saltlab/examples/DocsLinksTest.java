package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and every page under docs/ link only to files, folders and headings that exist in the
 * repository, so a page moved or renamed cannot leave a reader at a dead end.
 */
class DocsLinksTest {

  /** The repository root: the parent of this module's folder, where the tests run. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
          .sorted()
          .forEach(pages::add);
    }
    return pages;
  }

  private static List<String> dead(MarkdownLinks checker, List<Path> pages) throws IOException {
    List<String> dead = new ArrayList<>();
    for (Path page : pages) {
      for (MarkdownLinks.Link link : checker.links(page)) {
        String problem = checker.problem(link);
        if (problem != null) {
          dead.add(
              ROOT.relativize(page) + ":" + link.line() + ": " + link.target() + ": " + problem);
        }
      }
    }
    return dead;
  }

  @Test
  void readmeAndDocsHaveNoDeadRelativeLinks() throws IOException {
    assertThat(ROOT.resolve("README.md")).isRegularFile();
    MarkdownLinks checker = new MarkdownLinks(ROOT);
    List<Path> pages = pages();
    int links = 0;
    for (Path page : pages) {
      links += checker.links(page).size();
    }
    System.out.println("DocsLinksTest: " + pages.size() + " pages, " + links + " links checked");
    // The README's "where to go next" alone links several pages: finding none means the parser
    // broke.
    assertThat(checker.links(ROOT.resolve("README.md"))).hasSizeGreaterThan(5);
    assertThat(pages).hasSizeGreaterThan(5);

    assertThat(dead(checker, pages)).isEmpty();
  }

  @Test
  void readmeLinksEveryDocsPage() throws IOException {
    MarkdownLinks checker = new MarkdownLinks(ROOT);
    Path readme = ROOT.resolve("README.md");
    List<String> linked =
        checker.links(readme).stream()
            .map(l -> l.target().replaceFirst("#.*", ""))
            .collect(Collectors.toList());
    for (Path page : pages()) {
      if (!page.equals(readme)) {
        assertThat(linked)
            .as("README links %s", ROOT.relativize(page))
            .contains(ROOT.relativize(page).toString());
      }
    }
  }

  @Test
  void reportsEveryKindOfDeadLink(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("docs/real.md"), "# A real page\n\n## Second part\n");
    Files.writeString(repo.resolve("logo.png"), "png");
    Files.writeString(
        repo.resolve("README.md"),
        String.join(
            "\n",
            "# Front door",
            "[ok](docs/real.md) [ok anchor](docs/real.md#second-part) [self](#front-door)",
            "![ok image](logo.png) [web](https://example.com/missing) [ok folder](docs/)",
            "[missing](docs/gone.md) ![missing image](img/none.png)",
            "[bad anchor](docs/real.md#third-part) [bad self](#nowhere)",
            "[outside](../elsewhere.md) [`code` text](docs/also-gone.md \"title\")",
            "[ref]: docs/ref-gone.md",
            "`[in a code span](not-checked.md)`",
            "```",
            "[in a code block](not-checked-either.md)",
            "```",
            ""));
    MarkdownLinks checker = new MarkdownLinks(repo);
    List<String> problems = new ArrayList<>();
    for (MarkdownLinks.Link link : checker.links(repo.resolve("README.md"))) {
      String problem = checker.problem(link);
      if (problem != null) {
        problems.add(link.line() + " " + link.target());
      }
    }
    assertThat(problems)
        .containsExactly(
            "4 docs/gone.md",
            "4 img/none.png",
            "5 docs/real.md#third-part",
            "5 #nowhere",
            "6 ../elsewhere.md",
            "6 docs/also-gone.md",
            "7 docs/ref-gone.md");
  }

  @Test
  void slugsFollowGitHub() {
    assertThat(MarkdownLinks.slug("Set-up: two commands")).isEqualTo("set-up-two-commands");
    assertThat(MarkdownLinks.slug("The command line: `saltlab.jar`"))
        .isEqualTo("the-command-line-saltlabjar");
    assertThat(MarkdownLinks.slug("Unit-testing a topology change with the test kit"))
        .isEqualTo("unit-testing-a-topology-change-with-the-test-kit");
    assertThat(MarkdownLinks.slug("Model -> translate")).isEqualTo("model---translate");
  }
}
