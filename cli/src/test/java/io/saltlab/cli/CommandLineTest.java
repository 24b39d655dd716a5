package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line as users see it: every {@code --help} text equal to the one under {@code
 * src/test/resources/help/}, and every usage error one {@code error:} line and one {@code hint:}
 * line with exit code 2.
 */
class CommandLineTest {

  private static final Path EXPECTED = Path.of("src/test/resources/help");
  private static final Path ACTUAL = Path.of("target/help-actual");

  @Test
  void everyHelpTextIsTheReviewedOne() throws IOException {
    Files.createDirectories(ACTUAL);
    for (String command : List.of("saltlab", "render", "check", "diff", "validate", "versions")) {
      CliRunner.Run r = command.equals("saltlab") ? run("--help") : run(command, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.err()).isEmpty();
      String file = command + ".txt";
      // Written under target/ only, for comparing: CI never writes an expected file.
      Files.writeString(ACTUAL.resolve(file), r.out(), StandardCharsets.UTF_8);
      assertThat(r.out())
          .as(
              "help of %s changed; if that is intended, review %s and copy it over %s",
              command, ACTUAL.resolve(file), EXPECTED.resolve(file))
          .isEqualTo(Files.readString(EXPECTED.resolve(file), StandardCharsets.UTF_8));
    }
    assertThat(run("render", "-h").out()).isEqualTo(run("render", "--help").out());
    assertThat(run("-h").out()).isEqualTo(run("--help").out());
  }

  @Test
  void theVersionIsOneLine() {
    for (String[] args :
        List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"render", "-V"})) {
      CliRunner.Run r = run(args);
      assertThat(r.exit()).isZero();
      assertThat(r.out()).matches("saltlab \\S+\n");
    }
  }

  @Test
  void usageErrorsAreOneErrorAndOneHintWithExitCode2() {
    expect(
        new String[] {"rendr"},
        "error: unknown command 'rendr'",
        "hint: did you mean render? run 'saltlab --help' for usage");
    expect(
        new String[] {"render", "--targt", "1.6"},
        "error: unknown option '--targt'",
        "hint: did you mean --target? run 'saltlab render --help' for usage");
    expect(
        new String[] {"render", "-target", "1.6"},
        "error: unknown option '-target'",
        "hint: did you mean --target? run 'saltlab render --help' for usage");
    expect(
        new String[] {"render", "--bogus"},
        "error: unknown option '--bogus'",
        "hint: run 'saltlab render --help' for usage");
    expect(
        new String[] {"--bogus"},
        "error: unknown option '--bogus'",
        "hint: run 'saltlab --help' for usage");
    expect(
        new String[] {"render", "-t"},
        "error: option '--target' needs a value (V)",
        "hint: run 'saltlab render --help' for usage");
    expect(
        new String[] {"render", "-o", "--layout", "stream"},
        "error: option '--out' needs a value (DIR) but is followed by '--layout'",
        "hint: write --out=VALUE for a value that starts with '-'; run 'saltlab render --help'"
            + " for usage");
    expect(
        new String[] {"render", "-t", "9.9"},
        "error: invalid value for option '--target' (V): target version '9.9' is not a Kubernetes"
            + " version; expected MAJOR.MINOR between 1.5-1.36, for example 1.36",
        "hint: run 'saltlab render --help' for usage");
    expect(
        new String[] {"check", "--layout=strem"},
        "error: invalid value for option '--layout' (LAYOUT): expected one of files, stream but"
            + " was 'strem'",
        "hint: did you mean stream? run 'saltlab check --help' for usage");
    expect(
        new String[] {"render", "--lab", "a.yaml", "--class", "b"},
        "error: options --lab and --class are mutually exclusive; give only one",
        "hint: run 'saltlab render --help' for usage");
    expect(
        new String[] {"diff"},
        "error: missing required options '--from=V', '--to=V'",
        "hint: run 'saltlab diff --help' for usage");
    expect(
        new String[] {"diff", "--from", "1.8", "--to", "1.9", "--from", "1.10"},
        "error: option '--from' is given more than once; it takes one value",
        "hint: run 'saltlab diff --help' for usage");
    expect(
        new String[] {"validate", "-t", "1.36"},
        "error: missing required parameter PATH",
        "hint: run 'saltlab validate --help' for usage");
    expect(
        new String[] {"versions", "extra"},
        "error: unexpected argument 'extra'",
        "hint: 'saltlab versions' takes no arguments besides its options; run 'saltlab versions"
            + " --help' for usage");
    expect(
        new String[] {},
        "error: no command given",
        "hint: run 'saltlab --help'; commands: render, check, diff, validate, versions");
  }

  private static void expect(String[] args, String error, String hint) {
    CliRunner.Run r = run(args);
    assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(error + "\n" + hint + "\n");
  }

  @Test
  void everySpellingOfTheOptionsRendersTheSameTargets(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path out = dir.resolve("m");
    CliRunner.Run r =
        run(
            "render",
            "-t1.6",
            "--target=1.7",
            "-t",
            "1.8",
            "-t=1.6",
            "--out=" + out,
            "--layout",
            "stream");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().map(l -> l.substring(0, l.indexOf(':'))))
        .containsExactly("1.6", "1.7", "1.8");
    assertThat(out.resolve("1.7/manifests.yaml")).isRegularFile();
  }
}
