package io.saltlab.topology.spec.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping whose keys are declared: the lab itself, {@code registry}, {@code master}, one role, a
 * probe... Keys not declared are errors (with a "did you mean" hint); the rules between keys are
 * checked after the keys themselves. Immutable; build one with {@link #builder(String)}.
 */
public final class SpecSection implements SpecType {
  private final String description;
  private final String name;
  private final Map<String, SpecKey> keys;
  private final List<SpecRule> rules;

  private SpecSection(
      String description, String name, Map<String, SpecKey> keys, List<SpecRule> rules) {
    this.description = description;
    this.name = name;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    this.rules = List.copyOf(rules);
  }

  /** What the section is, for people. */
  public String description() {
    return description;
  }

  /**
   * The name of a section used in several places (a probe), under which the JSON Schema defines it
   * once; {@code null} for a section written out where it is used.
   */
  public String name() {
    return name;
  }

  /** The declared keys, in the order the documentation lists them. */
  public Map<String, SpecKey> keys() {
    return keys;
  }

  /** The rules between keys. */
  public List<SpecRule> rules() {
    return rules;
  }

  /**
   * The same section with more keys (and rules): how a module adds its own section to the lab's top
   * level.
   *
   * @param more keys not yet declared
   * @return a new section
   * @throws IllegalArgumentException when a key is already declared
   */
  public SpecSection with(List<SpecKey> more) {
    Builder b = new Builder(description);
    b.name = name;
    keys.values().forEach(b::key);
    more.forEach(b::key);
    rules.forEach(b::rule);
    return b.build();
  }

  /**
   * Starts a section.
   *
   * @param description what the section is, for people
   * @return a builder
   */
  public static Builder builder(String description) {
    return new Builder(description);
  }

  /** Collects keys and rules in order. */
  public static final class Builder {
    private final String description;
    private String name;
    private final Map<String, SpecKey> keys = new LinkedHashMap<>();
    private final List<SpecRule> rules = new ArrayList<>();

    private Builder(String description) {
      this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Declares a key.
     *
     * @param key the key
     * @return this builder
     */
    public Builder key(SpecKey key) {
      if (keys.putIfAbsent(key.name(), key) != null) {
        throw new IllegalArgumentException("key '" + key.name() + "' is declared twice");
      }
      return this;
    }

    /**
     * Names a section used in several places, so that the JSON Schema defines it once.
     *
     * @param schemaName a name such as {@code probe}
     * @return this builder
     */
    public Builder named(String schemaName) {
      this.name = schemaName;
      return this;
    }

    /**
     * Hands this builder to a function that declares a group of keys shared by several sections.
     *
     * @param group adds keys and rules
     * @return this builder
     */
    public Builder apply(java.util.function.UnaryOperator<Builder> group) {
      return group.apply(this);
    }

    /**
     * Adds a rule between declared keys.
     *
     * @param rule the rule
     * @return this builder
     */
    public Builder rule(SpecRule rule) {
      rules.add(rule);
      return this;
    }

    /**
     * The section.
     *
     * @return the section
     * @throws IllegalArgumentException when a rule names an undeclared key
     */
    public SpecSection build() {
      for (SpecRule rule : rules) {
        for (String k : named(rule)) {
          if (k != null && !keys.containsKey(k)) {
            throw new IllegalArgumentException("rule " + rule + " names undeclared key " + k);
          }
        }
      }
      return new SpecSection(description, name, keys, rules);
    }

    private static List<String> named(SpecRule rule) {
      List<String> out = new ArrayList<>();
      if (rule instanceof SpecRule.OneOf o) {
        out.addAll(o.keys());
        out.add(o.unless());
      } else if (rule instanceof SpecRule.Excludes e) {
        out.add(e.key());
        out.addAll(e.reasons().keySet());
      } else if (rule instanceof SpecRule.RequiredUnless r) {
        out.add(r.key());
        out.add(r.unless());
      }
      return out;
    }
  }
}
