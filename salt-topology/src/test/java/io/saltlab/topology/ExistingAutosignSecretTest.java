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
 * A lab whose autosign token lives in a Secret already in the cluster: no token anywhere, no
 * autosign Secret rendered, the master and every minion mount the existing one, validation accepts
 * the reference; with an existing pull Secret too, the lab renders no Secret at all. In Java and in
 * a spec file.
 */
class ExistingAutosignSecretTest {

  private static SaltLab.Builder lab() {
    return SaltLab.builder()
        .name("lab")
        .registry(Registry.existing("registry.example.com:5000", "team-pull"))
        .master(TestLabs.master().build())
        .minionImage("registry.example.com:5000/salt/minion:3006.9")
        .addRoles(TestLabs.zookeeper(), TestLabs.web());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.8", "1.9", "1.36"})
  void rendersNoSecretAndEveryPodMountsTheExistingOne(String target) {
    SaltLab lab = lab().existingAutosignSecret("team-autosign").build();
    Manifests m = lab.render(target);
    assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
    assertThat(m.resources()).noneMatch(r -> r.kind().equals("Secret"));
    int mounts = 0;
    for (RenderedResource r : m.resources()) {
      if (r.kind().equals("Deployment") || r.kind().equals("StatefulSet")) {
        List<String> secrets =
            r.tree().path("spec").path("template").path("spec").findValuesAsText("secretName");
        assertThat(secrets).as(r.id()).containsExactly("team-autosign");
        mounts++;
      }
    }
    assertThat(mounts).isEqualTo(3);
    assertThat(m.toYaml()).doesNotContain(TestLabs.TOKEN);
  }

  @Test
  void aTokenBesideAnExistingSecretOrNeitherIsRefused() {
    assertThatThrownBy(
            () ->
                lab()
                    .existingAutosignSecret("team-autosign")
                    .autosignToken(SecretValue.of(TestLabs.TOKEN))
                    .build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("existingAutosignSecret");
    assertThatThrownBy(() -> lab().build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("autosignToken");
    assertThatThrownBy(() -> lab().existingAutosignSecret("Not_A_Name").build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("existingAutosignSecret");
  }

  @Test
  void aSpecFileNamesItAndNeedsNoEnvironment() {
    String spec =
        String.join(
            "\n",
            "name: lab",
            "registry: {server: registry.example.com:5000, existingSecret: team-pull}",
            "existingAutosignSecret: team-autosign",
            "master: {image: registry.example.com:5000/salt/master:3006.9, hostRoot: /srv/salt,"
                + " node: kube0}",
            "minionImage: registry.example.com:5000/salt/minion:3006.9",
            "");
    SaltLab lab = LabSpec.parse(spec, "lab.yaml", Path.of("."), Map.of());
    assertThat(lab.existingAutosignSecret()).contains("team-autosign");
    assertThat(lab.autosignToken()).isEmpty();
    assertThatThrownBy(
            () ->
                LabSpec.parse(
                    spec + "autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN\n",
                    "lab.yaml",
                    Path.of("."),
                    Map.of("SALTLAB_AUTOSIGN_TOKEN", TestLabs.TOKEN)))
        .isInstanceOf(LabSpecException.class)
        .hasMessageContaining("existingAutosignSecret");
  }
}
