package io.saltlab.cli.internal.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command line read by {@link ArgParser}: the values of the options given, by declaration, and
 * the positional parameters. Values are already converted and checked.
 */
public final class ParsedArgs {

  private final CommandSpec spec;
  private final Map<Option<?>, List<Object>> values;
  private final List<Object> parameters;

  ParsedArgs(CommandSpec spec, Map<Option<?>, List<Object>> values, List<Object> parameters) {
    this.spec = spec;
    this.values = new LinkedHashMap<>(values);
    this.parameters = List.copyOf(parameters);
  }

  /** The command that was parsed. */
  public CommandSpec spec() {
    return spec;
  }

  /**
   * Whether the option was given.
   *
   * @param option the declaration
   * @return true when it was on the command line
   */
  public boolean has(Option<?> option) {
    return values.containsKey(option);
  }

  /**
   * The option's value: the one given (the last, for a repeatable option), else its default.
   *
   * @param option the declaration
   * @param <T> its value's type
   * @return the value; {@code null} when neither given nor defaulted
   */
  @SuppressWarnings("unchecked") // values are stored by the declaration that converted them
  public <T> T get(Option<T> option) {
    List<Object> given = values.get(option);
    if (given == null) {
      return option.defaultValue();
    }
    return (T) given.get(given.size() - 1);
  }

  /**
   * Every value given for an option, in order; empty when it was not given.
   *
   * @param option the declaration
   * @param <T> its value's type
   * @return the values
   */
  @SuppressWarnings("unchecked") // values are stored by the declaration that converted them
  public <T> List<T> all(Option<T> option) {
    List<Object> given = values.get(option);
    return given == null ? List.of() : (List<T>) List.copyOf(given);
  }

  /**
   * The positional parameters.
   *
   * @param declaration the command's {@link Parameters}, which typed them
   * @param <T> their type
   * @return the values in order
   */
  @SuppressWarnings("unchecked") // converted by the same declaration
  public <T> List<T> parameters(Parameters<T> declaration) {
    if (declaration != spec.parameters()) {
      throw new IllegalArgumentException(
          spec.qualifiedName() + " does not declare parameters " + declaration.label());
    }
    return (List<T>) new ArrayList<>(parameters);
  }
}
