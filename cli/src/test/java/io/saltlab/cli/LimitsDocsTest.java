package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.check.DriftCheck;
import io.saltlab.core.internal.files.InputFiles;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.spec.internal.SpecDocument;
import io.saltlab.topology.spec.internal.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The read limits the README and docs/cli.md state are the ones the code enforces (issue 13 item 2:
 * every limit stated in the README): each page's limit table is built here from the constants and
 * must appear in it, row for row.
 */
class LimitsDocsTest {
  private static String read(String... path) throws IOException {
    return Files.readString(Path.of("..", path), StandardCharsets.UTF_8);
  }

  private static String mib(long bytes) {
    assertThat(bytes % (1L << 20)).as("%d bytes is a whole number of MiB", bytes).isZero();
    return (bytes >> 20) + " MiB";
  }

  private static String spec() {
    assertThat(SpecParser.MAX_CHARS).isEqualTo(1 << 20);
    return "| spec file (`--lab`) | " + mib(SpecDocument.MAX_FILE_BYTES) + ", 1 Mi characters |";
  }

  private static String secretFile() {
    return "| secret file (`passwordFile`, `autosignTokenFile`) | "
        + SecretValue.MAX_FILE_BYTES
        + " bytes, one line |";
  }

  private static String documents() {
    return String.format(Locale.ROOT, "%,d", InputFiles.MAX_DOCUMENTS);
  }

  @Test
  void theReadmeStatesEveryLimitTheCodeEnforces() throws IOException {
    String readme = read("README.md");
    for (String row :
        List.of(
            spec(),
            secretFile(),
            "| `validate` | "
                + mib(InputFiles.MAX_FILE_BYTES)
                + " per file, "
                + mib(InputFiles.MAX_TOTAL_BYTES)
                + " and "
                + documents()
                + " documents per run |",
            "| a committed file read back by `check` | its rendered size + "
                + mib(DriftCheck.SLACK_BYTES)
                + " |")) {
      assertThat(readme).as("README.md limit row").contains(row + "\n");
    }
  }

  @Test
  void theCommandLinePageStatesTheSameLimits() throws IOException {
    String page = read("docs", "cli.md");
    for (String row :
        List.of(
            spec(),
            secretFile(),
            "| one file given to `validate` | " + mib(InputFiles.MAX_FILE_BYTES) + " |",
            "| all files of one `validate` run | " + mib(InputFiles.MAX_TOTAL_BYTES) + " |",
            "| documents of one `validate` run | " + documents() + " (a 6,000-role lab) |",
            "| a patch or object file a spec names (`patches:`, `objects:`) | "
                + mib(io.saltlab.core.internal.customize.YamlTrees.MAX_CHARS)
                + ", inside the spec's folder ([customize](customize.md)) |",
            "| a committed file read by `check` | its rendered size + "
                + mib(DriftCheck.SLACK_BYTES)
                + " (a larger one is reported changed, not shown) |")) {
      assertThat(page).as("docs/cli.md limit row").contains(row + "\n");
    }
  }
}
