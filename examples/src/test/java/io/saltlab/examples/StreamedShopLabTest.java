package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.StreamedManifests;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.topology.ApplyOrder;
import io.saltlab.topology.GitOps;
import io.saltlab.topology.SaltLab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shop lab (every typed role setting: disruption budgets, network policies, probes, volumes)
 * and the seed lab render the same files streamed ({@code saltlab render}'s way) as held.
 */
class StreamedShopLabTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.9", "1.21", "1.36"})
  void streamedFilesAreTheHeldFiles(String target) {
    for (SaltLab lab : new SaltLab[] {ShopLab.lab(), SeedLab.lab()}) {
      KubernetesVersion version = KubernetesVersion.of(target);
      Manifests held = ApplyOrder.render(lab, version, GitOps.NONE, ValidationContext.empty());
      try (StreamedManifests streamed =
          ApplyOrder.renderStreamed(lab, version, GitOps.NONE, ValidationContext.empty())) {
        assertThat(streamed.validation().orElseThrow().format())
            .isEqualTo(held.validation().orElseThrow().format());
        for (Layout layout : Layout.values()) {
          assertThat(streamed.folder(layout).contents()).isEqualTo(held.folder(layout).contents());
          assertThat(streamed.folder(layout).privateFiles())
              .isEqualTo(held.folder(layout).privateFiles());
        }
      }
    }
  }
}
