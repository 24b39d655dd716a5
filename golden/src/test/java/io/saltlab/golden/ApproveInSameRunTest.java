package io.saltlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code SALTLAB_APPROVE=true mvn verify} approves a changed golden file and passes in the same
 * run, leaving no received file. Runs in its own surefire execution with that variable set and
 * {@code CI} unset (see the pom); its golden file exists only while it runs.
 */
class ApproveInSameRunTest {

  @Test
  void aChangedGoldenFileIsApprovedAndTheRunPasses() throws IOException {
    assertThat(Golden.approveRequested()).as("run with SALTLAB_APPROVE=true").isTrue();
    assertThat(Golden.isCi()).as("run with CI unset").isFalse();
    Path folder = Path.of("src/test/resources/io/saltlab/golden");
    Path approved =
        folder.resolve(
            "ApproveInSameRunTest.aChangedGoldenFileIsApprovedAndTheRunPasses.v.approved.txt");
    Files.writeString(approved, "what the output was yesterday\n");
    try {
      Golden.verify("what the output is today\n", "v", ".txt");

      assertThat(approved).content(StandardCharsets.UTF_8).isEqualTo("what the output is today\n");
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.contains(".received."));
      }
    } finally {
      Files.deleteIfExists(approved);
    }
  }
}
