package io.saltlab.cli;

import static io.saltlab.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --existing-secret}, {@code --existing-configmap} and {@code --existing-namespace} on
 * validate, render and check: saltlab's own output for a lab whose pull Secret already exists
 * validates clean once that Secret is declared, and what is declared is checked for form.
 */
class ExistingObjectsTest {

  @TempDir Path dir;

  private Path lab() throws Exception {
    Path spec = dir.resolve("lab.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "name: salt-lab",
            "registry:",
            "  server: registry.lab.local:5000",
            "  existingSecret: registry-pull",
            "autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN",
            "master:",
            "  image: registry.lab.local:5000/salt/master:3006.9",
            "  hostRoot: /home/vagrant/salt",
            "  node: kube0",
            "minionImage: registry.lab.local:5000/salt/minion:3006.9",
            "roles:",
            "  - name: web",
            "    image: registry.lab.local:5000/salt/minion-web:3006.9",
            "    ports: [{name: http, port: 8080}]",
            ""));
    return spec;
  }

  @Test
  void ownOutputWithAnExistingPullSecretValidatesOnceTheSecretIsDeclared() throws Exception {
    Path spec = lab();
    Path out = dir.resolve("manifests");
    CliRunner.Run render =
        CliRunner.run(
            java.util.Map.of("SALTLAB_AUTOSIGN_TOKEN", "9f2c41d7a0b35e6e8c1f4a2b7d9e0c13"),
            "render",
            "--lab",
            spec.toString(),
            "-t",
            "1.36",
            "-t",
            "1.20",
            "--out",
            out.toString());
    assertThat(render.exit()).as(render.err()).isZero();
    for (String target : new String[] {"1.36", "1.20"}) {
      String folder = out.resolve(target).toString();
      CliRunner.Run undeclared = run("validate", "-t", target, folder);
      assertThat(undeclared.exit()).as(undeclared.out()).isEqualTo(1);
      assertThat(undeclared.out()).contains("[missing-secret]").contains("registry-pull");

      CliRunner.Run declared =
          run(
              "validate",
              "--strict",
              "-t",
              target,
              "--existing-secret",
              "salt-lab/registry-pull",
              folder);
      assertThat(declared.exit()).as(declared.out()).isZero();
      assertThat(declared.out()).contains("0 problems");
    }
  }

  @Test
  void malformedDeclarationsAreUsageErrors() throws Exception {
    Path file = dir.resolve("cm.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
    CliRunner.Run noSlash = run("validate", "--existing-secret", "registry-pull", file.toString());
    assertThat(noSlash.exit()).isEqualTo(2);
    assertThat(noSlash.err()).contains("NAMESPACE/NAME");
    CliRunner.Run badNamespace = run("validate", "--existing-namespace", "Lab_1", file.toString());
    assertThat(badNamespace.exit()).isEqualTo(2);
    assertThat(badNamespace.err()).contains("Lab_1");
  }

  @Test
  void declaredNamespacesAndConfigMapsCount() throws Exception {
    Path file = dir.resolve("pod.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Pod",
            "metadata: {name: tool, namespace: tools}",
            "spec:",
            "  containers:",
            "  - name: tool",
            "    image: busybox:1.36",
            "    envFrom: [{configMapRef: {name: settings}}]",
            ""));
    CliRunner.Run bare = run("validate", file.toString());
    assertThat(bare.exit()).isEqualTo(1);
    assertThat(bare.out()).contains("[missing-namespace]").contains("[missing-configmap]");
    CliRunner.Run declared =
        run(
            "validate",
            "--existing-namespace",
            "tools",
            "--existing-configmap",
            "tools/settings",
            file.toString());
    assertThat(declared.exit()).as(declared.out()).isZero();
  }
}
