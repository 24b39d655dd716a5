package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's consistency checks: every problem at once, with field, value and example. */
class ClusterChecksTest {

  private static List<LabProblem> problems(Runnable build) {
    try {
      build.run();
    } catch (InvalidLabException e) {
      return e.problems();
    }
    throw new AssertionError("expected an InvalidLabException");
  }

  private static List<String> fields(List<LabProblem> problems) {
    return problems.stream().map(LabProblem::field).toList();
  }

  @Test
  void seedClusterHasTheWriteUpsLayout() {
    LabCluster c = ClusterFixtures.seed();
    assertThat(c.nodes())
        .extracting(ClusterNode::name, ClusterNode::ip, ClusterNode::role)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kube0", "192.168.56.10", NodeRole.CONTROL_PLANE),
            org.assertj.core.groups.Tuple.tuple("node1", "192.168.56.11", NodeRole.WORKER),
            org.assertj.core.groups.Tuple.tuple("node2", "192.168.56.12", NodeRole.WORKER));
    assertThat(c.os()).isEqualTo(NodeOs.CENTOS_7);
    assertThat(c.box()).isEqualTo("centos/7");
    assertThat(c.saltMasterNodeName()).isEqualTo("kube0");
    assertThat(c.lab().registry().server()).isEqualTo("registry.lab.local:5000");
  }

  @Test
  void reportsEveryNodeProblemAtOnce() {
    List<LabProblem> p =
        problems(
            () ->
                LabCluster.builder()
                    .lab(ClusterFixtures.seedLab("nowhere"))
                    .os(NodeOs.UBUNTU_24_04)
                    .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
                    .addNodes(ClusterNode.controlPlane("Kube_1", "192.168.56.10"))
                    .addNodes(ClusterNode.worker("kube0", "192.168.57.12"))
                    .addNodes(ClusterNode.worker("node3", "10.244.3.4"))
                    .addNodes(
                        ClusterNode.builder()
                            .name("node4")
                            .ip("192.168.56.300")
                            .cpus(0)
                            .memoryMb(256)
                            .build())
                    .httpProxy("http://user:secret@proxy:3128")
                    .registryAddress("192.168.56.10")
                    .build());
    assertThat(fields(p))
        .contains(
            "nodes[1].name",
            "nodes[1].ip",
            "nodes[2].name",
            "nodes[2].ip",
            "nodes[3].ip",
            "nodes[4].ip",
            "nodes[4].cpus",
            "nodes[4].memoryMb",
            "nodes",
            "lab.master.node",
            "httpProxy",
            "registryAddress");
    assertThat(p).allSatisfy(problem -> assertThat(problem.expected()).isNotBlank());
    assertThat(p.toString()).doesNotContain("secret").contains("http://****@proxy:3128");
  }

  @Test
  void rangesMustNotOverlap() {
    List<LabProblem> p =
        problems(
            () ->
                LabCluster.builder()
                    .lab(ClusterFixtures.seedLab())
                    .os(NodeOs.CENTOS_7)
                    .addNodes(ClusterNode.controlPlane("kube0", "10.96.0.10"))
                    .subnet("10.96.0.0/24")
                    .podNetworkCidr("10.96.0.0/16")
                    .serviceCidr("10.96.0.0/12")
                    .build());
    assertThat(fields(p)).contains("serviceCidr", "podNetworkCidr", "nodes[0].ip");
  }

  @Test
  void rejectsCidrsWithHostBitsAndMissingControlPlane() {
    List<LabProblem> p =
        problems(
            () ->
                LabCluster.builder()
                    .lab(ClusterFixtures.seedLab("node1"))
                    .os(NodeOs.CENTOS_7)
                    .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
                    .podNetworkCidr("10.244.1.0/16")
                    .subnet("192.168.56.0/33")
                    .build());
    assertThat(fields(p)).containsExactlyInAnyOrder("podNetworkCidr", "subnet", "nodes");
  }

  @Test
  void nodesMustShareTheFirstNodesSubnetUnlessOneIsDeclared() {
    assertThat(
            fields(
                problems(
                    () ->
                        LabCluster.builder()
                            .lab(ClusterFixtures.seedLab())
                            .os(NodeOs.CENTOS_7)
                            .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
                            .addNodes(ClusterNode.worker("node1", "192.168.57.11"))
                            .build())))
        .containsExactly("nodes[1].ip");
    LabCluster wide =
        LabCluster.builder()
            .lab(ClusterFixtures.seedLab())
            .os(NodeOs.CENTOS_7)
            .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
            .addNodes(ClusterNode.worker("node1", "192.168.57.11"))
            .subnet("192.168.56.0/21")
            .build();
    assertThat(wide.nodes()).hasSize(2);
  }

  @Test
  void targetMustFitTheOsAndTheAddOn() {
    assertThatThrownBy(() -> ClusterFixtures.current().render(KubernetesVersion.of("1.6")))
        .isInstanceOf(InvalidLabException.class)
        .satisfies(
            e ->
                assertThat(fields(((InvalidLabException) e).problems()))
                    .containsExactly("os", "networkAddon"));
    assertThatThrownBy(() -> ClusterFixtures.seed().render(KubernetesVersion.of("1.36")))
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("cgroup v1");
    assertThat(ClusterFixtures.seed().render("1.30")).containsKey("Vagrantfile");
  }

  @Test
  void problemsNeverShowTheRegistryPassword() {
    assertThatThrownBy(
            () -> LabCluster.builder().lab(ClusterFixtures.seedLab()).os(NodeOs.CENTOS_7).build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("nodes")
        .hasMessageNotContaining(ClusterFixtures.PASSWORD);
  }
}
