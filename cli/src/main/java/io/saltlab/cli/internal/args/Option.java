package io.saltlab.cli.internal.args;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of one command-line option: its names, what it means and how its value is read.
 * The same declaration drives parsing, {@code --help} and "did you mean" hints, so an option is
 * added in one place. Declarations are immutable; the {@code with...} methods return new ones.
 *
 * <p>An option is either a flag ({@link #flag}, no value, {@code true} when given) or takes a value
 * ({@link #value}), written {@code --name VALUE}, {@code --name=VALUE}, {@code -n VALUE}, {@code
 * -n=VALUE} or {@code -nVALUE}.
 *
 * @param <T> the type of its value
 */
public final class Option<T> {

  private static final Pattern SHORT = Pattern.compile("-[A-Za-z0-9]");
  private static final Pattern LONG = Pattern.compile("--[a-z0-9][a-z0-9-]*");

  private final List<String> names;
  private final String label;
  private final String description;
  private final Converter<T> converter;
  private final T defaultValue;
  private final boolean repeatable;
  private final boolean required;

  private Option(
      List<String> names,
      String label,
      String description,
      Converter<T> converter,
      T defaultValue,
      boolean repeatable,
      boolean required) {
    this.names = List.copyOf(names);
    this.label = label;
    this.description = Objects.requireNonNull(description, "description");
    this.converter = converter;
    this.defaultValue = defaultValue;
    this.repeatable = repeatable;
    this.required = required;
    if (this.names.isEmpty()) {
      throw new IllegalArgumentException("an option needs at least one name");
    }
    int shorts = 0;
    for (String n : this.names) {
      if (SHORT.matcher(n).matches()) {
        shorts++;
      } else if (!LONG.matcher(n).matches()) {
        throw new IllegalArgumentException(
            "option name '" + n + "' is neither -x nor --lower-case-words");
      }
    }
    if (shorts > 1 || this.names.size() - shorts > 1) {
      throw new IllegalArgumentException("an option has at most one short and one long name");
    }
  }

  /**
   * An option without a value: {@code true} when given, {@code false} otherwise.
   *
   * @param description one or more sentences for {@code --help}
   * @param names for example {@code "-s", "--strict"}, or only {@code "--strict"}
   * @return the declaration
   */
  public static Option<Boolean> flag(String description, String... names) {
    return new Option<>(List.of(names), null, description, null, Boolean.FALSE, false, false);
  }

  /**
   * An option that takes a value. Without a default its value is {@code null} when not given.
   *
   * @param label the value's name in {@code --help}, for example {@code DIR}
   * @param converter reads the value; its {@link IllegalArgumentException} message is shown
   * @param description one or more sentences for {@code --help}
   * @param names for example {@code "-o", "--out"}
   * @param <T> the value's type
   * @return the declaration
   */
  public static <T> Option<T> value(
      String label, Converter<T> converter, String description, String... names) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(converter, "converter");
    return new Option<>(List.of(names), label, description, converter, null, false, false);
  }

  /**
   * The same option with a value used when it is not given.
   *
   * @param value the default
   * @return a new declaration
   */
  public Option<T> withDefault(T value) {
    return new Option<>(names, label, description, converter, value, repeatable, required);
  }

  /**
   * The same option, allowed several times; {@link ParsedArgs#all} returns every value in order.
   *
   * @return a new declaration
   */
  public Option<T> repeatable() {
    requireValue("repeatable");
    return new Option<>(names, label, description, converter, defaultValue, true, required);
  }

  /**
   * The same option, which the command cannot run without.
   *
   * @return a new declaration
   */
  public Option<T> required() {
    requireValue("required");
    return new Option<>(names, label, description, converter, defaultValue, repeatable, true);
  }

  private void requireValue(String what) {
    if (label == null) {
      throw new IllegalStateException("a flag cannot be " + what + ": " + names);
    }
  }

  /** Every name, for example {@code [-o, --out]}. */
  public List<String> names() {
    return names;
  }

  /** The long name if it has one, else its short name: how messages name the option. */
  public String name() {
    return longName() != null ? longName() : shortName();
  }

  /** The {@code -x} name, or {@code null}. */
  public String shortName() {
    for (String n : names) {
      if (!n.startsWith("--")) {
        return n;
      }
    }
    return null;
  }

  /** The {@code --word} name, or {@code null}. */
  public String longName() {
    for (String n : names) {
      if (n.startsWith("--")) {
        return n;
      }
    }
    return null;
  }

  /** The value's name in help ({@code DIR}), or {@code null} for a flag. */
  public String label() {
    return label;
  }

  /** Whether this option is a flag, which takes no value. */
  public boolean isFlag() {
    return label == null;
  }

  /** The text for {@code --help}. */
  public String description() {
    return description;
  }

  /** How the value is read; {@code null} for a flag. */
  public Converter<T> converter() {
    return converter;
  }

  /** The value when not given; may be {@code null}. */
  public T defaultValue() {
    return defaultValue;
  }

  /** Whether the option may be given more than once. */
  public boolean isRepeatable() {
    return repeatable;
  }

  /** Whether the command refuses to run without it. */
  public boolean isRequired() {
    return required;
  }

  /** The option as the usage line shows it: {@code -o=DIR}, {@code --lab=FILE}, {@code -h}. */
  String synopsis() {
    String n = shortName() != null ? shortName() : longName();
    return label == null ? n : n + "=" + label;
  }

  @Override
  public String toString() {
    return String.join(", ", names) + (label == null ? "" : "=" + label);
  }
}
