package io.saltlab.core;

import java.util.List;

/**
 * Fields and values that arrived in Kubernetes later than the kinds that hold them, with the first
 * target where saltlab renders them: the second half of the one version table ({@link
 * ApiVersionTable} has the kinds). A lab that uses one of them for an older target is refused with
 * a message naming that version, or rendered in the older form this table names (an annotation).
 *
 * <p>"First target" is the first release that accepts the field without a feature gate being
 * switched on: a field behind a gate that is off is dropped by the API server without a word, which
 * is worse than a refusal. Sources: the bundled OpenAPI documents (1.5-1.11) for fields, and the
 * Kubernetes documentation's feature gate tables (feature-gates and feature-gates-removed pages)
 * for the gates' beta releases.
 */
public enum KubernetesFeature {
  /** {@code tolerations} on the pod spec; before, the alpha annotation. */
  TOLERATIONS("`tolerations`", 6, "annotation `scheduler.alpha.kubernetes.io/tolerations`"),
  /** {@code affinity} on the pod spec; before, the alpha annotation. */
  AFFINITY(
      "`affinity` (spreading over nodes)",
      6,
      "annotation `scheduler.alpha.kubernetes.io/affinity`"),
  /** {@code envFrom} (a whole Secret or ConfigMap as environment). */
  ENV_FROM("`envFrom`", 6, null),
  /**
   * {@code projected} volumes (several ConfigMaps in one directory): how a lab whose master data
   * needs more than one ConfigMap mounts them.
   */
  PROJECTED_VOLUME("`projected` volumes (a lab's Salt data over several ConfigMaps)", 6, null),
  /** {@code storageClassName} of a claim; before, the beta annotation. */
  STORAGE_CLASS_NAME(
      "`storageClassName` of a claim", 6, "annotation `volume.beta.kubernetes.io/storage-class`"),
  /** {@code maxUnavailable} of a PodDisruptionBudget. */
  PDB_MAX_UNAVAILABLE("`maxUnavailable` of a PodDisruptionBudget", 7, null),
  /** NetworkPolicy in {@code networking.k8s.io/v1}. */
  NETWORK_POLICY("NetworkPolicy (`networking.k8s.io/v1`)", 7, null),
  /** {@code allowPrivilegeEscalation} of a container's securityContext. */
  ALLOW_PRIVILEGE_ESCALATION("`allowPrivilegeEscalation`", 8, null),
  /** The {@code ephemeral-storage} resource (LocalStorageCapacityIsolation beta). */
  EPHEMERAL_STORAGE("`ephemeral-storage` requests and limits", 10, null),
  /** {@code sizeLimit} of an emptyDir (LocalStorageCapacityIsolation beta). */
  EMPTY_DIR_SIZE_LIMIT("`sizeLimit` of an emptyDir", 10, null),
  /** {@code priorityClassName} (PodPriority beta). */
  PRIORITY_CLASS_NAME("`priorityClassName`", 11, null),
  /** {@code runAsGroup} (RunAsGroup beta). */
  RUN_AS_GROUP("`runAsGroup`", 14, null),
  /** {@code startupProbe} (StartupProbe beta). */
  STARTUP_PROBE("`startupProbe`", 18, null),
  /** {@code topologySpreadConstraints} (EvenPodsSpread beta). */
  TOPOLOGY_SPREAD("`topologySpreadConstraints`", 18, "preferred pod anti-affinity only"),
  /**
   * {@code seccompProfile} of the pod's securityContext; before, the alpha annotation with {@code
   * docker/default} (up to 1.10) or {@code runtime/default} (1.11-1.18).
   */
  SECCOMP_PROFILE("`seccompProfile`", 19, "annotation `seccomp.security.alpha.kubernetes.io/pod`"),
  /**
   * The {@code apps.kubernetes.io/pod-index} label a StatefulSet member can read its ordinal from.
   */
  POD_INDEX_LABEL("label `apps.kubernetes.io/pod-index` (a member's ordinal)", 28, null);

  private final String what;
  private final int sinceMinor;
  private final String before;

  KubernetesFeature(String what, int sinceMinor, String before) {
    this.what = what;
    this.sinceMinor = sinceMinor;
    this.before = before;
  }

  /** What the feature is, as the documentation's table names it. */
  public String what() {
    return what;
  }

  /** The first target that has it. */
  public KubernetesVersion since() {
    return KubernetesVersion.ofMinor(sinceMinor);
  }

  /**
   * Whether a target has the feature.
   *
   * @param target the cluster's version
   * @return true from {@link #since()} on
   */
  public boolean isOn(KubernetesVersion target) {
    return target.isAtLeast(sinceMinor);
  }

  /**
   * Whether older targets get an older form (an annotation) instead of a refusal.
   *
   * @return the older form, or {@code null} when older targets refuse the feature
   */
  public String before() {
    return before;
  }

  /**
   * The table of features as Markdown; the documentation embeds it and a test keeps the two equal.
   *
   * @return a Markdown table ending with a newline
   */
  public static String markdownTable() {
    StringBuilder out =
        new StringBuilder("| field | first target | older targets |\n|---|---|---|\n");
    for (KubernetesFeature f : List.of(values())) {
      out.append("| ")
          .append(f.what)
          .append(" | ")
          .append(f.since())
          .append(" | ")
          .append(f.before == null ? "refused" : f.before)
          .append(" |\n");
    }
    return out.toString();
  }
}
