package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;

/**
 * The operating system every node runs, with the Vagrant box that brings it, its kernel and cgroup
 * version, and the Kubernetes targets it can run.
 *
 * <p>The ranges follow the upstream projects (docs/cluster.md names each source): Kubernetes
 * supports cgroup v2 from 1.25 and its kubelet refuses cgroup v1 from 1.35; kubeadm's preflight
 * refuses kernels older than 4.19 from 1.32; containerd's Kubernetes matrix asks for 1.6.34 or
 * later from Kubernetes 1.31, which Docker never built for CentOS 7.
 */
public enum NodeOs {
  /**
   * CentOS 7, as in the seed write-up: kernel 3.10, cgroup v1, yum; end of life since 2024-06-30,
   * its packages on vault.centos.org. Runs 1.6-1.30.
   */
  CENTOS_7("centos/7", "CentOS 7", PackageManager.YUM, false, "3.10", 30, "", ""),
  /** Debian 12 "bookworm": kernel 6.1, cgroup v2, apt. Runs 1.25 and later. */
  DEBIAN_12(
      "debian/bookworm64",
      "Debian 12",
      PackageManager.APT,
      true,
      "6.1",
      KubernetesVersion.MAX_MINOR,
      "debian",
      "bookworm"),
  /** Ubuntu 24.04 LTS "noble": kernel 6.8, cgroup v2, apt. Runs 1.25 and later. */
  UBUNTU_24_04(
      "bento/ubuntu-24.04",
      "Ubuntu 24.04",
      PackageManager.APT,
      true,
      "6.8",
      KubernetesVersion.MAX_MINOR,
      "ubuntu",
      "noble");

  private final String defaultBox;
  private final String displayName;
  private final PackageManager packageManager;
  private final boolean cgroupV2;
  private final String kernel;
  private final int maxMinor;
  private final String aptDistribution;
  private final String codename;

  NodeOs(
      String defaultBox,
      String displayName,
      PackageManager packageManager,
      boolean cgroupV2,
      String kernel,
      int maxMinor,
      String aptDistribution,
      String codename) {
    this.defaultBox = defaultBox;
    this.displayName = displayName;
    this.packageManager = packageManager;
    this.cgroupV2 = cgroupV2;
    this.kernel = kernel;
    this.maxMinor = maxMinor;
    this.aptDistribution = aptDistribution;
    this.codename = codename;
  }

  /** The Vagrant box used unless the cluster names another, for example {@code centos/7}. */
  public String defaultBox() {
    return defaultBox;
  }

  /** A name for comments and messages, for example {@code CentOS 7}. */
  public String displayName() {
    return displayName;
  }

  /** How the OS installs packages. */
  public PackageManager packageManager() {
    return packageManager;
  }

  /** True when the OS mounts the unified cgroup v2 hierarchy by default. */
  public boolean cgroupV2() {
    return cgroupV2;
  }

  /** The kernel series the OS ships, for example {@code 3.10}. */
  public String kernel() {
    return kernel;
  }

  /** Oldest Kubernetes minor the OS can run: 1.25 (cgroup v2 support went GA) or 1.6. */
  public int minMinor() {
    return cgroupV2 ? 25 : 6;
  }

  /** Newest Kubernetes minor the OS can run: 1.30 for CentOS 7, the newest target otherwise. */
  public int maxMinor() {
    return maxMinor;
  }

  /** Docker's apt repository path for the OS ({@code debian}, {@code ubuntu}); empty for yum. */
  String aptDistribution() {
    return aptDistribution;
  }

  /** The release's code name in apt sources ({@code bookworm}, {@code noble}); empty for yum. */
  String codename() {
    return codename;
  }
}
