package io.saltlab.topology;

import java.util.Locale;

/**
 * The five directories the salt-master keeps on its node and mounts: configuration, states, pillar
 * data, delivery (artifacts to hand to minions) and formulas.
 */
public enum SaltDirectory {
  /** The master's configuration ({@code --config-dir}). */
  CONF,
  /** Salt states, the {@code file_roots} of the base environment. */
  STATES,
  /** Pillar data, the {@code pillar_roots}. */
  PILLAR,
  /** Files delivered to minions (packages, archives). */
  DELIVERY,
  /** Salt formulas, a second {@code file_roots} entry. */
  FORMULAS;

  /** The directory name under the host root and the mount root: {@code conf}, {@code states}... */
  public String directoryName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The pod volume's name: {@code salt-conf}, {@code salt-states}... */
  public String volumeName() {
    return "salt-" + directoryName();
  }
}
