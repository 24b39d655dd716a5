package io.saltlab.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * Lets a role's pods run on nodes with a matching taint, such as nodes reserved for the lab.
 *
 * @param key the taint's key, for example {@code dedicated}
 * @param operator {@link Operator#Equal} (the value must match) or {@link Operator#Exists}
 * @param value the taint's value for {@link Operator#Equal}, else empty
 * @param effect the taint effect tolerated, or empty for every effect
 * @param tolerationSeconds for {@link Effect#NoExecute}: how long the pod stays once the taint
 *     appears, or empty for ever
 */
public record Toleration(
    String key,
    Operator operator,
    Optional<String> value,
    Optional<Effect> effect,
    Optional<Long> tolerationSeconds) {

  /** How the key and value are matched. */
  public enum Operator {
    /** The key exists, whatever the value. */
    Exists,
    /** The key has the given value. */
    Equal
  }

  /** The taint effects. */
  public enum Effect {
    /** New pods are not scheduled on the node. */
    NoSchedule,
    /** The scheduler avoids the node when it can. */
    PreferNoSchedule,
    /** Running pods are evicted. */
    NoExecute
  }

  /** Checks the parts. */
  public Toleration {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(tolerationSeconds, "tolerationSeconds");
  }

  /**
   * Tolerates a taint with a key and value.
   *
   * @param key the taint's key
   * @param value its value
   * @param effect the effect
   * @return the toleration
   */
  public static Toleration equal(String key, String value, Effect effect) {
    return new Toleration(
        key, Operator.Equal, Optional.of(value), Optional.of(effect), Optional.empty());
  }

  /**
   * Tolerates a taint with a key, whatever its value.
   *
   * @param key the taint's key
   * @param effect the effect
   * @return the toleration
   */
  public static Toleration exists(String key, Effect effect) {
    return new Toleration(
        key, Operator.Exists, Optional.empty(), Optional.of(effect), Optional.empty());
  }
}
