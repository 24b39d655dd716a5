package io.saltlab.topology;

import java.util.Locale;

/**
 * A step of the order in which a lab's objects are applied: each layer needs what the layers before
 * it created. The namespace first (and any CustomResourceDefinition, which the custom objects of
 * later layers need); then what pods mount or are allowed to use (Secrets, ConfigMaps, accounts and
 * roles, volumes); then the salt-master, which minions connect to; then the minions and roles; last
 * any object of a kind the Kubernetes API does not define (a custom resource), since its controller
 * usually runs in an earlier layer.
 */
public enum ApplyLayer {
  /** Namespaces and CustomResourceDefinitions. */
  NAMESPACE,
  /** Secrets, ConfigMaps, ServiceAccounts, RBAC, volumes, quotas and policies. */
  CONFIG,
  /** The salt-master's Service and workload. */
  MASTER,
  /** The minions, the app roles and any other built-in object that runs or exposes pods. */
  ROLES,
  /** Objects of kinds the Kubernetes API does not define: custom resources. */
  EXTRAS;

  /**
   * The Argo CD sync wave of the layer: its position, {@code 0} for the namespace.
   *
   * @return the wave number
   */
  public int wave() {
    return ordinal();
  }

  /**
   * The layer's folder name in the Flux layout, such as {@code 2-master}: the wave first, so a
   * listing shows the order.
   *
   * @return the folder name
   */
  public String folder() {
    return ordinal() + "-" + name().toLowerCase(Locale.ROOT);
  }
}
