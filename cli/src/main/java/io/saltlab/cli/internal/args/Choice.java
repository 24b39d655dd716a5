package io.saltlab.cli.internal.args;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A converter for a value out of a fixed set of words, such as {@code --layout files|stream}. The
 * parser knows the words, so a misspelt one gets a "did you mean" hint.
 *
 * @param <T> the value's type
 */
public final class Choice<T> implements Converter<T> {

  private final Map<String, T> values;
  private final List<String> words;

  private Choice(Map<String, T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one value");
    }
    this.values = Map.copyOf(values);
    this.words = List.copyOf(values.keySet());
  }

  /**
   * The constants of an enum, each by its {@code name()}, in declaration order.
   *
   * @param type the enum
   * @param <E> the enum type
   * @return the converter
   */
  public static <E extends Enum<E>> Choice<E> of(Class<E> type) {
    Map<String, E> values = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      values.put(e.name(), e);
    }
    return new Choice<>(values);
  }

  /**
   * The words allowed, in the order they are listed in messages.
   *
   * @return the words
   */
  public List<String> words() {
    return words;
  }

  @Override
  public T convert(String text) {
    T value = values.get(text);
    if (value == null) {
      throw new IllegalArgumentException(
          "expected one of " + String.join(", ", words) + " but was '" + text + "'");
    }
    return value;
  }
}
