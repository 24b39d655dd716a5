package io.saltlab.cli.internal.args;

import java.util.Objects;

/**
 * The declaration of a command's positional arguments (those that are not options), such as the
 * {@code PATH...} of {@code validate}: any number of values, each read by one converter.
 *
 * @param label the values' name in {@code --help}, for example {@code PATH}
 * @param converter reads each value
 * @param description the text for {@code --help}
 * @param minimum how many must be given (0 or more)
 * @param <T> the values' type
 */
public record Parameters<T>(String label, Converter<T> converter, String description, int minimum) {

  /** Checks the declaration. */
  public Parameters {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(converter, "converter");
    Objects.requireNonNull(description, "description");
    if (minimum < 0) {
      throw new IllegalArgumentException("minimum must be 0 or more, was " + minimum);
    }
  }

  /** The parameters as the usage line shows them: {@code PATH...} or {@code [PATH...]}. */
  String synopsis() {
    return minimum > 0 ? label + "..." : "[" + label + "...]";
  }
}
