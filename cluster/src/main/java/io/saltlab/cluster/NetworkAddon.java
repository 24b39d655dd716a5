package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import java.util.List;

/**
 * The pod network add-on the control plane applies after {@code kubeadm init}, with the manifests
 * it applies for a target version. Versions are pinned so that a lab rebuilt later gets the same
 * network; override the manifest with {@link LabCluster#addonManifestUrl()}.
 */
public enum NetworkAddon {
  /**
   * flannel (VXLAN). Targets before 1.16 get the v0.7.1 manifests of 2017 (extensions/v1beta1
   * DaemonSet, RBAC from 1.6), later ones the v0.26.1 release manifest.
   */
  FLANNEL(6),
  /**
   * Calico v3.29.1 (manifest install, its own IPAM); needs apps/v1 DaemonSets, so 1.16 or later.
   */
  CALICO(16);

  private final int minMinor;

  NetworkAddon(int minMinor) {
    this.minMinor = minMinor;
  }

  /** Oldest Kubernetes minor whose API the add-on's pinned manifests fit. */
  public int minMinor() {
    return minMinor;
  }

  /**
   * The manifests to apply, in order, for a target.
   *
   * @param target the cluster's version
   * @return https URLs of the manifests
   */
  public List<String> manifestUrls(KubernetesVersion target) {
    if (this == CALICO) {
      return List.of(
          "https://raw.githubusercontent.com/projectcalico/calico/v3.29.1/manifests/calico.yaml");
    }
    if (target.isAtLeast(16)) {
      return List.of(
          "https://github.com/flannel-io/flannel/releases/download/v0.26.1/kube-flannel.yml");
    }
    return List.of(
        "https://raw.githubusercontent.com/coreos/flannel/v0.7.1/Documentation/kube-flannel-rbac.yml",
        "https://raw.githubusercontent.com/coreos/flannel/v0.7.1/Documentation/kube-flannel.yml");
  }

  /** The add-on's name in lower case, for step names and file names: {@code flannel}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
