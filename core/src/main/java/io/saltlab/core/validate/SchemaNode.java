package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node of a compiled schema (see the format in saltlab-schema-tools' {@code SchemaCompiler}),
 * and the check of a document against it.
 *
 * <p>The vocabulary is what the bundled schemas use: {@code type} (one or a union), {@code
 * properties}, {@code additionalProperties} (false or a schema), {@code required}, {@code items}
 * and {@code $ref}. The check gives what a draft-7 validator gives for it, in the same order: for
 * each node its type, then the properties present, then the fields no property names (in document
 * order), then the required fields; for an array each item. Nodes are immutable once their
 * version's definitions are linked, and shared by every thread.
 */
final class SchemaNode {

  /** Value types, as a draft-7 validator names them in its messages. */
  enum Type {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    OBJECT("object"),
    ARRAY("array"),
    NULL("null"),
    UNKNOWN("unknown");

    final String word;

    Type(String word) {
      this.word = word;
    }
  }

  /** What a failed check says: the keyword and where; see {@link SchemaCheck} for the wording. */
  record Failure(
      String keyword,
      List<Object> location,
      String property,
      String found,
      String wanted,
      SchemaNode at) {

    /** The names of the fields the node that failed defines, sorted. */
    Set<String> definedFields() {
      return at.properties == null ? new TreeSet<>() : new TreeSet<>(at.properties.keySet());
    }
  }

  /** A $ref's definition, filled in when the version links its definitions. */
  static final class Definition {
    final String name;
    SchemaNode node;

    Definition(String name) {
      this.name = name;
    }
  }

  Definition ref;
  Type[] types;
  String typeWords;
  SchemaNode items;
  Map<String, SchemaNode> properties;
  boolean closed;
  SchemaNode additional;
  String[] required;

  /** Checks a value at a location, adding each failure in the validator's order. */
  void check(JsonNode value, Path at, List<Failure> out) {
    if (ref != null) {
      ref.node.check(value, at, out);
      return;
    }
    if (types != null && !typeMatches(value)) {
      out.add(new Failure("type", at.elements(), null, typeOf(value).word, typeWords, this));
    }
    if (value.isObject()) {
      if (properties != null) {
        for (Map.Entry<String, SchemaNode> p : properties.entrySet()) {
          JsonNode child = value.get(p.getKey());
          if (child != null) {
            p.getValue().check(child, at.child(p.getKey()), out);
          }
        }
      }
      if (closed || additional != null) {
        for (Map.Entry<String, JsonNode> f : value.properties()) {
          String name = f.getKey();
          if (properties != null && properties.containsKey(name)) {
            continue;
          }
          if (closed) {
            out.add(new Failure("additionalProperties", at.elements(), name, null, null, this));
          } else {
            additional.check(f.getValue(), at.child(name), out);
          }
        }
      }
      if (required != null) {
        for (String name : required) {
          if (value.get(name) == null) {
            out.add(new Failure("required", at.elements(), name, null, null, this));
          }
        }
      }
    } else if (value.isArray() && items != null) {
      int i = 0;
      for (JsonNode item : value) {
        items.check(item, at.index(i++), out);
      }
    }
  }

  private boolean typeMatches(JsonNode value) {
    Type actual = typeOf(value);
    for (Type t : types) {
      if (t == actual
          || (t == Type.NUMBER && actual == Type.INTEGER)
          // draft 6 on: 1.0 is an integer
          || (t == Type.INTEGER && actual == Type.NUMBER && value.canConvertToExactIntegral())) {
        return true;
      }
    }
    return false;
  }

  /** The JSON type of a value. */
  static Type typeOf(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        return Type.OBJECT;
      case ARRAY:
        return Type.ARRAY;
      case STRING:
      case BINARY:
      case POJO:
        return Type.STRING;
      case NUMBER:
        // NaN and the infinities (YAML's .nan, .inf) are numbers too
        return value.isIntegralNumber() ? Type.INTEGER : Type.NUMBER;
      case BOOLEAN:
        return Type.BOOLEAN;
      case NULL:
        return Type.NULL;
      default:
        return Type.UNKNOWN;
    }
  }

  /** A location in a document, built only as deep as the check goes; elements on failure. */
  static final class Path {
    static final Path ROOT = new Path(null, null);

    private final Path parent;
    private final Object element;

    private Path(Path parent, Object element) {
      this.parent = parent;
      this.element = element;
    }

    Path child(String name) {
      return new Path(this, name);
    }

    Path index(int i) {
      return new Path(this, i);
    }

    /** Field names (String) and item indexes (Integer), outermost first. */
    List<Object> elements() {
      List<Object> out = new ArrayList<>();
      for (Path p = this; p.parent != null; p = p.parent) {
        out.add(p.element);
      }
      java.util.Collections.reverse(out);
      return out;
    }
  }

  /** Builds nodes from their compiled text; refs are collected to be linked by the caller. */
  static final class Reader {
    private final String text;
    private final Map<String, Definition> definitions;
    private final List<Definition> wanted;
    private int pos;

    Reader(String text, Map<String, Definition> definitions, List<Definition> wanted) {
      this.text = text;
      this.definitions = definitions;
      this.wanted = wanted;
    }

    SchemaNode readWhole() {
      SchemaNode n = read();
      if (pos != text.length()) {
        throw bad("end of the definition");
      }
      return n;
    }

    private SchemaNode read() {
      SchemaNode n = new SchemaNode();
      if (peek() == '@') {
        pos++;
        String name = name();
        n.ref = definitions.computeIfAbsent(name, Definition::new);
        if (n.ref.node == null) {
          wanted.add(n.ref);
        }
        return n;
      }
      if (peek() == '-') {
        pos++;
      } else {
        List<Type> types = new ArrayList<>(2);
        types.add(type(text.charAt(pos++)));
        while (peek() == '|') {
          pos++;
          types.add(type(text.charAt(pos++)));
        }
        n.types = types.toArray(new Type[0]);
        n.typeWords =
            types.size() == 1
                ? types.get(0).word
                : "[" + String.join(", ", types.stream().map(t -> t.word).toList()) + "]";
      }
      if (peek() == '[') {
        pos++;
        n.items = read();
        expect(']');
      }
      if (peek() == '{') {
        pos++;
        n.properties = new java.util.LinkedHashMap<>();
        if (peek() != '}') {
          do {
            String name = name();
            expect(':');
            n.properties.put(name, read());
          } while (accept(','));
        }
        expect('}');
      }
      if (peek() == '!') {
        pos++;
        n.closed = true;
      } else if (peek() == '<') {
        pos++;
        n.additional = read();
        expect('>');
      }
      if (peek() == '(') {
        pos++;
        List<String> names = new ArrayList<>();
        do {
          names.add(name());
        } while (accept(','));
        expect(')');
        n.required = names.toArray(new String[0]);
      }
      return n;
    }

    private Type type(char c) {
      switch (c) {
        case 's':
          return Type.STRING;
        case 'i':
          return Type.INTEGER;
        case 'n':
          return Type.NUMBER;
        case 'b':
          return Type.BOOLEAN;
        case 'o':
          return Type.OBJECT;
        case 'a':
          return Type.ARRAY;
        case 'z':
          return Type.NULL;
        default:
          pos--;
          throw bad("a type letter");
      }
    }

    private String name() {
      int start = pos;
      boolean escaped = false;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '%') {
          escaped = true;
        } else if (!((c >= 'A' && c <= 'Z')
            || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9')
            || c == '.'
            || c == '_'
            || c == '$'
            || c == '/'
            || c == '-')) {
          break;
        }
        pos++;
      }
      if (pos == start) {
        throw bad("a name");
      }
      String raw = text.substring(start, pos);
      return escaped
          ? java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8)
          : raw;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
      if (peek() == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw bad("'" + c + "'");
      }
    }

    private IllegalStateException bad(String wanted) {
      return new IllegalStateException(
          "bundled schema is damaged: expected " + wanted + " at " + pos + " of " + text);
    }
  }
}
