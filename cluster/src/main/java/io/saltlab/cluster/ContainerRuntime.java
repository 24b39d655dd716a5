package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;

/**
 * The container runtime a node gets for a target: its name, the release line the scripts install
 * and write the configuration of, and the repository it comes from. The choice follows the upstream
 * support statements listed in docs/cluster.md: docker through the kubelet's dockershim before 1.24
 * (dockershim was removed in 1.24), then the containerd line containerd's own Kubernetes matrix
 * (RELEASES.md) lists for the target, from Docker's package repositories.
 *
 * @param name {@code docker} or {@code containerd}
 * @param line the release line, for example {@code 2.2}
 * @param source where the package comes from, for people
 */
record ContainerRuntime(String name, String line, String source) {

  /**
   * The runtime of a node of an OS for a target.
   *
   * @param os the node's OS
   * @param target the Kubernetes version, one the OS runs
   * @return the runtime
   */
  static ContainerRuntime of(NodeOs os, KubernetesVersion target) {
    int minor = target.minor();
    if (minor < 24) {
      return new ContainerRuntime("docker", "1.13", "CentOS 7 extras");
    }
    if (os.packageManager() == PackageManager.YUM) {
      // Docker's CentOS 7 builds ended with CentOS 7 (2024-06-30): 1.6 is the last line there.
      return new ContainerRuntime("containerd", "1.6", "Docker's CentOS 7 repository");
    }
    String repository = "Docker's " + os.displayName() + " repository";
    if (minor <= 31) {
      return new ContainerRuntime("containerd", "1.7", repository);
    }
    // containerd lists 2.1 (2.1.0+ for 1.32-1.33, 2.1.3+ for 1.34, 2.1.5+ for 1.35) and
    // 2.2.0+ or 2.3.0+ for 1.36; Docker shipped one 2.1 package, 2.1.5.
    return new ContainerRuntime("containerd", minor <= 35 ? "2.1" : "2.2", repository);
  }

  /** True for docker, which the kubelet reaches through its dockershim. */
  boolean docker() {
    return name.equals("docker");
  }

  /** True when the configuration is containerd's version 3 (containerd 2.x), not version 2. */
  boolean configVersion3() {
    return line.startsWith("2.");
  }

  /** For people: {@code containerd 2.2 from Docker's Ubuntu 24.04 repository}. */
  String describe() {
    return name + " " + line + " from " + source;
  }
}
