package io.saltlab.core.customize;

import java.util.Objects;
import java.util.Optional;

/**
 * Which object a customization changes: its kind and name, and its namespace when the same kind and
 * name exist in more than one. Kind and name together, because one name is often shared: a lab's
 * workload {@code orders} and its headless Service {@code orders}.
 *
 * @param kind the object's kind, for example {@code StatefulSet}
 * @param name its {@code metadata.name}
 * @param namespace its {@code metadata.namespace}, or empty to match any
 */
public record Target(String kind, String name, Optional<String> namespace) {

  /** Checks that kind and name are given. */
  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    if (kind.isBlank() || !Character.isUpperCase(kind.charAt(0))) {
      throw new IllegalArgumentException(
          "target kind '" + kind + "' must be a Kubernetes kind such as StatefulSet or Service");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("the target " + kind + " needs a name");
    }
  }

  /**
   * The object of a kind with a name, in whatever namespace it is.
   *
   * @param kind the kind, for example {@code Deployment}
   * @param name the object's name
   * @return the target
   */
  public static Target of(String kind, String name) {
    return new Target(kind, name, Optional.empty());
  }

  /**
   * The same target in one namespace.
   *
   * @param namespace the namespace
   * @return a new target
   */
  public Target in(String namespace) {
    return new Target(kind, name, Optional.of(namespace));
  }

  /** The target as messages name it: {@code StatefulSet 'zookeeper'} (plus its namespace). */
  @Override
  public String toString() {
    return kind + " '" + name + "'" + namespace.map(n -> " in namespace '" + n + "'").orElse("");
  }
}
