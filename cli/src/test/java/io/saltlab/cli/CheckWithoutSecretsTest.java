package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret needs to live in CI: {@code check} without the secrets compares everything but their
 * values (the Secrets' type and keys included), says which values it left out and exits 0 when
 * nothing else differs; {@code --require-secrets} makes a missing secret an error. A lab whose
 * Secrets all exist in the cluster renders no Secret at all.
 */
class CheckWithoutSecretsTest {
  private static final Map<String, String> SECRETS =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD", "ci-less-password",
          "SALTLAB_AUTOSIGN_TOKEN", "ci-less-token-0123456789");

  @TempDir Path dir;
  private Path spec;

  @BeforeEach
  void renderWithSecrets() throws Exception {
    spec = dir.resolve("lab.yaml");
    Files.copy(Path.of("../examples/seed-lab.yaml"), spec);
    for (String layout : new String[] {"files", "stream"}) {
      CliRunner.Run r =
          CliRunner.run(
              SECRETS,
              "render",
              "--lab",
              spec.toString(),
              "-o",
              out(layout).toString(),
              "--layout",
              layout);
      assertThat(r.exit()).as(r.err()).isZero();
    }
  }

  private Path out(String layout) {
    return dir.resolve("m-" + layout);
  }

  private CliRunner.Run check(String layout, String... extra) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "check",
                    "--lab",
                    spec.toString(),
                    "-o",
                    out(layout).toString(),
                    "--layout",
                    layout),
                Stream.of(extra))
            .toArray(String[]::new);
    return CliRunner.run(Map.of(), args);
  }

  @Test
  void withoutTheSecretsEverythingElseIsComparedAndTheSkippedValuesAreNamed() {
    for (String layout : new String[] {"files", "stream"}) {
      CliRunner.Run r = check(layout);
      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      assertThat(r.out())
          .contains("not available here", "SALTLAB_REGISTRY_PASSWORD", "SALTLAB_AUTOSIGN_TOKEN")
          .contains(".dockerconfigjson", "saltlab_autosign_token", "grains")
          .contains("1.36: up to date")
          .doesNotContain("ci-less-password", "ci-less-token");
    }
    assertThat(check("files", "--require-secrets").exit()).isEqualTo(2);
  }

  @Test
  void withoutTheSecretsAnyOtherDifferenceIsStillDrift() throws Exception {
    Path secret = out("files").resolve("1.36/secret-registry-pull.yaml");
    String committed = Files.readString(secret);
    Files.writeString(
        secret, committed.replace("type: kubernetes.io/dockerconfigjson", "type: Opaque"));
    assertThat(check("files").exit()).as("the Secret's type is compared").isEqualTo(1);
    Files.writeString(secret, committed.replace(".dockerconfigjson:", ".dockercfg:"));
    assertThat(check("files").exit()).as("the Secret's keys are compared").isEqualTo(1);
    Files.writeString(secret, committed);
    Path service = out("files").resolve("1.36/service-zookeeper.yaml");
    Files.writeString(service, Files.readString(service).replace("2181", "2182"));
    CliRunner.Run r = check("files");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("2181", "2182", "1 changed");
  }

  @Test
  void aLabWhoseSecretsAllExistInTheClusterRendersNoSecretAtAll() throws Exception {
    String text = Files.readString(spec);
    text =
        text.replaceAll("(?m)^  passwordEnv: .*\\n", "")
            .replaceAll("(?m)^  email: .*\\n", "")
            .replace("# existingSecret: registry-pull", "existingSecret: registry-pull")
            .replaceAll("(?m)^autosignTokenEnv: .*\\n", "existingAutosignSecret: lab-autosign\n");
    Path existing = Files.writeString(dir.resolve("existing.yaml"), text);
    Path out = dir.resolve("m-existing");
    CliRunner.Run r =
        CliRunner.run(Map.of(), "render", "--lab", existing.toString(), "-o", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    try (Stream<Path> files = Files.list(out.resolve("1.36"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("secret-"));
    }
    assertThat(Files.readString(out.resolve("1.36/statefulset-zookeeper.yaml")))
        .contains("secretName: lab-autosign");
    CliRunner.Run c =
        CliRunner.run(Map.of(), "check", "--lab", existing.toString(), "-o", out.toString());
    assertThat(c.exit()).isZero();
    assertThat(c.out()).doesNotContain("not compared", "not available");
  }
}
