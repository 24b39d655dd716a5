package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.LabSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shop lab's spec file and its Java twin are the same lab and render the same bytes. */
class ShopLabTest {
  static final Path SPEC = Path.of("shop-lab.yaml");
  static final Map<String, String> ENV = Map.of("SALTLAB_AUTOSIGN_TOKEN", SeedLab.EXAMPLE_TOKEN);

  @Test
  void specFileAndJavaAreTheSameLab() {
    assertThat(LabSpec.read(SPEC, ENV)).isEqualTo(ShopLab.lab());
    assertThat(new ShopLabProvider(ENV).lab()).isEqualTo(ShopLab.lab());
  }

  @Test
  void specFileAndJavaRenderTheSameBytesOrTheSameRefusalOnEveryTarget() {
    SaltLab fromSpec = LabSpec.read(SPEC, ENV);
    SaltLab fromJava = new ShopLabProvider(ENV).lab();
    for (KubernetesVersion v : KubernetesVersion.all()) {
      if (v.isAtLeast(7)) {
        assertThat(fromSpec.render(v).toYaml())
            .as("target %s", v)
            .isEqualTo(fromJava.render(v).toYaml());
      } else {
        InvalidLabException a =
            catchThrowableOfType(InvalidLabException.class, () -> fromSpec.render(v));
        InvalidLabException b =
            catchThrowableOfType(InvalidLabException.class, () -> fromJava.render(v));
        assertThat(a).as("target %s refused", v).isNotNull();
        assertThat(a.getMessage()).isEqualTo(b.getMessage());
      }
    }
  }
}
