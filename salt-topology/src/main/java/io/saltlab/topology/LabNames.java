package io.saltlab.topology;

/**
 * The names of the Kubernetes objects a lab renders, derived from the names in the model: the one
 * place that decides them. The lab's checks (which refuse two derived names that meet) and the
 * translation (which gives objects these names) both call it, and so can tests and tools that look
 * an object up in the output.
 *
 * <p>The master's and each role's Service and workload take the master's and the role's own name;
 * the registry pull Secret takes {@link Registry#secretName()}.
 */
public final class LabNames {

  /** The key of the minions' {@code grains} file inside the autosign Secret. */
  public static final String GRAINS_KEY = "grains";

  private LabNames() {}

  /**
   * The master's ConfigMap, holding its generated Salt files.
   *
   * @param master the master
   * @return {@code <master>-config}, for example {@code salt-master-config}
   */
  public static String masterConfigMap(SaltMaster master) {
    return master.name() + "-config";
  }

  /**
   * A role's ConfigMap, holding its minion's generated {@code minion.d} file.
   *
   * @param role the role
   * @return {@code <role>-minion-config}, for example {@code zookeeper-minion-config}
   */
  public static String minionConfigMap(AppRole role) {
    return role.name() + "-minion-config";
  }

  /**
   * The Secret holding the lab's autosign token, the only object that carries it.
   *
   * @param master the master
   * @return {@code <master>-autosign}, for example {@code salt-master-autosign}
   */
  public static String autosignSecret(SaltMaster master) {
    return master.name() + "-autosign";
  }

  /**
   * The ConfigMap holding the files of a role's {@link RoleVolume.Files} volume.
   *
   * @param role the role
   * @param volume one of its volumes
   * @return {@code <role>-<volume>}, for example {@code billing-conf}
   */
  public static String roleFiles(AppRole role, RoleVolume volume) {
    return role.name() + "-" + volume.name();
  }

  /**
   * The PodDisruptionBudget of a role.
   *
   * @param role the role
   * @return the role's name
   */
  public static String disruptionBudget(AppRole role) {
    return role.name();
  }

  /**
   * The NetworkPolicy that isolates the lab's namespace ({@link SaltLab#isolateNamespace()}).
   *
   * @param lab the lab
   * @return {@code <lab>-isolation}, for example {@code shop-lab-isolation}
   */
  public static String isolationPolicy(SaltLab lab) {
    return lab.name() + "-isolation";
  }

  /**
   * The NetworkPolicy that lets traffic from outside the namespace reach a role exposed as NodePort
   * or LoadBalancer, when the namespace is isolated.
   *
   * @param role the role
   * @return {@code <role>-ingress}, for example {@code orders-ingress}
   */
  public static String ingressPolicy(AppRole role) {
    return role.name() + "-ingress";
  }
}
