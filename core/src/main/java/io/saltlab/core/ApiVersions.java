package io.saltlab.core;

/**
 * What one target Kubernetes version calls the resources saltlab renders: the API group/version of
 * each workload kind, the registry pull Secret's type and the optional fields it accepts.
 *
 * <p>Obtained from {@link ApiVersionTable#forTarget(KubernetesVersion)}; the table is the only
 * place where version differences are decided.
 */
public final class ApiVersions {
  private final String deployment;
  private final String statefulSet;
  private final String daemonSet;
  private final RegistrySecretFormat registrySecretFormat;
  private final boolean hostPathType;
  private final boolean serviceWithoutPorts;
  private final String podDisruptionBudget;
  private final String networkPolicy;

  ApiVersions(
      String deployment,
      String statefulSet,
      String daemonSet,
      RegistrySecretFormat registrySecretFormat,
      boolean hostPathType,
      boolean serviceWithoutPorts,
      String podDisruptionBudget,
      String networkPolicy) {
    this.deployment = deployment;
    this.statefulSet = statefulSet;
    this.daemonSet = daemonSet;
    this.registrySecretFormat = registrySecretFormat;
    this.hostPathType = hostPathType;
    this.serviceWithoutPorts = serviceWithoutPorts;
    this.podDisruptionBudget = podDisruptionBudget;
    this.networkPolicy = networkPolicy;
  }

  /**
   * apiVersion of PodDisruptionBudget: {@code policy/v1beta1} up to 1.20, {@code policy/v1} after.
   */
  public String podDisruptionBudget() {
    return podDisruptionBudget;
  }

  /**
   * apiVersion of NetworkPolicy: {@code networking.k8s.io/v1} from 1.7; none before, where only the
   * beta {@code extensions/v1beta1} kind existed, with other semantics (isolation was switched on
   * by a namespace annotation), so saltlab renders none there.
   *
   * @return the apiVersion, empty before 1.7
   */
  public java.util.Optional<String> networkPolicy() {
    return java.util.Optional.ofNullable(networkPolicy);
  }

  /**
   * apiVersion of Deployment: {@code extensions/v1beta1}, {@code apps/v1beta2} or {@code apps/v1}.
   */
  public String deployment() {
    return deployment;
  }

  /** apiVersion of StatefulSet: {@code apps/v1beta1}, {@code apps/v1beta2} or {@code apps/v1}. */
  public String statefulSet() {
    return statefulSet;
  }

  /**
   * apiVersion of DaemonSet: {@code extensions/v1beta1}, {@code apps/v1beta2} or {@code apps/v1}.
   */
  public String daemonSet() {
    return daemonSet;
  }

  /** Which Secret type and data key carry registry credentials on this version. */
  public RegistrySecretFormat registrySecretFormat() {
    return registrySecretFormat;
  }

  /** Whether {@code hostPath.type} exists (1.8 and later); older API servers reject the field. */
  public boolean supportsHostPathType() {
    return hostPathType;
  }

  /** Whether a Service may have no ports (headless, for DNS only); 1.5 requires at least one. */
  public boolean allowsServiceWithoutPorts() {
    return serviceWithoutPorts;
  }

  /**
   * The apiVersion for a workload kind on this target.
   *
   * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
   * @return the apiVersion, or {@code null} for kinds whose apiVersion never changes
   */
  public String workloadApiVersion(String kind) {
    switch (kind) {
      case "Deployment":
        return deployment;
      case "StatefulSet":
        return statefulSet;
      case "DaemonSet":
        return daemonSet;
      default:
        return null;
    }
  }
}
