package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import java.util.List;
import java.util.Locale;

/**
 * The pod network add-on the control plane applies after {@code kubeadm init}, with the release
 * whose manifests it applies for a target. Each target gets a release its project supports for that
 * Kubernetes version (docs/cluster.md lists them and their sources), pinned so that a lab rebuilt
 * later gets the same network; override the manifest with {@link LabCluster#addonManifestUrl()}.
 */
public enum NetworkAddon {
  /**
   * flannel (VXLAN): v0.7.1 for 1.6 (the write-up's, two manifests), v0.11.0 for 1.7-1.15 and
   * v0.13.0 for 1.16 (whose READMEs say "Kubernetes v1.7+"), v0.26.1 from 1.17 (its README:
   * "v1.17+").
   */
  FLANNEL(6),
  /**
   * Calico (manifest install, its own IPAM), from 1.22: the release Calico tests on each target
   * (v3.24.6 for 1.22-1.25, v3.26.5 for 1.26-1.28, v3.28.5 for 1.29-1.30, v3.30.7 for 1.31-1.35,
   * v3.32.1 for 1.36). Older releases published no manifest at their release tag.
   */
  CALICO(22);

  private static final String FLANNEL_RAW =
      "https://raw.githubusercontent.com/flannel-io/flannel/%s/Documentation/%s";
  private static final String CALICO_RAW =
      "https://raw.githubusercontent.com/projectcalico/calico/%s/manifests/calico.yaml";

  private final int minMinor;

  NetworkAddon(int minMinor) {
    this.minMinor = minMinor;
  }

  /** Oldest Kubernetes minor the add-on has a supported, pinned release for. */
  public int minMinor() {
    return minMinor;
  }

  /**
   * The add-on release applied for a target.
   *
   * @param target the cluster's version, at least {@link #minMinor()}
   * @return the release tag, for example {@code v0.26.1}
   */
  public String release(KubernetesVersion target) {
    int minor = target.minor();
    if (this == CALICO) {
      if (minor <= 25) {
        return "v3.24.6";
      }
      if (minor <= 28) {
        return "v3.26.5";
      }
      if (minor <= 30) {
        return "v3.28.5";
      }
      return minor <= 35 ? "v3.30.7" : "v3.32.1";
    }
    if (minor <= 6) {
      return "v0.7.1";
    }
    if (minor <= 15) {
      return "v0.11.0";
    }
    return minor == 16 ? "v0.13.0" : "v0.26.1";
  }

  /**
   * The manifests to apply, in order, for a target.
   *
   * @param target the cluster's version
   * @return https URLs of the manifests
   */
  public List<String> manifestUrls(KubernetesVersion target) {
    String release = release(target);
    if (this == CALICO) {
      return List.of(String.format(Locale.ROOT, CALICO_RAW, release));
    }
    if (release.equals("v0.7.1")) {
      return List.of(
          String.format(Locale.ROOT, FLANNEL_RAW, release, "kube-flannel-rbac.yml"),
          String.format(Locale.ROOT, FLANNEL_RAW, release, "kube-flannel.yml"));
    }
    if (target.minor() <= 16) {
      return List.of(String.format(Locale.ROOT, FLANNEL_RAW, release, "kube-flannel.yml"));
    }
    // The release asset, as the README of v0.26.1 applies it (older READMEs applied the file).
    return List.of(
        "https://github.com/flannel-io/flannel/releases/download/" + release + "/kube-flannel.yml");
  }

  /** The add-on's name in lower case, for step names and file names: {@code flannel}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
