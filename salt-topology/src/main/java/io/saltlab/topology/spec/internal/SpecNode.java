package io.saltlab.topology.spec.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed spec document that remembers where it was written, so every problem can name
 * its line and column (Jackson's trees forget locations).
 */
abstract class SpecNode {
  final int line;
  final int column;

  SpecNode(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /** What this node is, for "expected X, found Y" messages. */
  abstract String describe();

  /** A mapping; keys keep the file's order. */
  static final class Mapping extends SpecNode {
    final Map<String, Entry> entries = new LinkedHashMap<>();

    Mapping(int line, int column) {
      super(line, column);
    }

    @Override
    String describe() {
      return "a mapping";
    }
  }

  /** One key of a mapping, with the key's own position. */
  static final class Entry {
    final String key;
    final int line;
    final int column;
    final SpecNode value;

    Entry(String key, int line, int column, SpecNode value) {
      this.key = key;
      this.line = line;
      this.column = column;
      this.value = value;
    }
  }

  /** A sequence. */
  static final class Sequence extends SpecNode {
    final List<SpecNode> items;

    Sequence(int line, int column, List<SpecNode> items) {
      super(line, column);
      this.items = items;
    }

    @Override
    String describe() {
      return "a list";
    }
  }

  /** A scalar as the YAML parser typed it. */
  static final class Scalar extends SpecNode {
    enum Type {
      STRING,
      INTEGER,
      DECIMAL,
      BOOLEAN,
      NULL
    }

    final Type type;
    final String text;

    Scalar(int line, int column, Type type, String text) {
      super(line, column);
      this.type = type;
      this.text = text;
    }

    @Override
    String describe() {
      switch (type) {
        case STRING:
          return "text";
        case INTEGER:
          return "the number " + text;
        case DECIMAL:
          return "the number " + text;
        case BOOLEAN:
          return "the boolean " + text;
        default:
          return "nothing (null)";
      }
    }
  }
}
