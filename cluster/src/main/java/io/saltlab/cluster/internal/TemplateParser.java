package io.saltlab.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link Template}'s text into lines and blocks, checking its syntax as it goes. */
final class TemplateParser {
  private static final String SHELLCHECK = "# shellcheck ";
  private static final Pattern PLACEHOLDER =
      Pattern.compile("@@([A-Z][A-Z0-9_]*)(?:\\.([A-Z][A-Z0-9_]*))?@@");
  private static final Pattern FLAG =
      Pattern.compile("(!?)(?:([A-Z][A-Z0-9_]*)\\.)?([a-z][a-z0-9_]*)");
  private static final Pattern LIST = Pattern.compile("[A-Z][A-Z0-9_]*");

  /** A line or a block of a template. */
  sealed interface Node permits Line, If, Each {}

  /** One output line: literal text and placeholders in turn. */
  record Line(String at, List<Part> parts) implements Node {}

  /** Literal text, or a placeholder {@code name} (of {@code list} when it is a row field). */
  record Part(String literal, String list, String name) {}

  /** {@code #%if}: the lines kept when the flag ({@code list.flag} in a row) is on, or off. */
  record If(
      String at, boolean negated, String list, String flag, List<Node> then, List<Node> otherwise)
      implements Node {}

  /** {@code #%each}: the lines written once per row of a list. */
  record Each(String at, String list, List<Node> body) implements Node {}

  /** One parse, following includes. */
  static final class Parser {
    private final Function<String, String> includes;
    private String file;
    private String[] lines;
    private int next;

    Parser(Function<String, String> includes) {
      this.includes = includes;
    }

    List<Node> parse(String name, String text, List<String> including) {
      if (including.contains(name)) {
        throw new IllegalStateException("template " + name + " includes itself: " + including);
      }
      if (!text.endsWith("\n")) {
        throw new IllegalStateException(name + ": the last line has no newline");
      }
      String savedFile = file;
      String[] savedLines = lines;
      int savedNext = next;
      file = name;
      lines = text.substring(0, text.length() - 1).split("\n", -1);
      next = 0;
      including.add(name);
      List<Node> body = new ArrayList<>();
      String end = block(body, including, false, false);
      if (end != null) {
        throw new IllegalStateException(name + ":" + next + ": '" + end + "' closes nothing");
      }
      including.remove(including.size() - 1);
      file = savedFile;
      lines = savedLines;
      next = savedNext;
      return List.copyOf(body);
    }

    /** Reads nodes up to an {@code #%else}/{@code #%end} (returned) or the end of the file. */
    private String block(List<Node> body, List<String> including, boolean inIf, boolean inEach) {
      while (next < lines.length) {
        String text = lines[next++];
        String at = file + ":" + next;
        if (text.indexOf('\r') >= 0) {
          throw new IllegalStateException(at + ": carriage return (templates end lines with LF)");
        }
        if (text.stripLeading().startsWith(SHELLCHECK)) {
          continue;
        }
        if (!text.startsWith("#%")) {
          body.add(line(at, text));
          continue;
        }
        String directive = text.substring(2);
        if (directive.startsWith("-- ") || directive.equals("--")) {
          continue;
        }
        if (directive.equals("end") || directive.equals("else")) {
          if (!inIf && !(inEach && directive.equals("end"))) {
            throw new IllegalStateException(at + ": '#%" + directive + "' closes nothing");
          }
          return directive;
        }
        if (directive.startsWith("if ")) {
          body.add(ifBlock(at, directive.substring(3), including, inEach));
        } else if (directive.startsWith("each ")) {
          String list = directive.substring(5);
          if (!LIST.matcher(list).matches()) {
            throw new IllegalStateException(at + ": list name '" + list + "' is not UPPER_CASE");
          }
          if (inEach) {
            throw new IllegalStateException(at + ": #%each inside #%each");
          }
          List<Node> inner = new ArrayList<>();
          String end = block(inner, including, false, true);
          if (!"end".equals(end)) {
            throw new IllegalStateException(at + ": #%each " + list + " has no #%end");
          }
          body.add(new Each(at, list, List.copyOf(inner)));
        } else if (directive.startsWith("include ")) {
          String path = directive.substring(8);
          body.addAll(parse(path, includes.apply(path), including));
        } else {
          throw new IllegalStateException(
              at + ": unknown directive '" + text + "' (if, else, end, each, include, --)");
        }
      }
      return null;
    }

    private If ifBlock(String at, String condition, List<String> including, boolean inEach) {
      Matcher m = FLAG.matcher(condition);
      if (!m.matches()) {
        throw new IllegalStateException(
            at + ": '" + condition + "' is not a flag such as name, !name or LIST.name");
      }
      List<Node> then = new ArrayList<>();
      List<Node> otherwise = new ArrayList<>();
      String end = block(then, including, true, inEach);
      if ("else".equals(end)) {
        end = block(otherwise, including, true, inEach);
        if ("else".equals(end)) {
          throw new IllegalStateException(at + ": #%if " + condition + " has two #%else");
        }
      }
      if (!"end".equals(end)) {
        throw new IllegalStateException(at + ": #%if " + condition + " has no #%end");
      }
      return new If(
          at,
          !m.group(1).isEmpty(),
          m.group(2),
          m.group(3),
          List.copyOf(then),
          List.copyOf(otherwise));
    }

    private static Line line(String at, String text) {
      List<Part> parts = new ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(text);
      int last = 0;
      while (m.find()) {
        literal(at, text.substring(last, m.start()), parts);
        if (m.group(2) == null) {
          parts.add(new Part(null, null, m.group(1)));
        } else {
          parts.add(new Part(null, m.group(1), m.group(2)));
        }
        last = m.end();
      }
      literal(at, text.substring(last), parts);
      return new Line(at, List.copyOf(parts));
    }

    private static void literal(String at, String text, List<Part> parts) {
      if (text.contains("@@")) {
        throw new IllegalStateException(
            at + ": '@@' that is no placeholder @@NAME@@ or @@LIST.FIELD@@ in: " + text);
      }
      if (!text.isEmpty()) {
        parts.add(new Part(text, null, null));
      }
    }
  }

  private TemplateParser() {}
}
