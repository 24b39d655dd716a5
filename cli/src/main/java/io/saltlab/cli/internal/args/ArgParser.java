package io.saltlab.cli.internal.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the arguments of one command with its {@link CommandSpec}. Strict: an unknown option, a
 * missing or invalid value, an option given twice that takes one value, a stray argument and a
 * missing required option are all {@link UsageException}s, never silently ignored.
 *
 * <p>Forms accepted: {@code --name VALUE}, {@code --name=VALUE}, {@code -n VALUE}, {@code
 * -n=VALUE}, {@code -nVALUE}, flags clustered as {@code -hV}, and {@code --} to end the options. A
 * separate value must not start with {@code -} (so that a forgotten value never swallows the next
 * option); such a value is written {@code --name=-value}. {@code -h}/{@code --help} anywhere before
 * {@code --} asks for help, whatever else the line holds.
 */
public final class ArgParser {

  private ArgParser() {}

  /**
   * Parses a command's arguments (those after the command's own name).
   *
   * @param spec the command's declaration
   * @param args the arguments
   * @return the values; check {@link ParsedArgs#has} of {@link CommandSpec#HELP} and {@link
   *     CommandSpec#VERSION} before running the command
   * @throws UsageException when the line is not valid for the command
   */
  public static ParsedArgs parse(CommandSpec spec, List<String> args) {
    if (asksFor(args, CommandSpec.HELP)) {
      return new ParsedArgs(spec, Map.of(CommandSpec.HELP, List.of(Boolean.TRUE)), List.of());
    }
    Map<Option<?>, List<Object>> values = new LinkedHashMap<>();
    List<Object> parameters = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        Option<?> option = known(spec, name);
        if (option.isFlag()) {
          if (eq >= 0) {
            throw new UsageException("option '" + name + "' takes no value", List.of(), null);
          }
          put(values, option, Boolean.TRUE);
        } else if (eq >= 0) {
          put(values, option, convert(option, arg.substring(eq + 1)));
        } else {
          put(values, option, convert(option, separateValue(option, args, ++i)));
        }
      } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
        i = shortOptions(spec, values, args, i);
      } else {
        parameters.add(parameter(spec, arg));
      }
    }
    check(spec, values, parameters);
    return new ParsedArgs(spec, values, parameters);
  }

  /** Whether a flag is given before {@code --}, alone or in a cluster of short flags. */
  private static boolean asksFor(List<String> args, Option<Boolean> flag) {
    String shortName = flag.shortName();
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals(flag.longName()) || arg.equals(shortName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One argument starting with a single dash: {@code -t V}, {@code -tV}, {@code -t=V}, {@code -hV}.
   */
  private static int shortOptions(
      CommandSpec spec, Map<Option<?>, List<Object>> values, List<String> args, int i) {
    String arg = args.get(i);
    int eq = arg.indexOf('=');
    String asLong = "-" + (eq < 0 ? arg : arg.substring(0, eq));
    if (arg.length() > 2 && spec.option(asLong) != null) {
      // -target 1.6 would otherwise read as -t with the value "arget"
      throw new UsageException(
          "unknown option '" + asLong.substring(1) + "'", List.of(asLong), null);
    }
    for (int j = 1; j < arg.length(); j++) {
      Option<?> option = known(spec, "-" + arg.charAt(j));
      if (option.isFlag()) {
        if (j + 1 < arg.length() && arg.charAt(j + 1) == '=') {
          throw new UsageException(
              "option '" + option.name() + "' takes no value", List.of(), null);
        }
        put(values, option, Boolean.TRUE);
        continue;
      }
      String rest = arg.substring(j + 1);
      if (rest.startsWith("=")) {
        put(values, option, convert(option, rest.substring(1)));
        return i;
      }
      if (!rest.isEmpty()) {
        put(values, option, convert(option, rest));
        return i;
      }
      put(values, option, convert(option, separateValue(option, args, i + 1)));
      return i + 1;
    }
    return i;
  }

  private static Option<?> known(CommandSpec spec, String name) {
    Option<?> option = spec.option(name);
    if (option == null) {
      List<String> names = new ArrayList<>();
      for (String n : spec.optionNames()) {
        if (n.startsWith("--") == name.startsWith("--")) {
          names.add(n);
        }
      }
      throw new UsageException(
          "unknown option '" + name + "'", Suggestions.closest(name, names), null);
    }
    return option;
  }

  private static String separateValue(Option<?> option, List<String> args, int i) {
    if (i >= args.size()) {
      throw new UsageException(
          "option '" + option.name() + "' needs a value (" + option.label() + ")", List.of(), null);
    }
    String value = args.get(i);
    if (value.startsWith("-") && value.length() > 1) {
      throw new UsageException(
          "option '"
              + option.name()
              + "' needs a value ("
              + option.label()
              + ") but is followed by '"
              + value
              + "'",
          List.of(),
          "write " + option.name() + "=VALUE for a value that starts with '-'");
    }
    return value;
  }

  private static Object convert(Option<?> option, String text) {
    try {
      return option.converter().convert(text);
    } catch (IllegalArgumentException e) {
      List<String> suggestions =
          option.converter() instanceof Choice<?> choice
              ? Suggestions.closest(text, choice.words())
              : List.of();
      throw new UsageException(
          "invalid value for option '"
              + option.name()
              + "' ("
              + option.label()
              + "): "
              + firstLine(e.getMessage()),
          suggestions,
          null);
    }
  }

  private static Object parameter(CommandSpec spec, String arg) {
    Parameters<?> p = spec.parameters();
    if (p == null) {
      throw new UsageException(
          "unexpected argument '" + arg + "'",
          List.of(),
          "'" + spec.qualifiedName() + "' takes no arguments besides its options");
    }
    try {
      return p.converter().convert(arg);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid " + p.label() + " '" + arg + "': " + firstLine(e.getMessage()), List.of(), null);
    }
  }

  private static void put(Map<Option<?>, List<Object>> values, Option<?> option, Object value) {
    List<Object> given = values.computeIfAbsent(option, o -> new ArrayList<>());
    if (!given.isEmpty() && !option.isRepeatable()) {
      throw new UsageException(
          "option '" + option.name() + "' is given more than once; it takes one value",
          List.of(),
          null);
    }
    given.add(value);
  }

  private static void check(
      CommandSpec spec, Map<Option<?>, List<Object>> values, List<Object> parameters) {
    if (values.containsKey(CommandSpec.HELP) || values.containsKey(CommandSpec.VERSION)) {
      return;
    }
    for (List<Option<?>> set : spec.exclusiveSets()) {
      List<String> given = new ArrayList<>();
      for (Option<?> o : set) {
        if (values.containsKey(o)) {
          given.add(o.name());
        }
      }
      if (given.size() > 1) {
        throw new UsageException(
            "options " + String.join(" and ", given) + " are mutually exclusive; give only one",
            List.of(),
            null);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Option<?> o : spec.options()) {
      if (o.isRequired() && !values.containsKey(o)) {
        missing.add("'" + o.name() + "=" + o.label() + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          "missing required option"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing),
          List.of(),
          null);
    }
    Parameters<?> p = spec.parameters();
    if (p != null && parameters.size() < p.minimum()) {
      throw new UsageException(
          "missing required parameter "
              + p.label()
              + (p.minimum() > 1 ? " (at least " + p.minimum() + ")" : ""),
          List.of(),
          null);
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
