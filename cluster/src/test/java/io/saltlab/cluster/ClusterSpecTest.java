package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.spec.LabSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cluster:} section of spec files: the same cluster as the builder, strict keys and
 * types, and the cluster's own checks reported at the lines of the file.
 */
class ClusterSpecTest {
  private static final Map<String, String> ENV =
      Map.of("PASSWORD", "pw-not-a-secret", "TOKEN", "test-token-not-a-secret-0123");

  private static final String LAB =
      """
      name: lab
      registry:
        server: registry.example.com:5000
        username: deployer
        passwordEnv: PASSWORD
      autosignTokenEnv: TOKEN
      master: {image: registry.example.com:5000/salt/master:3006.9, hostRoot: /srv/salt, node: node1}
      minionImage: registry.example.com:5000/salt/minion:3006.9
      """;

  @TempDir Path dir;

  private Path spec(String cluster) throws IOException {
    Path file = dir.resolve("lab.yaml");
    Files.writeString(file, LAB + cluster);
    return file;
  }

  @Test
  void aSpecWithoutClusterHasNone() throws IOException {
    ClusterSpec.Read read = ClusterSpec.read(spec(""), ENV);
    assertThat(read.cluster()).isEmpty();
    assertThat(read.lab().name()).isEqualTo("lab");
  }

  @Test
  void readsTheSameClusterAsTheBuilder() throws IOException {
    ClusterSpec.Read read =
        ClusterSpec.read(
            spec(
                """
                cluster:
                  name: demo
                  os: UBUNTU_24_04
                  nodes:
                    - {name: kube0, ip: 192.168.56.10, role: CONTROL_PLANE, cpus: 4, memoryMb: 4096}
                    - {name: node1, ip: 192.168.56.11}
                  podNetworkCidr: 10.245.0.0/16
                  serviceCidr: 10.97.0.0/16
                  networkAddon: CALICO
                  httpProxy: http://proxy.example.com:3128
                  httpsProxy: http://proxy.example.com:3129
                  noProxy: [.example.com, 10.0.0.0/8]
                  registryAddress: 192.168.56.1
                  registryCaFile: registry-ca.crt
                """),
            ENV);
    LabCluster built =
        LabCluster.builder()
            .lab(read.lab())
            .name("demo")
            .os(NodeOs.UBUNTU_24_04)
            .addNodes(
                ClusterNode.builder()
                    .name("kube0")
                    .ip("192.168.56.10")
                    .role(NodeRole.CONTROL_PLANE)
                    .cpus(4)
                    .memoryMb(4096)
                    .build())
            .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
            .podNetworkCidr("10.245.0.0/16")
            .serviceCidr("10.97.0.0/16")
            .networkAddon(NetworkAddon.CALICO)
            .httpProxy("http://proxy.example.com:3128")
            .httpsProxy("http://proxy.example.com:3129")
            .addNoProxy(".example.com", "10.0.0.0/8")
            .registryAddress("192.168.56.1")
            .registryCaFile("registry-ca.crt")
            .build();
    for (String t : new String[] {"1.25", "1.32", "1.36"}) {
      KubernetesVersion v = KubernetesVersion.of(t);
      LabCluster fromSpec = read.cluster().orElseThrow().cluster(read.lab(), v).orElseThrow();
      assertThat(fromSpec).isEqualTo(built);
      assertThat(fromSpec.render(v)).isEqualTo(built.render(v));
    }
  }

  @Test
  void withoutOsEachTargetGetsTheSeedClustersOs() throws IOException {
    ClusterProvider provider =
        ClusterSpec.read(
                spec(
                    """
                    cluster:
                      nodes:
                        - {name: kube0, ip: 192.168.56.10, role: CONTROL_PLANE}
                        - {name: node1, ip: 192.168.56.11}
                    """),
                ENV)
            .cluster()
            .orElseThrow();
    var lab = ClusterSpec.read(dir.resolve("lab.yaml"), ENV).lab();
    assertThat(provider.cluster(lab, KubernetesVersion.of("1.5"))).isEmpty();
    assertThat(provider.cluster(lab, KubernetesVersion.of("1.30")).orElseThrow().os())
        .isEqualTo(NodeOs.CENTOS_7);
    assertThat(provider.cluster(lab, KubernetesVersion.of("1.31")).orElseThrow().os())
        .isEqualTo(NodeOs.UBUNTU_24_04);
  }

  @Test
  void unknownKeysAndWrongTypesAreReportedAtTheirLines() throws IOException {
    Path file =
        spec(
            """
            cluster:
              subnett: 192.168.56.0/24
              networkAddon: WEAVE
              nodes:
                - {name: kube0, ip: 192.168.56.10, role: MASTER, cpus: two}
            """);
    assertThatThrownBy(() -> ClusterSpec.read(file, ENV))
        .isInstanceOf(LabSpecException.class)
        .hasMessageContaining("lab.yaml:10:3: cluster.subnett")
        .hasMessageContaining("subnet")
        .hasMessageContaining("lab.yaml:11:17: cluster.networkAddon")
        .hasMessageContaining("FLANNEL")
        .hasMessageContaining("cluster.nodes[0].role")
        .hasMessageContaining("cluster.nodes[0].cpus")
        .hasMessageNotContaining("pw-not-a-secret");
  }

  @Test
  void theClustersChecksAreReportedAtTheLinesTheyConcern() throws IOException {
    Path file =
        spec(
            """
            cluster:
              box: acme/box
              nodes:
                - {name: kube0, ip: 192.168.56.10, role: CONTROL_PLANE}
                - {name: kube0, ip: 192.168.56.300}
                - {name: node2, ip: 10.244.0.5}
            """);
    assertThatThrownBy(() -> ClusterSpec.read(file, ENV))
        .isInstanceOf(LabSpecException.class)
        .hasMessageContaining("lab.yaml:10:8: cluster.box: a box is one OS's")
        .hasMessageContaining("lab.yaml:13:14: cluster.nodes[1].name:")
        .hasMessageContaining("lab.yaml:13:25: cluster.nodes[1].ip: '192.168.56.300'")
        .hasMessageContaining("cluster.nodes[2].ip: '10.244.0.5'")
        // the master's node is the lab's key: reported where the lab names it
        .hasMessageContaining("lab.yaml:7:90: master.node")
        .hasMessageContaining("master.node: 'node1'");
  }
}
