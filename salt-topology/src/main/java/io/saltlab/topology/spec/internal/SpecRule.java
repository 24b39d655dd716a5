package io.saltlab.topology.spec.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule between the keys of one section that no single key can state: two keys that exclude each
 * other, one key that forbids others, a key required unless another is present. The reader reports
 * a broken rule at the offending key; the JSON Schema states each rule for editors.
 */
public sealed interface SpecRule {

  /**
   * Exactly one of the keys (or at most one, when not required); only applies when {@code unless}
   * is absent.
   *
   * @param keys two or more keys of the section
   * @param required whether one of them must be present
   * @param unless a key whose presence lifts the rule, or {@code null}
   * @param missing the message when none is present, naming what each key holds
   */
  record OneOf(List<String> keys, boolean required, String unless, String missing)
      implements SpecRule {
    /** Checks the parts. */
    public OneOf {
      keys = List.copyOf(keys);
      if (keys.size() < 2) {
        throw new IllegalArgumentException("a OneOf rule needs two keys or more: " + keys);
      }
    }
  }

  /**
   * When {@code key} is present, none of {@code others} may be.
   *
   * @param key the key that excludes the others
   * @param reasons each excluded key and why it cannot stand beside {@code key}
   */
  record Excludes(String key, Map<String, String> reasons) implements SpecRule {
    /** Checks the parts. */
    public Excludes {
      Objects.requireNonNull(key, "key");
      reasons = Map.copyOf(reasons);
    }
  }

  /**
   * {@code key} is required unless {@code unless} is present.
   *
   * @param key the key
   * @param unless the key that makes it optional
   */
  record RequiredUnless(String key, String unless) implements SpecRule {}

  /**
   * Exactly one of two or more keys.
   *
   * @param missing the message when none is present
   * @param keys the keys
   * @return the rule
   */
  static OneOf exactlyOne(String missing, String... keys) {
    return new OneOf(List.of(keys), true, null, missing);
  }

  /**
   * At most one of two or more keys.
   *
   * @param keys the keys
   * @return the rule
   */
  static OneOf atMostOne(String... keys) {
    return new OneOf(List.of(keys), false, null, null);
  }
}
