package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and versions with the bundled validator, plus diff between targets. */
class ValidateAndVersionsTest {

  @TempDir Path dir;

  @Test
  void renderedOutputValidatesCleanAndADefectIsReportedWithItsFile() throws Exception {
    Path out = dir.resolve("manifests");
    assertThat(run("render", "-t", "1.36", "--out", out.toString()).exit()).isZero();
    CliRunner.Run clean = run("validate", "-t", "1.36", out.resolve("1.36").toString());
    assertThat(clean.exit()).as(clean.out()).isZero();
    assertThat(clean.out()).contains("Kubernetes 1.36").contains("0 problems");

    Path service = out.resolve("1.36/service-billing.yaml");
    Files.writeString(
        service,
        Files.readString(service)
            .replace("app.kubernetes.io/name: billing", "app.kubernetes.io/name: biling"));
    // A Service selecting no pod is accepted by the API server: a warning, fatal with --strict.
    CliRunner.Run warned = run("validate", "-t", "1.36", out.resolve("1.36").toString());
    assertThat(warned.exit()).as(warned.out()).isZero();
    assertThat(warned.out()).contains("warning: ").contains("[selector-matches-no-pod]");
    CliRunner.Run bad = run("validate", "--strict", "-t", "1.36", out.resolve("1.36").toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out())
        .containsPattern("service-billing\\.yaml:\\d+:\\d+: ")
        .contains("Service/salt-lab/billing")
        .contains("selector");
  }

  @Test
  void aTargetWithoutBundledSchemaIsSaidPlainly() throws Exception {
    Path out = dir.resolve("manifests");
    assertThat(run("render", "-t", "1.20", "--out", out.toString()).exit()).isZero();
    CliRunner.Run r = run("validate", "-t", "1.20", out.resolve("1.20").toString());
    assertThat(r.out())
        .contains("not schema-checked: no schema bundled for 1.20; bundled: 1.5, 1.6");
  }

  @Test
  void versionsSaysWhichTargetsHaveASchema() {
    CliRunner.Run versions = run("versions");
    assertThat(versions.exit()).isZero();
    List<String> lines = versions.out().lines().toList();
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("1.6 ").endsWith("bundled"))
        .anySatisfy(l -> assertThat(l).startsWith("1.20 ").endsWith("none"))
        .anySatisfy(l -> assertThat(l).startsWith("1.36 ").endsWith("bundled"))
        .anySatisfy(l -> assertThat(l).startsWith("Schemas bundled for 16 of 32 targets"));
  }

  @Test
  void missingPathsAreInputErrorsBeforeAnythingElse() {
    CliRunner.Run r = run(Map.of(), "validate", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: no such file or folder: ");
  }

  @Test
  void diffBetweenTargetsShowsHostPathTypeAndApiChanges() {
    CliRunner.Run r = run("diff", "--from", "1.7", "--to", "1.8");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .startsWith("Changes from Kubernetes 1.7 to 1.8:\n")
        .contains(
            "Deployment/salt-lab/salt-master\n  ~ apiVersion: extensions/v1beta1 -> apps/v1beta2\n")
        .contains("  + spec.template.spec.volumes[salt-conf].hostPath.type: DirectoryOrCreate\n");
    CliRunner.Run same = run("diff", "--from", "1.20", "--to", "1.36");
    assertThat(same.out()).endsWith("0 objects change, 35 unchanged, 0 added, 0 removed\n");
  }
}
