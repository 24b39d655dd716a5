package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The snippets users copy are the ones the consumer sample builds: the test kit's Java snippets of
 * docs/testing.md are in the sample's test, line for line and in order, and the README's Maven
 * snippet names the artifacts the sample depends on. {@code PluginIT} compiles and runs the sample.
 */
class DocsSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAMPLE = Path.of("src/it/consumer");

  @Test
  void theTestKitSnippetsAreTheConsumerSamplesTests() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/testing.md"));
    String section = docs.substring(docs.indexOf("## Unit-testing a topology change"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    List<String> blocks = blocks(section, "java");
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);

    List<String> test =
        Files.readAllLines(SAMPLE.resolve("src/test/java/com/example/MyLabTest.java")).stream()
            .map(String::strip)
            .toList();
    for (String block : blocks) {
      int at = 0;
      for (String line : block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
        int found = test.subList(at, test.size()).indexOf(line);
        assertThat(found)
            .as("docs/testing.md line not in the consumer sample: %s", line)
            .isNotNegative();
        at += found + 1;
      }
    }
  }

  @Test
  void theReadmeCoordinatesAreTheConsumerSamplesDependencies() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Maven coordinates"));
    List<String> xml = blocks(section.substring(0, section.indexOf("\n## ", 3)), "xml");
    assertThat(xml).isNotEmpty(); // the first: the coordinates with the BOM
    String pom = Files.readString(SAMPLE.resolve("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml.get(0));
    int artifacts = 0;
    while (m.find()) {
      assertThat(pom).contains("<artifactId>" + m.group(1) + "</artifactId>");
      artifacts++;
    }
    assertThat(artifacts).isGreaterThanOrEqualTo(4);
    assertThat(xml.get(0))
        .contains("<artifactId>saltlab-bom</artifactId>", "<scope>import</scope>");
  }

  @Test
  void theCommandLineFetchSnippetsAreTheSamplesAndNameThisVersion() throws IOException {
    String root = Files.readString(ROOT.resolve("pom.xml"));
    String version = first(root, "<version>([^<]+)</version>");
    String dependencyPlugin =
        first(
            root, "<artifactId>maven-dependency-plugin</artifactId>\\s*<version>([^<]+)</version>");

    List<List<String>> shell = cliShellLines();
    assertThat(shell).isNotEmpty();
    for (List<String> line : shell) {
      String text = String.join(" ", line);
      if (line.get(0).equals("mvn")) {
        assertThat(text)
            .contains("org.apache.maven.plugins:maven-dependency-plugin:" + dependencyPlugin + ":")
            .contains("-Dartifact=io.saltlab:saltlab-cli:" + version + ":");
      } else {
        assertThat(text).contains(version);
      }
    }

    List<String> xml = blocks(cliFetchSection(), "xml");
    assertThat(xml).hasSize(1);
    List<String> pom =
        Files.readAllLines(Path.of("src/it/cli-artifacts/pom.xml")).stream()
            .map(l -> l.strip().replace("@maven-dependency-plugin.version@", dependencyPlugin))
            .toList();
    int at = 0;
    for (String line : xml.get(0).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      int found = pom.subList(at, pom.size()).indexOf(line);
      assertThat(found)
          .as("docs/cli.md line not in the cli-artifacts sample: %s", line)
          .isNotNegative();
      at += found + 1;
    }
  }

  /**
   * The shell lines of docs/cli.md's "From a Maven repository", continuation lines joined, each
   * split into its words (they hold no quotes).
   *
   * @return one list of words per command
   */
  static List<List<String>> cliShellLines() throws IOException {
    List<String> blocks = blocks(cliFetchSection(), "bash");
    assertThat(blocks).hasSize(1);
    List<List<String>> lines = new ArrayList<>();
    for (String line : blocks.get(0).replace("\\\n", " ").lines().toList()) {
      if (!line.isBlank()) {
        lines.add(List.of(line.strip().split("\\s+")));
      }
    }
    return lines;
  }

  private static String cliFetchSection() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/cli.md"));
    String section = docs.substring(docs.indexOf("## From a Maven repository"));
    return section.substring(0, section.indexOf("\n## ", 3));
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }

  private static List<String> blocks(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
