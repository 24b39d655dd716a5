package io.saltlab.topology;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives the labels of each workload once, so the pod template, the workload's selector and its
 * Service's selector are built from the same map and can never disagree.
 */
public final class Labels {
  /** The workload's name: {@code app.kubernetes.io/name}. */
  public static final String NAME = "app.kubernetes.io/name";

  /** The lab's name: {@code app.kubernetes.io/instance}. */
  public static final String INSTANCE = "app.kubernetes.io/instance";

  /** {@code salt-master} or {@code salt-minion}: {@code app.kubernetes.io/component}. */
  public static final String COMPONENT = "app.kubernetes.io/component";

  /** {@code saltlab} on every object: {@code app.kubernetes.io/managed-by}. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The lab's name on every object: {@code app.kubernetes.io/part-of}. */
  public static final String PART_OF = "app.kubernetes.io/part-of";

  /** Keys saltlab sets itself; roles may not override them. */
  public static final Set<String> DERIVED_KEYS =
      Set.of(NAME, INSTANCE, COMPONENT, MANAGED_BY, PART_OF);

  private Labels() {}

  /**
   * Whether a label key is one saltlab derives.
   *
   * @param key a label key
   * @return true for the {@link #DERIVED_KEYS}
   */
  public static boolean isDerivedKey(String key) {
    return DERIVED_KEYS.contains(key);
  }

  /**
   * The selector of a workload: the labels that identify its pods, used unchanged by the workload's
   * {@code spec.selector} and its Service's {@code spec.selector}.
   *
   * @param lab the lab
   * @param workload the workload's name
   * @return sorted selector labels
   */
  public static Map<String, String> selector(SaltLab lab, String workload) {
    Map<String, String> m = new TreeMap<>();
    m.put(NAME, workload);
    m.put(INSTANCE, lab.name());
    return m;
  }

  /**
   * The labels of a workload's pods: its selector, its component, and the role's own labels.
   *
   * @param lab the lab
   * @param workload the workload's name
   * @param component {@code salt-master} or {@code salt-minion}
   * @param extra the role's own labels
   * @return sorted pod labels, a superset of {@link #selector(SaltLab, String)}
   */
  public static Map<String, String> pod(
      SaltLab lab, String workload, String component, Map<String, String> extra) {
    Map<String, String> m = new TreeMap<>(extra);
    m.putAll(selector(lab, workload));
    m.put(COMPONENT, component);
    return m;
  }
}
