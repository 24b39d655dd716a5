package io.saltlab.cluster.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What fills a {@link Template}: values, flags and lists of rows. Each value is checked for the
 * place it is meant for when it is set, so that nothing a template writes can end a quote, a
 * comment or a line early:
 *
 * <ul>
 *   <li>{@link #word}: a bare word of letters, digits and {@code . _ : / % + = , ~ -}, safe
 *       unquoted in bash and inside Ruby or TOML double quotes (addresses, CIDRs, names, paths,
 *       URLs);
 *   <li>{@link #quoted}: any one line, written single-quoted for bash;
 *   <li>{@link #text}: any one line without control characters, for comments, Markdown and quoted
 *       here-documents, where the checks of the cluster have already limited what it holds.
 * </ul>
 *
 * <p>A name is set once. Names: {@code UPPER_CASE} for values and lists, {@code lower_case} for
 * flags.
 */
public final class TemplateValues {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._:/%+=,~-]+");
  private static final Pattern VALUE_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern FLAG_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final boolean row;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, Boolean> flags = new LinkedHashMap<>();
  private final Map<String, List<TemplateValues>> lists = new LinkedHashMap<>();

  private TemplateValues(boolean row) {
    this.row = row;
  }

  /** Starts the values of a whole template. */
  public static TemplateValues of() {
    return new TemplateValues(false);
  }

  /** Starts one row of a list: values and flags, no lists. */
  public static TemplateValues row() {
    return new TemplateValues(true);
  }

  /**
   * Sets a bare word.
   *
   * @param name the placeholder's name
   * @param value letters, digits and {@code . _ : / % + = , ~ -} only, not empty
   * @return this
   * @throws IllegalStateException when the value holds anything else
   */
  public TemplateValues word(String name, String value) {
    if (value == null || !WORD.matcher(value).matches()) {
      throw new IllegalStateException(
          "value " + name + " is not a bare word (letters, digits, . _ : / % + = , ~ -)");
    }
    return put(name, value);
  }

  /**
   * Sets a number, written as a bare word.
   *
   * @param name the placeholder's name
   * @param value the number
   * @return this
   */
  public TemplateValues number(String name, long value) {
    return put(name, Long.toString(value));
  }

  /**
   * Sets a value written single-quoted for bash, {@code it's} as {@code 'it'\''s'}.
   *
   * @param name the placeholder's name
   * @param value one line without control characters
   * @return this
   */
  public TemplateValues quoted(String name, String value) {
    oneLine(name, value);
    return put(name, "'" + value.replace("'", "'\\''") + "'");
  }

  /**
   * Sets one line of free text, for comments, Markdown and quoted here-documents.
   *
   * @param name the placeholder's name
   * @param value one line without control characters
   * @return this
   */
  public TemplateValues text(String name, String value) {
    oneLine(name, value);
    return put(name, value);
  }

  /**
   * Sets a flag for {@code #%if}.
   *
   * @param name the flag's name
   * @param on whether the lines under {@code #%if name} are kept
   * @return this
   */
  public TemplateValues flag(String name, boolean on) {
    if (!FLAG_NAME.matcher(name).matches()) {
      throw new IllegalStateException("flag name '" + name + "' is not lower_case");
    }
    if (flags.putIfAbsent(name, on) != null) {
      throw new IllegalStateException("flag " + name + " is set twice");
    }
    return this;
  }

  /**
   * Sets a list for {@code #%each} and repeated lines.
   *
   * @param name the list's name
   * @param rows its rows, made with {@link #row()}; each names the same fields
   * @return this
   */
  public TemplateValues list(String name, List<TemplateValues> rows) {
    if (row) {
      throw new IllegalStateException("a row holds no list (" + name + ")");
    }
    checkName(name);
    for (TemplateValues r : rows) {
      if (!r.row) {
        throw new IllegalStateException("list " + name + " holds something not made by row()");
      }
    }
    if (lists.putIfAbsent(name, List.copyOf(rows)) != null || values.containsKey(name)) {
      throw new IllegalStateException("name " + name + " is set twice");
    }
    return this;
  }

  String value(String name) {
    return values.get(name);
  }

  Boolean flag(String name) {
    return flags.get(name);
  }

  List<TemplateValues> list(String name) {
    return lists.get(name);
  }

  Set<String> valueNames() {
    return values.keySet();
  }

  Set<String> flagNames() {
    return flags.keySet();
  }

  Set<String> listNames() {
    return lists.keySet();
  }

  private TemplateValues put(String name, String value) {
    checkName(name);
    if (values.putIfAbsent(name, value) != null || lists.containsKey(name)) {
      throw new IllegalStateException("name " + name + " is set twice");
    }
    return this;
  }

  private static void checkName(String name) {
    if (!VALUE_NAME.matcher(name).matches()) {
      throw new IllegalStateException("name '" + name + "' is not UPPER_CASE");
    }
  }

  private static void oneLine(String name, String value) {
    if (value == null) {
      throw new IllegalStateException("value " + name + " is null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        throw new IllegalStateException(
            "value " + name + " holds a control character (code " + (int) c + ") at " + i);
      }
    }
  }
}
