package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.StreamedManifests;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.FolderFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed render ({@link ApplyOrder#renderStreamed}: each object checked and spooled as it
 * comes, the lab translated twice) gives the same files, bytes and privacy of files as the render
 * that holds every object, for small labs (drawn topology) and labs past the diagram's limit, the
 * batch size and the role chunk, and whose master data is split over parts, on old and new targets,
 * with and without Argo CD waves.
 */
class StreamedRenderTest {

  static Stream<Arguments> cases() {
    SaltLab small = TestLabs.twoRoles();
    SaltLab existingPull =
        SaltLab.builder()
            .name("lab")
            .registry(Registry.existing("registry.example.com:5000", "team-pull"))
            .master(TestLabs.master().build())
            .minionImage("registry.example.com:5000/salt/minion:3006.9")
            .autosignToken(SecretValue.of(TestLabs.TOKEN))
            .addRoles(TestLabs.zookeeper(), TestLabs.web())
            .build();
    SaltLab large = TestLabs.withRoles(1100);
    // Customizations (issue 18) apply in the streamed render too, extra objects included.
    SaltLab customized =
        SaltLab.builder()
            .from(small)
            .customizations(
                Customizations.builder()
                    .jsonPatch(
                        Target.of("StatefulSet", "zookeeper"),
                        "[{op: add, path: /spec/template/spec/terminationGracePeriodSeconds,"
                            + " value: 60}]")
                    .addYaml(
                        "apiVersion: v1\nkind: ConfigMap\n"
                            + "metadata: {name: extra, namespace: lab}\ndata: {a: b}\n")
                    .build())
            .build();
    return Stream.of(
        Arguments.of("customized", customized, "1.36", GitOps.NONE),
        Arguments.of("customized", customized, "1.9", GitOps.ARGOCD),
        Arguments.of("two roles", small, "1.36", GitOps.NONE),
        Arguments.of("two roles", small, "1.5", GitOps.NONE),
        Arguments.of("two roles", small, "1.20", GitOps.ARGOCD),
        Arguments.of("existing pull secret", existingPull, "1.6", GitOps.NONE),
        Arguments.of("1100 roles", large, "1.36", GitOps.NONE),
        Arguments.of(
            "2000 roles, master data in parts", TestLabs.withRoles(2000), "1.6", GitOps.NONE),
        Arguments.of("1100 roles", large, "1.9", GitOps.ARGOCD));
  }

  @ParameterizedTest(name = "{0} on {2}, {3}")
  @MethodSource("cases")
  void givesTheFilesOfTheHeldRender(String name, SaltLab lab, String target, GitOps gitOps) {
    KubernetesVersion version = KubernetesVersion.of(target);
    Manifests held = ApplyOrder.render(lab, version, gitOps, ValidationContext.empty());
    if (!lab.customizations().isEmpty()) {
      assertThat(held.find("ConfigMap", "extra")).isPresent();
      assertThat(held.find("StatefulSet", "zookeeper").orElseThrow().yaml())
          .contains("terminationGracePeriodSeconds: 60");
    }
    assertThat(held.find("ConfigMap", "salt-master-roles-000").isPresent())
        .isEqualTo(name.contains("in parts"));
    try (StreamedManifests streamed =
        ApplyOrder.renderStreamed(lab, version, gitOps, ValidationContext.empty())) {
      assertThat(streamed.size()).isEqualTo(held.resources().size());
      assertThat(streamed.validation().orElseThrow().format())
          .isEqualTo(held.validation().orElseThrow().format());
      for (Layout layout : Layout.values()) {
        FolderFiles expected = held.folder(layout);
        FolderFiles actual = streamed.folder(layout);
        assertThat(actual.paths()).containsExactlyElementsOf(expected.paths());
        assertThat(actual.privateFiles()).isEqualTo(expected.privateFiles());
        // Twice: the writer asks once to compare, once to write.
        for (int i = 0; i < 2; i++) {
          assertThat(actual.contents()).isEqualTo(expected.contents());
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void fluxIsLaidOutFromWholeManifests() {
    assertThatThrownBy(
            () ->
                ApplyOrder.renderStreamed(
                    TestLabs.twoRoles(),
                    KubernetesVersion.of("1.36"),
                    GitOps.FLUX,
                    ValidationContext.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fluxFolder");
    assertThat(List.of(GitOps.values())).contains(GitOps.FLUX);
  }
}
