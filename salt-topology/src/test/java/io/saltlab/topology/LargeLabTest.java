package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.InOrder;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import org.junit.jupiter.api.Test;

/** Labs large enough to be rendered on every core render the same bytes every time. */
class LargeLabTest {

  private static final int ROLES = InOrder.PARALLEL_THRESHOLD + 44;

  @Test
  void rendersTheSameBytesEveryTime() {
    SaltLab lab = TestLabs.withRoles(ROLES);
    String first = lab.render("1.36").toYaml();
    for (int i = 0; i < 3; i++) {
      assertThat(lab.render("1.36").toYaml()).isEqualTo(first);
    }
    assertThat(first).contains("name: role-" + (ROLES - 1));
  }

  @Test
  void stagesGiveWhatRenderGives() {
    SaltLab lab = TestLabs.withRoles(ROLES);
    KubernetesVersion target = KubernetesVersion.of("1.6");
    Manifests staged =
        LabRendering.render(LabRendering.translate(lab, target), new ManifestRenderer(target));
    assertThat(staged.toYaml()).isEqualTo(lab.render(target).toYaml());
    assertThat(staged.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
    assertThat(
            LabRendering.render(
                    LabRendering.translate(lab, target),
                    new ManifestRenderer(target).withoutValidation())
                .toYaml())
        .isEqualTo(staged.toYaml());
  }
}
