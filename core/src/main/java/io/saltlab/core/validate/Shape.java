package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One type of object in the table of value rules ({@link ValueRules}): which of its fields carry
 * rules, which hold nested objects of another shape, and the rules across its fields. Shapes are
 * built once, when the table class loads, and only read afterwards.
 */
final class Shape {

  /** A rule on one value: a scalar, or a whole list or map. */
  @FunctionalInterface
  interface ValueRule {
    void check(RuleRun run, JsonNode value, At at);
  }

  /** A rule across the fields of one object (cross-field rules). */
  @FunctionalInterface
  interface ObjectRule {
    void check(RuleRun run, JsonNode object, At at);
  }

  /** How a field nests: a plain value, one object, a list of objects, a map of objects. */
  enum Nesting {
    VALUE,
    OBJECT,
    LIST,
    MAP
  }

  /** A field with rules, and the shape of what it holds when it holds objects. */
  record Field(String key, Nesting nesting, Shape shape, List<ValueRule> rules) {}

  final String name;
  final Map<String, Field> fields = new LinkedHashMap<>();
  final List<ObjectRule> objectRules = new ArrayList<>();

  Shape(String name) {
    this.name = name;
  }

  /** Rules on a field's value (for a list or map field, on the whole list or map). */
  Shape value(String key, ValueRule... rules) {
    return add(key, Nesting.VALUE, null, rules);
  }

  /** A field holding one object of another shape, with rules on that object as a value. */
  Shape object(String key, Shape shape, ValueRule... rules) {
    return add(key, Nesting.OBJECT, shape, rules);
  }

  /** A field holding a list of objects of another shape; rules apply to the whole list. */
  Shape list(String key, Shape shape, ValueRule... rules) {
    return add(key, Nesting.LIST, shape, rules);
  }

  /** A field holding a map whose values are objects of another shape. */
  Shape map(String key, Shape shape, ValueRule... rules) {
    return add(key, Nesting.MAP, shape, rules);
  }

  /** A rule across this object's fields. */
  Shape rule(ObjectRule rule) {
    objectRules.add(rule);
    return this;
  }

  private Shape add(String key, Nesting nesting, Shape shape, ValueRule... rules) {
    Field existing = fields.get(key);
    List<ValueRule> all = new ArrayList<>(existing == null ? List.of() : existing.rules());
    all.addAll(List.of(rules));
    Shape nested = shape != null ? shape : existing == null ? null : existing.shape();
    Nesting how = existing != null && shape == null ? existing.nesting() : nesting;
    fields.put(key, new Field(key, how, nested, List.copyOf(all)));
    return this;
  }

  /** Applies this shape's rules to an object and, recursively, to the objects it holds. */
  void walk(RuleRun run, JsonNode node, At at) {
    if (!node.isObject()) {
      return;
    }
    for (Field f : fields.values()) {
      JsonNode v = node.get(f.key());
      if (v == null || v.isNull()) {
        continue;
      }
      At here = at.child(f.key());
      for (ValueRule r : f.rules()) {
        r.check(run, v, here);
      }
      if (f.shape() == null) {
        continue;
      }
      switch (f.nesting()) {
        case OBJECT:
          f.shape().walk(run, v, here);
          break;
        case LIST:
          if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
              f.shape().walk(run, v.get(i), here.index(i));
            }
          }
          break;
        case MAP:
          if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
              f.shape().walk(run, e.getValue(), here.child(e.getKey()));
            }
          }
          break;
        default:
          break;
      }
    }
    for (ObjectRule r : objectRules) {
      r.check(run, node, at);
    }
  }

  /**
   * A field path built only when a problem needs it: every object of every document is walked, and
   * most have no problem.
   */
  static final class At {
    private static final At ROOT = new At(null, null, -1);

    private final At parent;
    private final String key;
    private final int index;

    private At(At parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    /** The document itself. */
    static At root() {
      return ROOT;
    }

    /** A path given as text, such as {@code spec.template}. */
    static At of(String dotted) {
      At at = ROOT;
      if (!dotted.isEmpty()) {
        for (String part : dotted.split("\\.")) {
          at = at.child(part);
        }
      }
      return at;
    }

    At child(String k) {
      return new At(this, k, -1);
    }

    At index(int i) {
      return new At(this, null, i);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return "";
      }
      String base = parent.toString();
      return key != null ? FieldPaths.child(base, key) : FieldPaths.index(base, index);
    }
  }
}
