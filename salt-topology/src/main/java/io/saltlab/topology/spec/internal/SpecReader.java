package io.saltlab.topology.spec.internal;

import io.saltlab.core.internal.EditDistance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Walks a parsed spec against its definition: every key known, every value of the declared shape
 * and type, required keys present, rules between keys kept. Every problem is recorded (up to the
 * bound) with its line and column, and the values that passed are returned for binding.
 */
final class SpecReader {
  /** What a key of a spec file can look like; anything else is never echoed in an error. */
  private static final Pattern SPEC_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

  private final SpecProblems problems;

  private SpecReader(SpecProblems problems) {
    this.problems = problems;
  }

  /**
   * Checks a node against a type.
   *
   * @return the checked value, or {@code null} when its shape or type is wrong (reported)
   */
  static SpecValue read(SpecNode node, SpecType type, String path, SpecProblems problems) {
    return new SpecReader(problems).value(node, type, path);
  }

  private SpecValue value(SpecNode node, SpecType type, String path) {
    if (type instanceof SpecSection section) {
      return section(node, section, path);
    }
    if (type instanceof SpecType.Scalar scalar) {
      return scalar(node, scalar, path);
    }
    if (type instanceof SpecType.ListOf list) {
      if (!(node instanceof SpecNode.Sequence seq)) {
        problems.add(
            node.line,
            node.column,
            path,
            "expected a list ('- item' lines or [a, b]), found " + node.describe());
        return null;
      }
      List<SpecValue> items = new ArrayList<>();
      for (int i = 0; i < seq.items.size(); i++) {
        SpecValue item = value(seq.items.get(i), list.item(), path + "[" + i + "]");
        if (item != null) {
          items.add(item);
        }
      }
      return new SpecValue(type, path, node.line, node.column, problems, items, Set.of());
    }
    if (type instanceof SpecType.Free free) {
      boolean fits =
          free.shape().equals("any")
              || (free.shape().equals("list") && node instanceof SpecNode.Sequence)
              || (free.shape().equals("mapping") && node instanceof SpecNode.Mapping);
      if (!fits) {
        problems.add(
            node.line,
            node.column,
            path,
            "expected a "
                + free.shape()
                + " such as "
                + free.example()
                + ", found "
                + node.describe());
        return null;
      }
      return new SpecValue(type, path, node.line, node.column, problems, node, Set.of());
    }
    if (type instanceof SpecType.MapOf map) {
      SpecNode.Mapping m = mapping(node, path);
      if (m == null) {
        return null;
      }
      Map<String, SpecValue> entries = SpecValue.entryMap();
      for (SpecNode.Entry e : m.entries.values()) {
        SpecValue v = value(e.value, map.value(), join(path, e.key));
        if (v != null) {
          entries.put(e.key, v);
        }
      }
      return new SpecValue(type, path, node.line, node.column, problems, entries, Set.of());
    }
    SpecType.Either either = (SpecType.Either) type;
    return node instanceof SpecNode.Mapping
        ? section(node, either.section(), path)
        : scalar(node, either.scalar(), path);
  }

  private SpecValue section(SpecNode node, SpecSection section, String path) {
    SpecNode.Mapping m = mapping(node, path);
    if (m == null) {
      return null;
    }
    Map<String, SpecKey> keys = section.keys();
    Map<String, SpecValue> entries = SpecValue.entryMap();
    Set<String> present = new HashSet<>();
    for (SpecNode.Entry e : m.entries.values()) {
      SpecKey key = keys.get(e.key);
      if (key == null && problems.full()) {
        // Past the bound only the count is kept: no hint to compute for 100,000 unknown keys.
        problems.add(e.line, e.column, join(path, e.key), "");
        continue;
      }
      if (key == null && !SPEC_KEY.matcher(e.key).matches()) {
        // Not echoed: a file that is no spec at all (/etc/shadow, a key file) must not be printed.
        problems.add(
            e.line,
            e.column,
            path.isEmpty() ? "(top level)" : path,
            "a key that is not a spec key (not shown, in case this file is not a lab spec);"
                + " expected one of "
                + new TreeSet<>(keys.keySet()));
        continue;
      }
      if (key == null) {
        String hint = closest(e.key, keys.keySet());
        problems.add(
            e.line,
            e.column,
            join(path, e.key),
            "unknown key '"
                + e.key
                + "'"
                + (hint != null
                    ? "; did you mean '" + hint + "'?"
                    : "; expected one of " + new TreeSet<>(keys.keySet())));
        continue;
      }
      present.add(e.key);
      SpecValue v = value(e.value, key.type(), join(path, e.key));
      if (v != null) {
        entries.put(e.key, v);
      }
    }
    for (SpecKey key : keys.values()) {
      if (key.required() && !present.contains(key.name())) {
        missing(m, path, key.name());
      }
    }
    for (SpecRule rule : section.rules()) {
      rule(rule, m, path, present);
    }
    return new SpecValue(section, path, node.line, node.column, problems, entries, present);
  }

  private void rule(SpecRule rule, SpecNode.Mapping m, String path, Set<String> present) {
    if (rule instanceof SpecRule.OneOf one) {
      if (one.unless() != null && present.contains(one.unless())) {
        return;
      }
      List<String> given = new ArrayList<>();
      for (String k : one.keys()) {
        if (present.contains(k)) {
          given.add(k);
        }
      }
      if (given.isEmpty() && one.required()) {
        problems.add(m.line, m.column, path.isEmpty() ? one.keys().get(0) : path, one.missing());
      }
      for (String extra : given.subList(Math.min(1, given.size()), given.size())) {
        SpecNode.Entry e = m.entries.get(extra);
        problems.add(
            e.line,
            e.column,
            join(path, extra),
            one.keys().size() == 2
                ? "give either " + one.keys().get(0) + " or " + one.keys().get(1) + ", not both"
                : "give only one of "
                    + String.join(", ", one.keys().subList(0, one.keys().size() - 1))
                    + " or "
                    + one.keys().get(one.keys().size() - 1));
      }
    } else if (rule instanceof SpecRule.Excludes ex) {
      if (!present.contains(ex.key())) {
        return;
      }
      for (SpecNode.Entry e : m.entries.values()) {
        String reason = ex.reasons().get(e.key);
        if (reason != null) {
          problems.add(
              e.line,
              e.column,
              join(path, e.key),
              "not with " + ex.key() + ": " + reason + "; remove '" + e.key + "'");
        }
      }
    } else if (rule instanceof SpecRule.RequiredUnless req) {
      if (!present.contains(req.key()) && !present.contains(req.unless())) {
        missing(m, path, req.key());
      }
    }
  }

  private void missing(SpecNode.Mapping m, String path, String key) {
    problems.add(m.line, m.column, join(path, key), "missing required key '" + key + "'");
  }

  private SpecValue scalar(SpecNode node, SpecType.Scalar type, String path) {
    if (!(node instanceof SpecNode.Scalar s)) {
      problems.add(node.line, node.column, path, expected(type.kind()) + node.describe());
      return null;
    }
    Object value;
    switch (type.kind()) {
      case WHOLE:
        if (s.type != SpecNode.Scalar.Type.INTEGER) {
          problems.add(s.line, s.column, path, expected(type.kind()) + s.describe());
          return null;
        }
        try {
          value = Integer.parseInt(s.text);
        } catch (NumberFormatException e) {
          problems.add(s.line, s.column, path, "number " + s.text + " is out of range");
          return null;
        }
        break;
      case FLAG:
        if (s.type != SpecNode.Scalar.Type.BOOLEAN) {
          problems.add(s.line, s.column, path, expected(type.kind()) + s.describe());
          return null;
        }
        value = Boolean.valueOf(s.text.toLowerCase(Locale.ROOT).matches("true|yes|on|y"));
        break;
      case TEXT_OR_WHOLE:
      case TEXT_OR_NUMBER:
        boolean number =
            s.type == SpecNode.Scalar.Type.INTEGER
                || (type.kind() == SpecType.Kind.TEXT_OR_NUMBER
                    && s.type == SpecNode.Scalar.Type.DECIMAL);
        if (s.type != SpecNode.Scalar.Type.STRING && !number) {
          problems.add(s.line, s.column, path, expected(type.kind()) + s.describe());
          return null;
        }
        value = s.text;
        break;
      default:
        if (s.type != SpecNode.Scalar.Type.STRING) {
          // YAML reads 1, 1.0 and yes as numbers and booleans; Kubernetes wants text here.
          problems.add(
              s.line,
              s.column,
              path,
              s.type == SpecNode.Scalar.Type.NULL
                  ? "expected text, found " + s.describe()
                  : "expected text, found " + s.describe() + "; quote it: \"" + s.text + "\"");
          return null;
        }
        value = s.text;
    }
    if (!type.choices().isEmpty() && !chosen(type, s.text)) {
      problems.add(s.line, s.column, path, notAChoice(type, s.text, path));
      return null;
    }
    return new SpecValue(type, path, s.line, s.column, problems, value, Set.of());
  }

  private static boolean chosen(SpecType.Scalar type, String text) {
    for (SpecType.Choice c : type.choices()) {
      if (c.value().equals(text)) {
        return true;
      }
    }
    return false;
  }

  /** {@code 'x' is not an identity; expected STATEFUL (...) or FIXED (...)}. */
  private static String notAChoice(SpecType.Scalar type, String text, String path) {
    String key = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(']')) + 1);
    StringBuilder out = new StringBuilder("'").append(text).append("' is not ");
    out.append(
        "aeiou".indexOf(Character.toLowerCase(key.isEmpty() ? 'x' : key.charAt(0))) >= 0
            ? "an "
            : "a ");
    out.append(key).append("; expected ");
    List<SpecType.Choice> choices = type.choices();
    for (int i = 0; i < choices.size(); i++) {
      if (i > 0) {
        out.append(i == choices.size() - 1 ? " or " : ", ");
      }
      out.append(choices.get(i).value()).append(" (").append(choices.get(i).meaning()).append(')');
    }
    return out.toString();
  }

  private static String expected(SpecType.Kind kind) {
    switch (kind) {
      case WHOLE:
        return "expected a whole number, found ";
      case FLAG:
        return "expected true or false, found ";
      case TEXT_OR_WHOLE:
        return "expected text or a whole number, found ";
      case TEXT_OR_NUMBER:
        return "expected text or a number, found ";
      default:
        return "expected text, found ";
    }
  }

  private SpecNode.Mapping mapping(SpecNode node, String path) {
    if (node instanceof SpecNode.Mapping m) {
      return m;
    }
    problems.add(
        node.line,
        node.column,
        path,
        "expected a mapping (key: value lines), found " + node.describe());
    return null;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The declared key nearest to a misspelt one, when near enough to be a likely typo.
   *
   * @param key the key as written
   * @param allowed the declared keys
   * @return the nearest, or {@code null}
   */
  static String closest(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(allowed)) {
      int d =
          EditDistance.levenshtein(
              key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }
}
