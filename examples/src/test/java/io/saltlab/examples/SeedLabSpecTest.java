package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.cluster.ClusterSpec;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The commented example spec file describes exactly the seed lab of {@link SeedLab}. */
class SeedLabSpecTest {
  private static final Path SPEC = Path.of("seed-lab.yaml");
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD",
          SeedLab.EXAMPLE_PASSWORD,
          "SALTLAB_AUTOSIGN_TOKEN",
          SeedLab.EXAMPLE_TOKEN);

  @Test
  void rendersTheSameBytesAsTheSeedLabForEveryTarget() {
    SaltLab fromSpec = LabSpec.read(SPEC, ENV);
    for (KubernetesVersion v : KubernetesVersion.all()) {
      assertThat(fromSpec.render(v).toYaml())
          .as("target %s", v)
          .isEqualTo(SeedLab.lab().render(v).toYaml());
      assertThat(fromSpec.render(v).files())
          .as("target %s", v)
          .isEqualTo(SeedLab.lab().render(v).files());
    }
  }

  @Test
  void rendersTheSameClusterFilesAsTheBuiltInLabForEveryTarget() {
    ClusterSpec.Read read = ClusterSpec.read(SPEC, ENV);
    assertThat(read.cluster()).as("the spec's cluster: section").isPresent();
    SeedLabProvider builtIn = new SeedLabProvider();
    int rendered = 0;
    for (KubernetesVersion v : KubernetesVersion.all()) {
      Optional<LabCluster> fromSpec = read.cluster().get().cluster(read.lab(), v);
      Optional<LabCluster> seed = builtIn.cluster(builtIn.lab(), v);
      assertThat(fromSpec.isPresent()).as("target %s", v).isEqualTo(seed.isPresent());
      if (seed.isPresent()) {
        assertThat(fromSpec.get().render(v)).as("target %s", v).isEqualTo(seed.get().render(v));
        rendered++;
      }
    }
    assertThat(rendered).isEqualTo(KubernetesVersion.all().size() - 1);
  }

  @Test
  void isTheSameLabValue() {
    assertThat(LabSpec.read(SPEC, ENV)).isEqualTo(SeedLab.lab());
  }

  @Test
  void saysWhichVariableIsMissingWithoutAStackTraceOrSecret() {
    assertThatThrownBy(() -> LabSpec.read(SPEC, Map.of()))
        .isInstanceOf(LabSpecException.class)
        .hasMessageContaining("seed-lab.yaml:")
        .hasMessageContaining("registry.passwordEnv")
        .hasMessageContaining("SALTLAB_REGISTRY_PASSWORD is not set");
  }
}
