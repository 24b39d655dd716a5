package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate and versions through the {@link Validation} interface: unavailable in this build, and
 * with a stand-in validator to show how a real one's verdict is passed on.
 */
class ValidateAndVersionsTest {

  @TempDir Path dir;

  @Test
  void withoutAValidatorNothingIsClaimed() {
    CliRunner.Run r = run(Map.of(), Validation.UNAVAILABLE, "validate", "--target", "1.36", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: validator not available in this build; nothing was validated\nhint: ");

    CliRunner.Run versions = run(Map.of(), Validation.UNAVAILABLE, "versions");
    assertThat(versions.exit()).isZero();
    assertThat(versions.out()).contains("Schemas: unknown; the validator is not available in this build.")
        .doesNotContain("bundled\n");
  }

  @Test
  void aValidatorsVerdictAndReportArePassedOn() {
    Validation stand = new Validation.Backed(
        (target, paths) -> new Validation.Outcome(target.minor() != 6, "checked " + paths.size() + " path(s) for " + target),
        () -> Set.of(KubernetesVersion.of("1.6"), KubernetesVersion.of("1.36")));
    CliRunner.Run clean = run(Map.of(), stand, "validate", "-t", "1.36", dir.toString());
    assertThat(clean.exit()).isZero();
    assertThat(clean.out()).isEqualTo("checked 1 path(s) for 1.36\n");
    CliRunner.Run bad = run(Map.of(), stand, "validate", "-t", "1.6", dir.toString(), dir.toString());
    assertThat(bad.exit()).isEqualTo(1);

    CliRunner.Run versions = run(Map.of(), stand, "versions");
    List<String> lines = versions.out().lines().toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("1.6 ").endsWith("bundled"))
        .anySatisfy(l -> assertThat(l).startsWith("1.7 ").endsWith("none"))
        .contains("Schemas bundled for 2 of 32 targets.");
  }

  @Test
  void missingPathsAreInputErrorsBeforeAnythingElse() {
    CliRunner.Run r = run(Map.of(), Validation.UNAVAILABLE, "validate", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: no such file or folder: ");
  }

  @Test
  void diffBetweenTargetsShowsHostPathTypeAndApiChanges() {
    CliRunner.Run r = run("diff", "--from", "1.7", "--to", "1.8");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("Changes from Kubernetes 1.7 to 1.8:\n")
        .contains("Deployment/salt-lab/salt-master\n  ~ apiVersion: extensions/v1beta1 -> apps/v1beta2\n")
        .contains("  + spec.template.spec.volumes[salt-conf].hostPath.type: DirectoryOrCreate\n");
    CliRunner.Run same = run("diff", "--from", "1.20", "--to", "1.36");
    assertThat(same.out()).endsWith("0 objects change, 27 unchanged, 0 added, 0 removed\n");
  }
}
