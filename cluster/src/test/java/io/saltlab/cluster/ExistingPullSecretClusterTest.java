package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.Registry;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The cluster bootstrap of a lab whose pull Secret already exists in the cluster: the nodes still
 * log in to the registry, as the lab's user, with the password from the environment at provision
 * time.
 */
class ExistingPullSecretClusterTest {

  private static SaltLab lab(Registry registry) {
    return SaltLab.builder()
        .name("lab")
        .registry(registry)
        .master(
            SaltMaster.builder()
                .image("registry.example.com:5000/salt/master:3006.9")
                .hostRoot("/srv/salt")
                .node("kube0")
                .build())
        .minionImage("registry.example.com:5000/salt/minion:3006.9")
        .autosignToken(SecretValue.of("test-token-not-a-secret-0123"))
        .build();
  }

  @Test
  void clusterLogsInWithTheLabsUserAndThePasswordFromTheEnvironment() {
    Registry registry =
        Registry.builder()
            .server("registry.example.com:5000")
            .username("deployer")
            .secretName("team-pull")
            .existingSecret(true)
            .build();
    SortedMap<String, String> files = cluster(lab(registry)).render("1.36");
    String all = String.join("\n", files.values());
    assertThat(all).contains("registry.example.com:5000", "deployer", "SALTLAB_REGISTRY_PASSWORD");
  }

  @Test
  void clusterNeedsAUserWhenTheLabHasNone() {
    SaltLab lab = lab(Registry.existing("registry.example.com:5000", "team-pull"));
    assertThatThrownBy(() -> cluster(lab))
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("lab.registry.username: '(missing)'");
  }

  private static LabCluster cluster(SaltLab lab) {
    return LabCluster.builder()
        .lab(lab)
        .os(NodeOs.UBUNTU_24_04)
        .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
        .build();
  }
}
