package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.SaltDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rendered files must say, whatever their exact wording. */
class ClusterRenderTest {
  private static final KubernetesVersion V1_6 = KubernetesVersion.of("1.6");
  private static final KubernetesVersion V1_36 = KubernetesVersion.of("1.36");

  @Test
  void rendersTheSameFilesTwiceAndNoPassword() {
    for (LabCluster c : new LabCluster[] {ClusterFixtures.seed(), ClusterFixtures.current()}) {
      KubernetesVersion v = c.os() == NodeOs.CENTOS_7 ? V1_6 : V1_36;
      SortedMap<String, String> files = c.render(v);
      assertThat(files).isEqualTo(c.render(v));
      assertThat(files.keySet())
          .containsExactly(
              ".gitignore",
              "README.md",
              "Vagrantfile",
              "provision/common.sh",
              "provision/control-plane.sh",
              "provision/salt-host-paths.sh",
              "provision/worker.sh");
      files.forEach(
          (name, content) ->
              assertThat(content)
                  .as(name)
                  .doesNotContain(ClusterFixtures.PASSWORD)
                  .doesNotContain("TODO")
                  .doesNotContain("FIXME"));
    }
  }

  @Test
  void vagrantfileHasOneVmPerNodeOnThePrivateNetwork() {
    String v = ClusterFixtures.seed().render(V1_6).get("Vagrantfile");
    assertThat(v)
        .contains(
            "config.vm.box = \"centos/7\"",
            "node.vm.network \"private_network\", ip: \"192.168.56.10\"",
            "node.vm.network \"private_network\", ip: \"192.168.56.11\"",
            "node.vm.network \"private_network\", ip: \"192.168.56.12\"",
            "\"SALTLAB_REGISTRY_PASSWORD\" => ENV.fetch(\"SALTLAB_REGISTRY_PASSWORD\", \"\")");
    assertThat(v.indexOf("define \"kube0\"")).isLessThan(v.indexOf("define \"node1\""));
  }

  @Test
  void theRuntimeTrustsTheRegistryOfThePullSecret() {
    String server = ClusterFixtures.seedLab().registry().server();
    String old = ClusterFixtures.seed().render(V1_6).get("provision/common.sh");
    assertThat(old)
        .contains("\"insecure-registries\": [\"" + server + "\"]", "'" + server + "' \"${auth}\"");
    String current = ClusterFixtures.current().render(V1_36).get("provision/common.sh");
    assertThat(current)
        .contains(
            "/etc/containerd/certs.d/" + server + "/hosts.toml",
            "[host.\"https://" + server + "\"]",
            "/etc/systemd/system/containerd.service.d/saltlab-proxy.conf");
  }

  @Test
  void noProxyHoldsEveryNodeTheRegistryAndBothRanges() {
    LabCluster c = ClusterFixtures.current();
    assertThat(c.noProxyEntries())
        .contains(
            "192.168.56.10",
            "192.168.56.11",
            "192.168.56.12",
            "registry.lab.local",
            "10.96.0.0/12",
            "10.244.0.0/16",
            ".example.com");
    String common = c.render(V1_36).get("provision/common.sh");
    assertThat(common).contains("export NO_PROXY='" + String.join(",", c.noProxyEntries()) + "'");
    assertThat(ClusterFixtures.seed().render(V1_6).get("provision/common.sh"))
        .doesNotContain("NO_PROXY");
  }

  @Test
  void repositoriesAndRuntimeFollowTheTarget() {
    String old = ClusterFixtures.seed().render(V1_6).get("provision/common.sh");
    assertThat(old)
        .contains(
            "packages.cloud.google.com/yum/repos/kubernetes-el7-x86_64",
            "removed on 2024-03-04",
            "the nearest target that still installs is 1.24",
            "yum install -y docker",
            "'kubeadm-1.6.*'")
        .doesNotContain("pkgs.k8s.io/core", "/etc/containerd");
    String mid = ClusterFixtures.seed().render("1.30").get("provision/common.sh");
    assertThat(mid)
        .contains(
            "https://pkgs.k8s.io/core:/stable:/v1.30/rpm/",
            "yum install -y 'containerd.io-1.6.*'",
            "version = 2\n",
            "'kubeadm-1.30.*'")
        .doesNotContain("packages.cloud.google.com", "version = 3");
    String current = ClusterFixtures.current().render(V1_36).get("provision/common.sh");
    assertThat(current)
        .contains(
            "https://pkgs.k8s.io/core:/stable:/v1.36/deb/",
            "https://download.docker.com/linux/ubuntu noble stable",
            "'containerd.io=2.2.*'",
            "version = 3\n",
            "/etc/default/kubelet");
  }

  @Test
  void theRuntimeIsConfiguredByStructureNeverByEditingDefaults() {
    for (ClusterFixtures.Case c : ClusterFixtures.everyTargetAndOs()) {
      String common = c.cluster().render(c.target()).get("provision/common.sh");
      assertThat(common).as(c.name()).doesNotContain("config default", "<<< \"${config}\"");
      ContainerRuntime runtime = ContainerRuntime.of(c.cluster().os(), c.target());
      if (runtime.docker()) {
        assertThat(common).as(c.name()).doesNotContain("/etc/containerd/config.toml");
        continue;
      }
      // The configuration written is the one of the line the script insists on.
      assertThat(common)
          .as(c.name())
          .contains(
              "  " + runtime.line() + ".*) ;;",
              "# containerd " + runtime.line() + " configuration, written by saltlab",
              runtime.configVersion3() ? "version = 3\n" : "version = 2\n",
              "SystemdCgroup = true",
              "config_path = ");
    }
  }

  @Test
  void containerdLinesFollowContainerdsKubernetesMatrix() {
    // containerd RELEASES.md, "Kubernetes Support": the lines recommended for each target.
    assertThat(ContainerRuntime.of(NodeOs.CENTOS_7, KubernetesVersion.of("1.30")).line())
        .isEqualTo("1.6");
    assertThat(ContainerRuntime.of(NodeOs.UBUNTU_24_04, KubernetesVersion.of("1.31")).line())
        .isEqualTo("1.7");
    for (String t : List.of("1.32", "1.33", "1.34", "1.35")) {
      assertThat(ContainerRuntime.of(NodeOs.DEBIAN_12, KubernetesVersion.of(t)).line())
          .as(t)
          .isEqualTo("2.1");
    }
    assertThat(ContainerRuntime.of(NodeOs.UBUNTU_24_04, V1_36).line()).isEqualTo("2.2");
    assertThat(ContainerRuntime.of(NodeOs.CENTOS_7, KubernetesVersion.of("1.23")).docker())
        .isTrue();
  }

  @Test
  void kubeadmUsesThePrivateAddresses() {
    Map<String, String> files = ClusterFixtures.seed().render(V1_6);
    assertThat(files.get("provision/control-plane.sh"))
        .contains(
            "--apiserver-advertise-address=192.168.56.10",
            "--pod-network-cidr=10.244.0.0/16",
            "--service-cidr=10.96.0.0/12",
            "kube-flannel.yml",
            "--iface=${iface}");
    assertThat(files.get("provision/common.sh"))
        .contains(
            "KUBELET_EXTRA_ARGS=\"--node-ip=${NODE_IP}\"",
            "192.168.56.12 node2",
            "192.168.56.1 registry.lab.local");
    assertThat(files.get("provision/worker.sh"))
        .contains("192.168.56.10:6443")
        .doesNotContain("unsafe-skip-ca-verification");
    assertThat(ClusterFixtures.current().render(V1_36).get("provision/worker.sh"))
        .contains("--discovery-token-unsafe-skip-ca-verification");
  }

  @Test
  void saltHostPathsGoToTheirNode() {
    LabCluster current = ClusterFixtures.current();
    Map<String, String> files = current.render(V1_36);
    for (SaltDirectory d : SaltDirectory.values()) {
      assertThat(files.get("provision/salt-host-paths.sh"))
          .contains("'" + current.lab().master().hostPath(d) + "'");
    }
    String vagrantfile = files.get("Vagrantfile");
    String node1 =
        vagrantfile.substring(
            vagrantfile.indexOf("define \"node1\""), vagrantfile.indexOf("define \"node2\""));
    assertThat(node1).contains("salt-host-paths.sh");
    assertThat(vagrantfile.split("salt-host-paths.sh", -1)).hasSize(2);
    assertThat(files.get("provision/control-plane.sh")).doesNotContain("kubectl taint");
    assertThat(ClusterFixtures.seed().render(V1_6).get("provision/control-plane.sh"))
        .contains("kubectl taint nodes kube0");
  }

  @Test
  void everyScriptStopsOnTheFirstErrorAndNamesTheStep() {
    ClusterFixtures.current()
        .render(V1_36)
        .forEach(
            (name, content) -> {
              if (name.endsWith(".sh")) {
                assertThat(content)
                    .as(name)
                    .startsWith("#!/usr/bin/env bash\n")
                    .contains(
                        "set -Eeuo pipefail", "trap 'echo \"saltlab: step \\\"${STEP}\\\" failed");
              }
            });
  }

  @Test
  void writesExecutableScriptsAndRefusesPathsOutsideTheFolder(@TempDir Path dir) throws Exception {
    var written = ClusterFixtures.seed().writeTo(dir, V1_6);
    assertThat(written).hasSize(7);
    Path common = dir.resolve("provision/common.sh");
    assertThat(Files.readString(common))
        .isEqualTo(ClusterFixtures.seed().render(V1_6).get("provision/common.sh"));
    if (Files.getFileStore(common).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(common)).contains(PosixFilePermission.OWNER_EXECUTE);
    }
    assertThatThrownBy(() -> LabCluster.write(Map.of("../escape.sh", ""), dir))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSingleNodeClusterHasNoWorkerScript() {
    LabCluster one =
        LabCluster.builder()
            .lab(ClusterFixtures.seedLab("solo"))
            .os(NodeOs.DEBIAN_12)
            .addNodes(ClusterNode.controlPlane("solo", "192.168.56.20"))
            .build();
    Map<String, String> files = one.render(V1_36);
    assertThat(files).doesNotContainKey("provision/worker.sh");
    assertThat(files.get("Vagrantfile")).contains("debian/bookworm64").doesNotContain("worker.sh");
  }
}
