package io.saltlab.topology.spec.internal;

import java.util.List;
import java.util.Objects;

/**
 * What the value of a spec key must be: a scalar, a list, a mapping with free keys, a section with
 * declared keys, or either a scalar or a section. The reader checks shapes against it; the JSON
 * Schema is generated from it.
 */
public sealed interface SpecType
    permits SpecType.Scalar,
        SpecType.ListOf,
        SpecType.MapOf,
        SpecType.Either,
        SpecType.Free,
        SpecSection {

  /** The kinds of scalar a spec holds. */
  enum Kind {
    /** Text; a YAML number or boolean must be quoted. */
    TEXT,
    /** A whole number. */
    WHOLE,
    /** {@code true} or {@code false}. */
    FLAG,
    /** Text or a whole number, such as a port given by name or number. */
    TEXT_OR_WHOLE,
    /** Text or any number, such as a Kubernetes quantity ({@code 2}, {@code 0.5}, {@code 500m}). */
    TEXT_OR_NUMBER
  }

  /**
   * A scalar value.
   *
   * @param kind what YAML scalars are accepted
   * @param choices the allowed values with what each means, or empty for any value
   * @param pattern an ECMA-262 regular expression editors check text against (anchored), or {@code
   *     null}; the lab's own checks decide, with better messages, so it may be looser
   * @param minimum the smallest whole number editors accept, or {@code null}
   * @param maximum the largest whole number editors accept, or {@code null}
   */
  record Scalar(Kind kind, List<Choice> choices, String pattern, Long minimum, Long maximum)
      implements SpecType {
    /** Checks the parts. */
    public Scalar {
      Objects.requireNonNull(kind, "kind");
      choices = List.copyOf(choices);
    }

    /**
     * The same scalar, with a pattern for editors.
     *
     * @param regex an ECMA-262 and Java regular expression, anchored with {@code ^...$}
     * @return the scalar
     */
    public Scalar matching(String regex) {
      return new Scalar(kind, choices, regex, minimum, maximum);
    }

    /**
     * The same whole number, with bounds for editors.
     *
     * @param min smallest value
     * @param max largest value
     * @return the scalar
     */
    public Scalar between(long min, long max) {
      return new Scalar(kind, choices, pattern, min, max);
    }
  }

  /**
   * One allowed value of a {@link Scalar} and what it means, for messages and editors.
   *
   * @param value the value as written
   * @param meaning what it does, for people
   */
  record Choice(String value, String meaning) {}

  /**
   * A list whose items all have one type.
   *
   * @param item the items' type
   */
  record ListOf(SpecType item) implements SpecType {}

  /**
   * A mapping with keys chosen by the user (environment variables, labels) and values of one type.
   *
   * @param value the values' type
   * @param keyPattern an ECMA-262 pattern editors check the keys against, or {@code null}
   */
  record MapOf(SpecType value, String keyPattern) implements SpecType {}

  /**
   * A value written either as a scalar or as a section, told apart by its shape (a mapping is the
   * section): for example an environment variable's literal value or {@code {secret: ..., key:
   * ...}}.
   *
   * @param scalar the short form
   * @param section the long form
   */
  record Either(Scalar scalar, SpecSection section) implements SpecType {}

  /**
   * Free YAML checked elsewhere, such as a Kubernetes patch: any value of the given shape, kept as
   * written (with its positions) for the code that reads it.
   *
   * @param shape {@code "list"}, {@code "mapping"} or {@code "any"}
   * @param example what it typically looks like, for messages
   */
  record Free(String shape, String example) implements SpecType {}

  /**
   * Free YAML of a shape.
   *
   * @param shape {@code "list"}, {@code "mapping"} or {@code "any"}
   * @param example what it typically looks like, for messages
   * @return the type
   */
  static Free free(String shape, String example) {
    return new Free(shape, example);
  }

  /** Text. */
  static Scalar text() {
    return new Scalar(Kind.TEXT, List.of(), null, null, null);
  }

  /** A whole number. */
  static Scalar whole() {
    return new Scalar(Kind.WHOLE, List.of(), null, null, null);
  }

  /** {@code true} or {@code false}. */
  static Scalar flag() {
    return new Scalar(Kind.FLAG, List.of(), null, null, null);
  }

  /** Text or a whole number. */
  static Scalar textOrWhole() {
    return new Scalar(Kind.TEXT_OR_WHOLE, List.of(), null, null, null);
  }

  /** Text or a number. */
  static Scalar textOrNumber() {
    return new Scalar(Kind.TEXT_OR_NUMBER, List.of(), null, null, null);
  }

  /**
   * One of a few words.
   *
   * @param choices the words and what each means
   * @return the scalar
   */
  static Scalar choice(Choice... choices) {
    return new Scalar(Kind.TEXT, List.of(choices), null, null, null);
  }

  /**
   * A list.
   *
   * @param item the items' type
   * @return the list type
   */
  static ListOf listOf(SpecType item) {
    return new ListOf(item);
  }

  /**
   * A mapping with free keys.
   *
   * @param value the values' type
   * @return the mapping type
   */
  static MapOf mapOf(SpecType value) {
    return new MapOf(value, null);
  }
}
