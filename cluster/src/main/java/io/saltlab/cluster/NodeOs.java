package io.saltlab.cluster;

/**
 * The operating system every node runs, with the Vagrant box that brings it.
 *
 * <p>The cgroup version matters: Kubernetes supports cgroup v2 from 1.25 and its kubelet refuses
 * cgroup v1 from 1.35, so each OS only fits a range of targets (checked at render time).
 */
public enum NodeOs {
  /** CentOS 7, as in the seed write-up: cgroup v1, yum, end of life since 2024-06-30. */
  CENTOS_7("centos/7", "CentOS 7", PackageManager.YUM, false),
  /** Debian 12 "bookworm": cgroup v2, apt. */
  DEBIAN_12("debian/bookworm64", "Debian 12", PackageManager.APT, true),
  /** Ubuntu 24.04 LTS "noble": cgroup v2, apt. */
  UBUNTU_24_04("bento/ubuntu-24.04", "Ubuntu 24.04", PackageManager.APT, true);

  private final String defaultBox;
  private final String displayName;
  private final PackageManager packageManager;
  private final boolean cgroupV2;

  NodeOs(String defaultBox, String displayName, PackageManager packageManager, boolean cgroupV2) {
    this.defaultBox = defaultBox;
    this.displayName = displayName;
    this.packageManager = packageManager;
    this.cgroupV2 = cgroupV2;
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

  /** Oldest Kubernetes minor the OS can run: 1.25 (cgroup v2 support went GA) or 1.6. */
  public int minMinor() {
    return cgroupV2 ? 25 : 6;
  }

  /** Newest Kubernetes minor the OS can run: 1.34 on cgroup v1 (1.35's kubelet refuses it). */
  public int maxMinor() {
    return cgroupV2 ? Integer.MAX_VALUE : 34;
  }
}
