package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.LabSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop lab's spec file and its Java twin are the same lab, customizations included, and render
 * the same bytes on every target.
 */
class ShopLabTest {
  static final Path SPEC = Path.of("shop-lab.yaml");
  static final Map<String, String> ENV = Map.of("SALTLAB_AUTOSIGN_TOKEN", SeedLab.EXAMPLE_TOKEN);

  /** The lab without its customizations, which compare by identity (edits are code). */
  private static SaltLab typed(SaltLab lab) {
    return SaltLab.builder().from(lab).customizations(Customizations.none()).build();
  }

  @Test
  void specFileAndJavaAreTheSameLab() {
    assertThat(typed(LabSpec.read(SPEC, ENV))).isEqualTo(typed(ShopLab.lab()));
    assertThat(typed(new ShopLabProvider(ENV).lab())).isEqualTo(typed(ShopLab.lab()));
    assertThat(ShopLab.lab().customizations())
        .hasToString("Customizations{edits and visitors: 1, patches: 4, extra objects: 1}");
    // The spec makes the typed edit as a JSON patch: one patch more, no edit.
    assertThat(LabSpec.read(SPEC, ENV).customizations())
        .hasToString("Customizations{edits and visitors: 0, patches: 5, extra objects: 1}");
  }

  @Test
  void theSpecsFilesHoldTheJavaPatchesAndObject() throws IOException {
    Path files = Path.of("shop-lab");
    assertThat(Files.readString(files.resolve("patches/orders-pre-stop.yaml")))
        .isEqualTo(ShopLab.ORDERS_PRE_STOP);
    assertThat(Files.readString(files.resolve("patches/catalog.yaml")))
        .isEqualTo(ShopLab.CATALOG_PATCH);
    assertThat(Files.readString(files.resolve("objects/quota.yaml"))).isEqualTo(ShopLab.QUOTA);
  }

  @Test
  void eachCustomizationIsInTheOutput() {
    Manifests m = ShopLab.lab().render("1.7");
    JsonNode zookeeper = m.find("StatefulSet", "zookeeper").orElseThrow().tree();
    assertThat(zookeeper.at("/spec/template/spec/initContainers/0/name").asText())
        .isEqualTo("wait-for-master");
    JsonNode hazelcast = m.find("StatefulSet", "hazelcast").orElseThrow().tree();
    assertThat(hazelcast.at("/spec/podManagementPolicy").asText()).isEqualTo("Parallel");
    assertThat(hazelcast.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
        .isEqualTo(60);
    for (String app : new String[] {"orders", "catalog"}) {
      JsonNode pod = m.find("StatefulSet", app).orElseThrow().tree().at("/spec/template/spec");
      assertThat(pod.at("/automountServiceAccountToken").isBoolean()).as(app).isTrue();
      assertThat(pod.at("/automountServiceAccountToken").asBoolean()).as(app).isFalse();
      assertThat(pod.at("/containers/0/lifecycle/preStop/exec/command").toString())
          .as(app)
          .isEqualTo("[\"sleep\",\"5\"]");
    }
    assertThat(m.find("ResourceQuota", "shop-lab-compute")).isPresent();
    assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
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
