package io.saltlab.cluster.internal;

import io.saltlab.cluster.internal.TemplateParser.Each;
import io.saltlab.cluster.internal.TemplateParser.If;
import io.saltlab.cluster.internal.TemplateParser.Line;
import io.saltlab.cluster.internal.TemplateParser.Node;
import io.saltlab.cluster.internal.TemplateParser.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A text template kept as a real file (a shell script, a Vagrantfile, Markdown) that shellcheck or
 * ruby can read as it is, filled from {@link TemplateValues}. The syntax is line based and small on
 * purpose:
 *
 * <ul>
 *   <li>{@code @@NAME@@} is replaced by the value {@code NAME}; {@code @@LIST.FIELD@@} by a field
 *       of a row of list {@code LIST}. A line outside an {@code #%each} block that holds
 *       {@code @@LIST.FIELD@@} placeholders is written once per row of that list, which keeps
 *       repeated words inside one shell command (after a backslash) free of directive lines.
 *   <li>{@code #%if FLAG}, {@code #%if !FLAG}, {@code #%else}, {@code #%end}: keep the lines
 *       between when the flag is on (off). Flags of a row are named {@code LIST.flag}.
 *   <li>{@code #%each LIST} ... {@code #%end}: the lines between, once per row of the list (no
 *       nesting of {@code #%each}).
 *   <li>{@code #%include PATH}: the lines of another template, filled from the same values.
 *   <li>{@code #%-- text}: a note for the template's reader, dropped.
 *   <li>{@code # shellcheck ...}: a directive for shellcheck reading the template itself (a name
 *       used only in an included part, a line that rendering repeats), dropped: the rendered
 *       scripts pass shellcheck without any directive.
 * </ul>
 *
 * <p>Directive lines start with {@code #}, a comment in bash and Ruby, so every template stays a
 * script its linter accepts (each branch of an {@code #%if} has to be a whole statement for that).
 *
 * <p>Strict: a malformed or unknown directive, an unbalanced block, a stray {@code @@} or a missing
 * final newline fails when the template is read; a kept line whose value was not given, a value,
 * flag, list or row field given but named nowhere in the template, or rows of one list with other
 * names, fails when it is rendered. These are mistakes of the program, not of a user, so they are
 * {@link IllegalStateException}s that tests meet first.
 */
public final class Template {
  private static final String ROOT = "io/saltlab/cluster/templates/";
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  private final String name;
  private final List<Node> nodes;
  private final Set<String> values = new TreeSet<>();
  private final Set<String> flags = new TreeSet<>();
  private final Map<String, Set<String>> listFields = new TreeMap<>();

  private Template(String name, List<Node> nodes) {
    this.name = name;
    this.nodes = nodes;
    collectNames(nodes);
  }

  /**
   * Reads a template from the module's resources.
   *
   * @param path path under {@code io/saltlab/cluster/templates/}, for example {@code
   *     provision/common.sh}
   * @return the parsed template, includes resolved
   * @throws IllegalStateException when the file is missing or its syntax is wrong
   */
  public static Template load(String path) {
    return parse(path, resource(path), Template::resource);
  }

  /**
   * Parses a template's text.
   *
   * @param name the template's name in messages
   * @param text the text, ending with a newline
   * @param includes reads the text of an included template by its path
   * @return the parsed template
   * @throws IllegalStateException when the syntax is wrong
   */
  public static Template parse(String name, String text, Function<String, String> includes) {
    return new Template(
        name, new TemplateParser.Parser(includes).parse(name, text, new ArrayList<>()));
  }

  /** The template's name, for example {@code provision/common.sh}. */
  public String name() {
    return name;
  }

  /** The value names the template holds ({@code @@NAME@@}), sorted. */
  public Set<String> valueNames() {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }

  /** The flag names the template tests ({@code #%if flag}), sorted. */
  public Set<String> flagNames() {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(flags));
  }

  /**
   * Fills the template.
   *
   * @param given the values, flags and lists; every one must be named in the template
   * @return the text
   * @throws IllegalStateException when a kept line needs a value that was not given, or something
   *     given is named nowhere in the template
   */
  public String render(TemplateValues given) {
    return render(given, null);
  }

  /**
   * Fills the template and notes which of its lines and branches were written, so that a test can
   * show that every line of every template is reached by some cluster.
   *
   * @param given the values, flags and lists
   * @param reached where to add {@code file:line} of each written line and of each {@code #%if} as
   *     {@code file:line:on} or {@code file:line:off}; null to note nothing
   * @return the text
   */
  public String render(TemplateValues given, Set<String> reached) {
    Objects.requireNonNull(given, "given");
    checkUsed(given);
    Run run = new Run(given, reached, new StringBuilder());
    run.body(nodes, null, null);
    return run.out.toString();
  }

  /**
   * Every line and branch of the template as {@link #render(TemplateValues, Set)} notes them, to
   * compare with what rendering reached.
   *
   * @return {@code file:line} of each text line, {@code file:line:on} and {@code file:line:off} of
   *     each {@code #%if}
   */
  public Set<String> reachable() {
    Set<String> all = new TreeSet<>();
    reachable(nodes, all);
    return all;
  }

  private static void reachable(List<Node> body, Set<String> all) {
    for (Node n : body) {
      if (n instanceof Line line) {
        all.add(line.at());
      } else if (n instanceof If cond) {
        all.add(cond.at() + ":on");
        all.add(cond.at() + ":off");
        reachable(cond.then(), all);
        reachable(cond.otherwise(), all);
      } else if (n instanceof Each each) {
        reachable(each.body(), all);
      }
    }
  }

  // ------------------------------------------------------------------ rendering

  /** One rendering: the values, where to note what was reached, and the text so far. */
  private record Run(TemplateValues given, Set<String> reached, StringBuilder out) {

    void body(List<Node> body, String list, TemplateValues row) {
      for (Node n : body) {
        if (n instanceof Line line) {
          line(line, list, row);
        } else if (n instanceof If cond) {
          boolean on = flag(cond, list, row) != cond.negated();
          note(cond.at() + (on ? ":on" : ":off"));
          body(on ? cond.then() : cond.otherwise(), list, row);
        } else if (n instanceof Each each) {
          for (TemplateValues r : rows(given, each.list(), each.at())) {
            body(each.body(), each.list(), r);
          }
        }
      }
    }

    private void line(Line line, String list, TemplateValues row) {
      String repeat = null;
      for (Part p : line.parts()) {
        if (p.list() != null && !p.list().equals(list)) {
          if (list != null || (repeat != null && !repeat.equals(p.list()))) {
            throw fail(line.at(), "one line repeats over one list only, not " + p.list());
          }
          repeat = p.list();
        }
      }
      if (repeat == null) {
        write(line, row);
        return;
      }
      for (TemplateValues r : rows(given, repeat, line.at())) {
        write(line, r);
      }
    }

    private void write(Line line, TemplateValues row) {
      note(line.at());
      for (Part p : line.parts()) {
        if (p.literal() != null) {
          out.append(p.literal());
          continue;
        }
        String v = p.list() == null ? given.value(p.name()) : row.value(p.name());
        if (v == null) {
          throw fail(
              line.at(),
              "no value for @@"
                  + (p.list() == null ? "" : p.list() + ".")
                  + p.name()
                  + "@@ was given");
        }
        out.append(v);
      }
      out.append('\n');
    }

    private boolean flag(If cond, String list, TemplateValues row) {
      Boolean on;
      if (cond.list() == null) {
        on = given.flag(cond.flag());
      } else if (cond.list().equals(list)) {
        on = row.flag(cond.flag());
      } else {
        throw fail(
            cond.at(),
            "flag " + cond.list() + "." + cond.flag() + " outside #%each " + cond.list());
      }
      if (on == null) {
        throw fail(
            cond.at(),
            "no flag "
                + (cond.list() == null ? "" : cond.list() + ".")
                + cond.flag()
                + " was given");
      }
      return on;
    }

    private void note(String at) {
      if (reached != null) {
        reached.add(at);
      }
    }
  }

  private static List<TemplateValues> rows(TemplateValues given, String list, String at) {
    List<TemplateValues> rows = given.list(list);
    if (rows == null) {
      throw fail(at, "no list " + list + " was given");
    }
    return rows;
  }

  private void checkUsed(TemplateValues given) {
    List<String> unused = new ArrayList<>();
    for (String v : given.valueNames()) {
      if (!values.contains(v)) {
        unused.add("value " + v);
      }
    }
    for (String f : given.flagNames()) {
      if (!flags.contains(f)) {
        unused.add("flag " + f);
      }
    }
    for (String l : given.listNames()) {
      Set<String> fields = listFields.get(l);
      if (fields == null) {
        unused.add("list " + l);
        continue;
      }
      Set<String> first = null;
      for (TemplateValues row : given.list(l)) {
        Set<String> names = new TreeSet<>(row.valueNames());
        for (String f : row.flagNames()) {
          names.add("#" + f);
        }
        if (first == null) {
          first = names;
        } else if (!first.equals(names)) {
          throw new IllegalStateException(
              name + ": rows of list " + l + " name different fields: " + first + ", " + names);
        }
        for (String f : names) {
          if (!fields.contains(f)) {
            unused.add("field " + l + "." + f.replace("#", ""));
          }
        }
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException(
          name + ": given but named nowhere in the template: " + new TreeSet<>(unused));
    }
  }

  private void collectNames(List<Node> body) {
    for (Node n : body) {
      if (n instanceof Line line) {
        for (Part p : line.parts()) {
          if (p.name() == null) {
            continue;
          }
          if (p.list() == null) {
            values.add(p.name());
          } else {
            listFields.computeIfAbsent(p.list(), k -> new HashSet<>()).add(p.name());
          }
        }
      } else if (n instanceof If cond) {
        if (cond.list() == null) {
          flags.add(cond.flag());
        } else {
          listFields.computeIfAbsent(cond.list(), k -> new HashSet<>()).add("#" + cond.flag());
        }
        collectNames(cond.then());
        collectNames(cond.otherwise());
      } else if (n instanceof Each each) {
        listFields.computeIfAbsent(each.list(), k -> new HashSet<>());
        collectNames(each.body());
      }
    }
  }

  private static IllegalStateException fail(String at, String message) {
    return new IllegalStateException(at + ": " + message);
  }

  private static String resource(String path) {
    if (!PATH.matcher(path).matches() || path.contains("..")) {
      throw new IllegalStateException("template path '" + path + "' is not a plain relative path");
    }
    try (InputStream in = Template.class.getClassLoader().getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("no template " + ROOT + path + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + path, e);
    }
  }
}
