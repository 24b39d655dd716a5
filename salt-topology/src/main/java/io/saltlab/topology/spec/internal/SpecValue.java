package io.saltlab.topology.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of a spec file that passed its definition's checks (shape, type, known keys), with the
 * place it was written: what binding code reads to build the model. Values that failed a check are
 * absent, and their problem is already reported; {@link #clean()} says whether anything under a
 * value failed, so that binding builds nothing from a broken part.
 *
 * <p>Reading a key a section does not declare is a programming error ({@link
 * IllegalStateException}), so binding code cannot drift from the definition.
 */
public final class SpecValue {
  private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

  private final SpecType type;
  private final String path;
  private final int line;
  private final int column;
  private final SpecProblems problems;
  private final Object value;
  private final Set<String> present;

  /**
   * A checked value.
   *
   * @param value a {@code String}, {@code Integer} or {@code Boolean} for scalars, a {@code
   *     List<SpecValue>} for lists, a {@code Map<String, SpecValue>} in file order for mappings and
   *     sections
   * @param present for sections, every key written (also those whose value failed a check)
   */
  SpecValue(
      SpecType type,
      String path,
      int line,
      int column,
      SpecProblems problems,
      Object value,
      Set<String> present) {
    this.type = type;
    this.path = path;
    this.line = line;
    this.column = column;
    this.problems = problems;
    this.value = value;
    this.present = present;
  }

  /** The field's path as messages name it, for example {@code roles[1].ports[0]}. */
  public String path() {
    return path;
  }

  /** 1-based line of the value. */
  public int line() {
    return line;
  }

  /** 1-based column of the value. */
  public int column() {
    return column;
  }

  /** The definition the value was checked against. */
  public SpecType type() {
    return type;
  }

  /** Whether no problem was found in this value or anything under it. */
  public boolean clean() {
    return !problems.under(path);
  }

  /**
   * Reports a problem at this value, for binding code that finds one the definition cannot state
   * (an unset environment variable, a quantity with a unit that does not exist).
   *
   * @param message what is wrong and what would be right, one line
   */
  public void problem(String message) {
    problems.add(line, column, path, message);
  }

  // --- free YAML ---

  /**
   * A {@link SpecType.Free} value as a Jackson tree (deliberately: patches are applied as trees),
   * numbers and booleans as YAML typed them.
   *
   * @return the tree
   */
  public JsonNode tree() {
    return tree((SpecNode) value);
  }

  private static JsonNode tree(SpecNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof SpecNode.Mapping m) {
      ObjectNode o = f.objectNode();
      m.entries.values().forEach(e -> o.set(e.key, tree(e.value)));
      return o;
    }
    if (node instanceof SpecNode.Sequence seq) {
      ArrayNode a = f.arrayNode();
      seq.items.forEach(i -> a.add(tree(i)));
      return a;
    }
    SpecNode.Scalar sc = (SpecNode.Scalar) node;
    switch (sc.type) {
      case INTEGER:
        BigInteger big = new BigInteger(sc.text.replace("_", ""));
        return big.bitLength() < 32
            ? f.numberNode(big.intValue())
            : big.bitLength() < 64 ? f.numberNode(big.longValue()) : f.numberNode(big);
      case DECIMAL:
        return f.numberNode(new BigDecimal(sc.text));
      case BOOLEAN:
        return f.booleanNode(Boolean.parseBoolean(sc.text));
      case NULL:
        return f.nullNode();
      default:
        return f.textNode(sc.text);
    }
  }

  /**
   * Reports a problem at a place inside a {@link SpecType.Free} value: at the deepest node the
   * steps reach, so that the line and column are those of the part at fault.
   *
   * @param steps list indexes ({@code Integer}) and mapping keys ({@code String}), outermost first
   * @param message what is wrong and what would be right, one line
   */
  public void problemAt(List<Object> steps, String message) {
    SpecNode node = (SpecNode) value;
    int line = node.line;
    int column = node.column;
    StringBuilder at = new StringBuilder(path);
    for (Object step : steps) {
      SpecNode next = null;
      if (step instanceof Integer i
          && node instanceof SpecNode.Sequence seq
          && i < seq.items.size()) {
        next = seq.items.get(i);
        at.append('[').append(i).append(']');
        line = next.line;
        column = next.column;
      } else if (step instanceof String k && node instanceof SpecNode.Mapping m) {
        SpecNode.Entry e = m.entries.get(k);
        if (e != null) {
          next = e.value;
          at.append('.').append(k);
          line = e.line;
          column = e.column;
        }
      }
      if (next == null) {
        break;
      }
      node = next;
    }
    problems.add(line, column, at.toString(), message);
  }

  // --- scalars ---

  /** The value as text (numbers as written); for text, choices and text-or-number scalars. */
  public String asText() {
    return (String) value;
  }

  /** The value as a whole number. */
  public int asWhole() {
    return (Integer) value;
  }

  /** The value as a boolean. */
  public boolean asFlag() {
    return (Boolean) value;
  }

  /** Whether the value is a section (the long form of an {@link SpecType.Either}). */
  public boolean isSection() {
    return type instanceof SpecSection;
  }

  // --- collections ---

  /** The items of a list that passed their checks. */
  @SuppressWarnings("unchecked")
  public List<SpecValue> items() {
    return (List<SpecValue>) value;
  }

  /** The entries of a mapping or section that passed their checks, in file order. */
  @SuppressWarnings("unchecked")
  public Map<String, SpecValue> entries() {
    return (Map<String, SpecValue>) value;
  }

  // --- keys of a section ---

  /**
   * Whether a key is written in this section, even with a value that failed its checks.
   *
   * @param key a declared key
   * @return true when written
   */
  public boolean has(String key) {
    declared(key);
    return present.contains(key);
  }

  /**
   * The checked value of a key.
   *
   * @param key a declared key
   * @return the value, empty when absent or when it failed a check
   */
  public Optional<SpecValue> get(String key) {
    declared(key);
    return Optional.ofNullable(entries().get(key));
  }

  /**
   * A key's text.
   *
   * @param key a declared key
   * @return the text, empty when absent or wrong
   */
  public Optional<String> text(String key) {
    return get(key).map(SpecValue::asText);
  }

  /**
   * A key's whole number.
   *
   * @param key a declared key
   * @return the number, empty when absent or wrong
   */
  public Optional<Integer> whole(String key) {
    return get(key).map(SpecValue::asWhole);
  }

  /**
   * A key's boolean.
   *
   * @param key a declared key
   * @return the boolean, empty when absent or wrong
   */
  public Optional<Boolean> flag(String key) {
    return get(key).map(SpecValue::asFlag);
  }

  /**
   * A key's list of text, only when every item is text.
   *
   * @param key a declared key
   * @return the texts, empty when absent or when an item is wrong
   */
  public Optional<List<String>> texts(String key) {
    Optional<SpecValue> list = get(key);
    if (list.isEmpty() || !list.get().clean()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    list.get().items().forEach(v -> out.add(v.asText()));
    return Optional.of(Collections.unmodifiableList(out));
  }

  /**
   * A key's mapping of text to text, sorted by key; entries whose value is wrong are left out.
   *
   * @param key a declared key
   * @return the map, empty when absent or not a mapping
   */
  public Optional<Map<String, String>> textMap(String key) {
    return get(key)
        .map(
            m -> {
              Map<String, String> out = new TreeMap<>();
              m.entries().forEach((k, v) -> out.put(k, v.asText()));
              return out;
            });
  }

  /**
   * The items of a key's list.
   *
   * @param key a declared key
   * @return the items that passed their checks, none when absent
   */
  public List<SpecValue> list(String key) {
    return get(key).map(SpecValue::items).orElse(List.of());
  }

  private void declared(String key) {
    if (!(type instanceof SpecSection s) || !s.keys().containsKey(key)) {
      throw new IllegalStateException(path + " declares no key '" + key + "'");
    }
  }

  /**
   * The value a model field's path points to, for reporting a problem the lab's checks found at the
   * line it was written: {@code roles[2].ports[0].port}, or {@code autosignToken} for the {@code
   * autosignTokenEnv} key that set it. When the path goes beyond the file (a defaulted value), the
   * deepest value on the way.
   *
   * @param field a path as {@link io.saltlab.topology.LabProblem#field()} writes it
   * @return the value, never null
   */
  public SpecValue locate(String field) {
    SpecValue node = this;
    Matcher m = PATH_STEP.matcher(field);
    int pos = 0;
    while (pos < field.length()) {
      if (field.charAt(pos) == '.') {
        pos++;
        continue;
      }
      if (!m.find(pos) || m.start() != pos) {
        break;
      }
      SpecValue next = null;
      if (m.group(2) != null && node.value instanceof List) {
        int index = Integer.parseInt(m.group(2));
        next = node.itemAt(index);
      } else if (m.group(1) != null && node.value instanceof Map) {
        // Keys may hold dots (label keys such as example.com/tier): try the rest of the path first.
        SpecValue whole = node.entries().get(field.substring(pos));
        if (whole != null) {
          return whole;
        }
        next = node.entryFor(m.group(1));
      }
      if (next == null) {
        break;
      }
      node = next;
      pos = m.end();
    }
    return node;
  }

  private SpecValue itemAt(int index) {
    String wanted = path + "[" + index + "]";
    for (SpecValue item : items()) {
      if (item.path.equals(wanted)) {
        return item;
      }
    }
    return null;
  }

  /** The entry of a step: the key itself, else the key that sets that model field. */
  private SpecValue entryFor(String step) {
    SpecValue direct = entries().get(step);
    if (direct != null || !(type instanceof SpecSection s)) {
      return direct;
    }
    for (Map.Entry<String, SpecValue> e : entries().entrySet()) {
      SpecKey key = s.keys().get(e.getKey());
      if (key != null && key.field().equals(step)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Builds a section's or mapping's entry map, file order kept. */
  static Map<String, SpecValue> entryMap() {
    return new LinkedHashMap<>();
  }
}
