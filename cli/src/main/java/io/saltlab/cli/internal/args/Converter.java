package io.saltlab.cli.internal.args;

/**
 * Turns the text given for an option or parameter into its value.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface Converter<T> {

  /**
   * Converts one value.
   *
   * @param text the text as given on the command line, never null
   * @return the value
   * @throws IllegalArgumentException when the text is not a valid value; its message, which says
   *     what would be right, becomes the user's error line
   */
  T convert(String text);
}
