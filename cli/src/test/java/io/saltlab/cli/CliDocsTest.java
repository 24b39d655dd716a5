package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md says what the command line does: its command table names exactly the commands {@code
 * saltlab --help} lists, its exit-code table is the help's, word for word, and it names every long
 * option some command's help shows.
 */
class CliDocsTest {
  private static final Path PAGE = Path.of("..", "docs", "cli.md");

  private static String page() throws IOException {
    assertThat(PAGE).isRegularFile();
    return Files.readString(PAGE, StandardCharsets.UTF_8);
  }

  /** The lines of one section of a help text ("Commands:", "Exit codes:"), up to a blank line. */
  private static List<String> section(String help, String title) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : help.split("\n", -1)) {
      if (line.equals(title)) {
        in = true;
      } else if (in && line.isBlank()) {
        break;
      } else if (in) {
        lines.add(line);
      }
    }
    assertThat(lines).as("section %s of the help", title).isNotEmpty();
    return lines;
  }

  /** Entries of a help section: " name text" with wrapped text on deeper-indented lines. */
  private static List<String[]> entries(List<String> lines) {
    List<String[]> entries = new ArrayList<>();
    Pattern first = Pattern.compile("^ {2}(\\S+)\\s+(.*)$");
    for (String line : lines) {
      Matcher m = first.matcher(line);
      if (m.matches()) {
        entries.add(new String[] {m.group(1), m.group(2).trim()});
      } else {
        String[] last = entries.get(entries.size() - 1);
        last[1] = last[1] + " " + line.trim();
      }
    }
    return entries;
  }

  @Test
  void commandTableNamesExactlyTheCommandsOfTheHelp() throws IOException {
    List<String> commands = new ArrayList<>();
    for (String[] e : entries(section(run("--help").out(), "Commands:"))) {
      commands.add(e[0]);
    }
    List<String> documented = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)[ `]").matcher(page());
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(commands).hasSizeGreaterThan(3);
    assertThat(documented).containsExactlyElementsOf(commands);
  }

  @Test
  void exitCodeTableIsTheHelpText() throws IOException {
    String page = page();
    List<String[]> codes = entries(section(run("--help").out(), "Exit codes:"));
    assertThat(codes).extracting(e -> e[0]).containsExactly("0", "1", "2");
    for (String[] code : codes) {
      assertThat(page).contains("| `" + code[0] + "` | " + code[1] + " |");
    }
  }

  @Test
  void everyLongOptionOfEveryCommandIsOnThePage() throws IOException {
    String page = page();
    TreeSet<String> options = new TreeSet<>();
    Pattern option = Pattern.compile("--[a-z][a-z-]*");
    for (String[] e : entries(section(run("--help").out(), "Commands:"))) {
      Matcher m = option.matcher(run(e[0], "--help").out());
      while (m.find()) {
        options.add(m.group());
      }
    }
    assertThat(options).contains("--lab", "--target", "--out");
    for (String o : options) {
      assertThat(page)
          .as("docs/cli.md names %s", o)
          .containsPattern(Pattern.quote(o) + "(?![a-z-])");
    }
  }
}
