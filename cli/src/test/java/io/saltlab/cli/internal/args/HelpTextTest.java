package io.saltlab.cli.internal.args;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTextTest {

  @Test
  void theHelpIsMadeFromTheDeclaration() {
    OptionGroup source = new OptionGroup();
    Option<String> lab = source.add(Option.value("FILE", t -> t, "A lab file.", "--lab"));
    Option<String> cls = source.add(Option.value("NAME", t -> t, "A class.", "--class"));
    source.exclusive(lab, cls);
    CommandSpec spec =
        CommandSpec.builder("tool make", "Makes things.")
            .details("Second paragraph.")
            .include(source)
            .option(Option.value("N", Integer::valueOf, "How many.", "-n", "--count").repeatable())
            .option(Option.value("V", t -> t, "From.", "--from").required())
            .option(Option.flag("Quietly.", "--quiet"))
            .parameters(new Parameters<>("PATH", t -> t, "Where.", 1))
            .exitCode(0, "ok")
            .exitCode(2, "usage error")
            .build();
    assertThat(HelpText.of(spec))
        .isEqualTo(
            "Usage: tool make [-hV] --from=V [-n=N]... [--quiet] [--lab=FILE | --class=NAME]\n"
                + "                 PATH...\n"
                + "Makes things.\n"
                + "\n"
                + "Second paragraph.\n"
                + "      PATH...        Where.\n"
                + "      --class=NAME   A class.\n"
                + "      --from=V       From.\n"
                + "  -h, --help         Show this help message and exit.\n"
                + "      --lab=FILE     A lab file.\n"
                + "  -n, --count=N      How many.\n"
                + "      --quiet        Quietly.\n"
                + "  -V, --version      Print version information and exit.\n"
                + "\n"
                + "Exit codes:\n"
                + "  0   ok\n"
                + "  2   usage error\n");
  }

  @Test
  void longTextWrapsAtSpacesWithinTheWidthAndIndentsItsContinuation() {
    String words = "word ".repeat(40).strip();
    CommandSpec spec =
        CommandSpec.builder("tool", words)
            .option(Option.flag(words, "--flag"))
            .command("sub", words)
            .build();
    String help = HelpText.of(spec);
    help.lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(79));
    assertThat(help)
        .contains("      --flag      word word")
        .contains("\n                    word word")
        .contains("Commands:\n  sub  word word")
        .contains("\n         word word");
  }

  @Test
  void aVeryLongOptionPutsItsDescriptionOnTheNextLine() {
    CommandSpec spec =
        CommandSpec.builder("tool", "T.")
            .option(
                Option.value("NAME", t -> t, "The description.", "--an-unusually-long-option-name"))
            .build();
    assertThat(HelpText.of(spec))
        .contains(
            "      --an-unusually-long-option-name=NAME\n" + " ".repeat(33) + "The description.");
  }
}
