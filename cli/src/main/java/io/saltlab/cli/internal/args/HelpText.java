package io.saltlab.cli.internal.args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code --help} text of a command, made from its {@link CommandSpec}: a usage line, the
 * summary and details, the options (sorted by name) and the exit codes, wrapped to fit 80 columns.
 */
public final class HelpText {

  /**
   * No line is wider than this: an 80-column terminal shows it without wrapping, the cursor
   * included.
   */
  static final int WIDTH = 79;

  /** Long option columns wider than this put their description on the next line. */
  private static final int MAX_NAME_COLUMN = 30;

  private HelpText() {}

  /**
   * The whole help text of a command.
   *
   * @param spec the command
   * @return the text, ending in a line break
   */
  public static String of(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    usage(spec, out);
    wrap(spec.summary(), "", "", out);
    for (String paragraph : spec.details()) {
      out.append('\n');
      wrap(paragraph, "", "", out);
    }
    options(spec, out);
    if (!spec.commands().isEmpty()) {
      out.append("Commands:\n");
      int width = 0;
      for (CommandSpec.Entry e : spec.commands()) {
        width = Math.max(width, e.name().length());
      }
      for (CommandSpec.Entry e : spec.commands()) {
        column("  " + e.name(), 2 + width + 2, e.summary(), out);
      }
    }
    if (!spec.exitCodes().isEmpty()) {
      out.append("\nExit codes:\n");
      int width = 0;
      for (CommandSpec.ExitCode c : spec.exitCodes()) {
        width = Math.max(width, String.valueOf(c.code()).length());
      }
      for (CommandSpec.ExitCode c : spec.exitCodes()) {
        column("  " + c.code(), 2 + width + 3, c.meaning(), out);
      }
    }
    return out.toString();
  }

  /**
   * The usage line alone, for example {@code Usage: saltlab diff [-hV] --from=V --to=V}.
   *
   * @param spec the command
   * @param out where it goes, wrapped and ending in a line break
   */
  static void usage(CommandSpec spec, StringBuilder out) {
    List<String> parts = new ArrayList<>();
    StringBuilder cluster = new StringBuilder();
    List<Option<?>> grouped = new ArrayList<>();
    spec.exclusiveSets().forEach(grouped::addAll);
    List<Option<?>> rest = new ArrayList<>();
    for (Option<?> o : sorted(spec.options())) {
      if (grouped.contains(o)) {
        continue;
      }
      if (o.isFlag() && o.shortName() != null && !o.isRequired()) {
        cluster.append(o.shortName().charAt(1));
      } else {
        rest.add(o);
      }
    }
    if (cluster.length() > 0) {
      parts.add("[-" + cluster + "]");
    }
    for (Option<?> o : rest) {
      String s = o.synopsis();
      parts.add((o.isRequired() ? s : "[" + s + "]") + (o.isRepeatable() ? "..." : ""));
    }
    for (List<Option<?>> set : spec.exclusiveSets()) {
      List<String> names = new ArrayList<>();
      for (Option<?> o : set) {
        names.add(o.synopsis());
      }
      parts.add("[" + String.join(" | ", names) + "]");
    }
    if (spec.parameters() != null) {
      parts.add(spec.parameters().synopsis());
    }
    if (!spec.commands().isEmpty()) {
      parts.add("[COMMAND]");
    }
    String head = "Usage: " + spec.qualifiedName() + " ";
    wrap(String.join(" ", parts), head, " ".repeat(head.length()), out);
  }

  private static void options(CommandSpec spec, StringBuilder out) {
    List<String[]> rows = new ArrayList<>();
    if (spec.parameters() != null) {
      rows.add(
          new String[] {
            "      " + spec.parameters().label() + "...", spec.parameters().description()
          });
    }
    for (Option<?> o : sorted(spec.options())) {
      String shortPart =
          o.shortName() == null ? "    " : o.shortName() + (o.longName() == null ? "  " : ", ");
      String longPart = o.longName() == null ? "" : o.longName();
      if (o.label() != null) {
        longPart += "=" + o.label();
        if (o.longName() == null) {
          shortPart = shortPart.strip() + "=" + o.label();
        }
      }
      rows.add(new String[] {"  " + shortPart + longPart, o.description()});
    }
    int width = 0;
    for (String[] r : rows) {
      width = Math.max(width, r[0].length());
    }
    width = Math.min(width, MAX_NAME_COLUMN) + 3;
    for (String[] r : rows) {
      column(r[0], width, r[1], out);
    }
  }

  /** Options in help order: by name without dashes, ignoring case, short names first. */
  private static List<Option<?>> sorted(List<Option<?>> options) {
    List<Option<?>> list = new ArrayList<>(options);
    list.sort(
        Comparator.comparing(
            (Option<?> o) ->
                (o.shortName() != null ? o.shortName() : o.longName())
                    .replaceFirst("^-+", "")
                    .toLowerCase(Locale.ROOT)));
    return list;
  }

  /** A name in a column of the given width, its text beside it, continued two columns further. */
  private static void column(String name, int width, String text, StringBuilder out) {
    String indent = " ".repeat(width + 2);
    if (name.length() + 1 > width) {
      out.append(name).append('\n');
      wrap(text, " ".repeat(width), indent, out);
    } else {
      wrap(text, name + " ".repeat(width - name.length()), indent, out);
    }
  }

  /**
   * Wraps text at spaces so that no line is wider than {@link #WIDTH} (a single word wider than
   * that stays whole on its own line).
   *
   * @param text the words
   * @param first what starts the first line
   * @param indent what starts every further line
   * @param out where the lines go
   */
  static void wrap(String text, String first, String indent, StringBuilder out) {
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
