package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.topology.SaltLab;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedLabTest {

  @Test
  void rendersOnEveryTargetWithoutTheTokenOrPasswordInClear() {
    SaltLab lab = SeedLab.lab();
    for (KubernetesVersion v : KubernetesVersion.all()) {
      String yaml = lab.render(v).toYaml();
      assertThat(yaml)
          .as("%s", v)
          .doesNotContain(SeedLab.EXAMPLE_TOKEN)
          .doesNotContain(SeedLab.EXAMPLE_PASSWORD);
    }
    lab.saltFiles().values().forEach(f -> assertThat(f).doesNotContain(SeedLab.EXAMPLE_TOKEN));
    assertThat(lab.toString()).doesNotContain(SeedLab.EXAMPLE_TOKEN);
  }

  @Test
  void seedLabAt136HasTheWiredObjects() {
    Manifests m = SeedLab.lab().render("1.36");
    List<String> ids =
        m.resources().stream().map(r -> r.kind() + "/" + r.name()).collect(Collectors.toList());
    assertThat(ids)
        .contains(
            "Secret/salt-master-autosign",
            "ConfigMap/salt-master-config",
            "ConfigMap/zookeeper-minion-config",
            "Deployment/salt-master",
            "Deployment/salt-minion",
            "StatefulSet/zookeeper",
            "StatefulSet/billing",
            "PersistentVolume/salt-lab-zookeeper-0-salt-minion-keys",
            "PersistentVolumeClaim/salt-minion-salt-minion-keys");
    // 27 objects, plus a key volume for each of the 7 minions and a key claim for the FIXED one.
    assertThat(ids).hasSize(35);
  }

  @Test
  void seedLabAt16UsesTheOldWorkloadGroups() {
    Manifests m = SeedLab.lab().render("1.6");
    assertThat(m.find("StatefulSet", "zookeeper").map(RenderedResource::apiVersion))
        .contains("apps/v1beta1");
    assertThat(m.find("Deployment", "salt-master").map(RenderedResource::apiVersion))
        .contains("extensions/v1beta1");
  }
}
