package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.AppRole;
import io.saltlab.topology.Registry;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;
import java.util.ArrayList;
import java.util.List;

/** The labs and clusters the cluster tests render: the seed write-up's and a current one. */
final class ClusterFixtures {
  /** An obviously fake password; the tests assert it never reaches a generated file. */
  static final String PASSWORD = "example-password-not-a-secret";

  private ClusterFixtures() {}

  /**
   * A lab like the seed write-up's (the examples module's SeedLab, which this module cannot see).
   */
  static SaltLab seedLab() {
    return seedLab("kube0");
  }

  /** The seed-like lab with its salt-master pinned to {@code masterNode}. */
  static SaltLab seedLab(String masterNode) {
    String registry = "registry.lab.local:5000";
    return SaltLab.builder()
        .name("salt-lab")
        .registry(
            Registry.builder()
                .server(registry)
                .username("lab")
                .password(SecretValue.of(PASSWORD))
                .email("lab@example.com")
                .build())
        .master(
            SaltMaster.builder()
                .image(registry + "/salt/master:3006.9")
                .hostRoot("/home/vagrant/salt")
                .node(masterNode)
                .build())
        .autosignToken(SecretValue.of("example-token-not-a-secret"))
        .minionImage(registry + "/salt/minion:3006.9")
        .addRoles(AppRole.builder().name("salt-minion").build())
        .build();
  }

  /** The seed write-up's cluster: CentOS 7, kube0/node1/node2, flannel, insecure registry. */
  static LabCluster seed() {
    return LabCluster.seedCluster(seedLab());
  }

  /**
   * A current cluster: Ubuntu 24.04, containerd, calico, a proxy, a registry trusted through its CA
   * and the salt-master's directories on a worker.
   */
  static LabCluster current() {
    return LabCluster.builder()
        .lab(seedLab("node1"))
        .os(NodeOs.UBUNTU_24_04)
        .addNodes(
            ClusterNode.builder()
                .name("kube0")
                .ip("192.168.56.10")
                .role(NodeRole.CONTROL_PLANE)
                .cpus(2)
                .memoryMb(4096)
                .build())
        .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
        .addNodes(ClusterNode.worker("node2", "192.168.56.12"))
        .networkAddon(NetworkAddon.CALICO)
        .podNetworkCidr("10.244.0.0/16")
        .httpProxy("http://proxy.example.com:3128")
        .httpsProxy("http://proxy.example.com:3128")
        .addNoProxy(".example.com")
        .registryAddress("192.168.56.1")
        .registryCaFile("registry-ca.crt")
        .build();
  }

  /** One cluster and the target it is rendered for, named for messages. */
  record Case(String name, LabCluster cluster, KubernetesVersion target) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Every OS with every target it runs, each in two layouts: the seed's (flannel, insecure
   * registry, no proxy, master on the control plane) and a full one (calico where its manifests fit
   * the target, both proxies, a registry CA, the master on a worker, one node bigger).
   */
  static List<Case> everyTargetAndOs() {
    List<Case> cases = new ArrayList<>();
    for (NodeOs os : NodeOs.values()) {
      for (KubernetesVersion target : KubernetesVersion.all()) {
        if (target.minor() < os.minMinor() || target.minor() > os.maxMinor()) {
          continue;
        }
        cases.add(new Case(os + "-seed-" + target, seedLayout(os), target));
        cases.add(new Case(os + "-full-" + target, fullLayout(os, target), target));
      }
    }
    return cases;
  }

  private static LabCluster seedLayout(NodeOs os) {
    return LabCluster.builder()
        .lab(seedLab())
        .os(os)
        .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
        .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
        .addNodes(ClusterNode.worker("node2", "192.168.56.12"))
        .subnet("192.168.56.0/24")
        .registryAddress("192.168.56.1")
        .build();
  }

  private static LabCluster fullLayout(NodeOs os, KubernetesVersion target) {
    return LabCluster.builder()
        .lab(seedLab("node1"))
        .os(os)
        .addNodes(
            ClusterNode.builder()
                .name("kube0")
                .ip("192.168.56.10")
                .role(NodeRole.CONTROL_PLANE)
                .cpus(4)
                .memoryMb(4096)
                .build())
        .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
        .networkAddon(
            target.minor() >= NetworkAddon.CALICO.minMinor()
                ? NetworkAddon.CALICO
                : NetworkAddon.FLANNEL)
        .podNetworkCidr("10.245.0.0/16")
        .serviceCidr("10.97.0.0/16")
        .httpProxy("http://proxy.example.com:3128")
        .httpsProxy("http://proxy.example.com:3129")
        .addNoProxy(".example.com")
        .registryAddress("192.168.56.1")
        .registryCaFile("registry-ca.crt")
        .build();
  }
}
