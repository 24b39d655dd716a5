package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lab that uses a pull Secret already in the cluster: no password anywhere, no Secret rendered,
 * pods still name it, validation accepts the reference; in Java and in a spec file (the cluster
 * bootstrap's side is in the cluster module).
 */
class ExistingPullSecretTest {

  private static SaltLab.Builder lab(Registry registry) {
    return SaltLab.builder()
        .name("lab")
        .registry(registry)
        .master(TestLabs.master().build())
        .minionImage("registry.example.com:5000/salt/minion:3006.9")
        .autosignToken(SecretValue.of(TestLabs.TOKEN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.6", "1.8", "1.9", "1.36"})
  void rendersNoPullSecretButEveryPodNamesTheExistingOne(String target) {
    SaltLab lab =
        lab(Registry.existing("registry.example.com:5000", "team-pull"))
            .addRoles(TestLabs.zookeeper(), TestLabs.web())
            .build();
    Manifests m = lab.render(target);

    assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
    List<String> secrets =
        m.resources().stream()
            .filter(r -> r.kind().equals("Secret"))
            .map(RenderedResource::name)
            .toList();
    assertThat(secrets).containsExactly(LabNames.autosignSecret(lab.master()));
    long workloads = 0;
    for (RenderedResource r : m.resources()) {
      if (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) {
        assertThat(
                r.tree()
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("imagePullSecrets")
                    .findValuesAsText("name"))
            .as(r.id())
            .containsExactly("team-pull");
        workloads++;
      }
    }
    assertThat(workloads).isEqualTo(3);
    assertThat(m.toYaml()).doesNotContain("dockerconfigjson", "dockercfg");
  }

  @Test
  void aRenderedSecretStillNeedsUserAndPassword() {
    assertThatThrownBy(
            () -> lab(Registry.builder().server("registry.example.com:5000").build()).build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("registry.username: '(missing)'")
        .hasMessageContaining("registry.password: '(missing)'")
        .hasMessageContaining("existingSecret");
  }

  @Test
  void anExistingSecretRefusesAPasswordOrEmailThatWouldGoUnused() {
    Registry registry =
        Registry.builder()
            .server("registry.example.com:5000")
            .secretName("team-pull")
            .existingSecret(true)
            .password(SecretValue.of("unused-password-value"))
            .email("ops@example.com")
            .build();
    assertThatThrownBy(() -> lab(registry).build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining(
            "registry.password: 'SecretValue[**** from a literal]'; expected no password with"
                + " existingSecret")
        .hasMessageContaining("registry.email")
        .hasMessageNotContaining("unused-password-value");
  }

  @Test
  void specFileNamesTheExistingSecretWithoutAnyCredentials() {
    String spec =
        """
        name: lab
        registry:
          server: registry.example.com:5000
          existingSecret: team-pull
        autosignTokenEnv: TOKEN
        master: {image: registry.example.com:5000/salt/master:3006.9, hostRoot: /srv/salt, node: kube0}
        minionImage: registry.example.com:5000/salt/minion:3006.9
        """;
    SaltLab lab = LabSpec.parse(spec, "lab.yaml", Path.of("."), Map.of("TOKEN", TestLabs.TOKEN));
    assertThat(lab.registry().existingSecret()).isTrue();
    assertThat(lab.registry().secretName()).isEqualTo("team-pull");
    assertThat(lab.registry().password()).isEmpty();
    assertThat(lab.render("1.36").find("Secret", "team-pull")).isEmpty();
  }

  @Test
  void specFileRefusesCredentialsBesideAnExistingSecret() {
    String spec =
        """
        name: lab
        registry:
          server: registry.example.com:5000
          existingSecret: team-pull
          passwordEnv: PASSWORD
          secretName: other
        autosignTokenEnv: TOKEN
        master: {image: registry.example.com:5000/salt/master:3006.9, hostRoot: /srv/salt, node: kube0}
        minionImage: registry.example.com:5000/salt/minion:3006.9
        """;
    assertThatThrownBy(
            () ->
                LabSpec.parse(
                    spec,
                    "lab.yaml",
                    Path.of("."),
                    Map.of("TOKEN", TestLabs.TOKEN, "PASSWORD", "pw-value")))
        .isInstanceOf(LabSpecException.class)
        .hasMessageContaining("lab.yaml:5:3: registry.passwordEnv: not with existingSecret")
        .hasMessageContaining("lab.yaml:6:3: registry.secretName: not with existingSecret")
        .hasMessageNotContaining("pw-value");
  }
}
