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
   * One of the ConfigMaps that carry a large lab's per-role Salt data beside the master's own
   * ConfigMap, when that data does not fit in one (docs/salt-wiring.md, "Large labs").
   *
   * @param master the master
   * @param part the part's number, from 0
   * @return {@code <master>-roles-<part, three digits>}, for example {@code salt-master-roles-007}
   */
  public static String masterRolesConfigMap(SaltMaster master, int part) {
    return master.name() + "-roles-" + partNumber(part);
  }

  /** A part's number as it appears in names: at least three digits, so names sort by number. */
  static String partNumber(int part) {
    return String.format(java.util.Locale.ROOT, "%03d", part);
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

  /**
   * The volume (and, for a STATEFUL role, the {@code volumeClaimTemplates} entry) holding a
   * minion's key pair.
   */
  public static final String MINION_KEYS = "salt-minion-keys";

  /**
   * The claim holding a minion's key pair: what the StatefulSet controller names a member's claim
   * ({@code <template>-<pod>}) for a STATEFUL role, {@code <role>-salt-minion-keys} for a FIXED
   * one.
   *
   * @param role the role
   * @param minionId one of {@link AppRole#minionIds()}
   * @return for example {@code salt-minion-keys-zookeeper-0}
   */
  public static String minionKeyClaim(AppRole role, String minionId) {
    return role.identity() == MinionIdentity.STATEFUL
        ? MINION_KEYS + "-" + minionId
        : role.name() + "-" + MINION_KEYS;
  }

  /**
   * The PersistentVolume the lab renders for a minion's key pair, bound in advance to its claim;
   * cluster-wide, so it carries the namespace.
   *
   * @param lab the lab
   * @param minionId a minion id of the lab
   * @return {@code <namespace>-<minion id>-salt-minion-keys}, for example {@code
   *     salt-lab-zookeeper-0-salt-minion-keys}
   */
  public static String minionKeyVolume(SaltLab lab, String minionId) {
    return lab.namespace() + "-" + minionId + "-" + MINION_KEYS;
  }

  /**
   * The Secret the lab's pods read the autosign token from: the existing one the lab names, else
   * the one saltlab renders ({@link #autosignSecret(SaltMaster)}).
   *
   * @param lab the lab
   * @return the Secret's name
   */
  public static String autosignSecret(SaltLab lab) {
    return lab.existingAutosignSecret().orElse(autosignSecret(lab.master()));
  }
}
