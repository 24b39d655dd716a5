package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering the built-in lab says on stderr that its credentials are examples; a spec does not. */
class BuiltInLabNoteTest {

  @TempDir Path dir;

  @Test
  void theBuiltInLabIsRenderedWithANoteAboutItsExampleCredentials() {
    CliRunner.Run r = run("render", "--out", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEqualTo(LabSource.EXAMPLE_CREDENTIALS_NOTE + "\n");
    assertThat(r.out()).doesNotContain("example credentials");
  }

  @Test
  void aLabOfYourOwnGetsNoNote() {
    CliRunner.Run r =
        run("render", "--out", dir.toString(), "--class", "io.saltlab.examples.SeedLabProvider");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
  }
}
