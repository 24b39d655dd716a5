package io.saltlab.core.validate;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into a tree with its anchors, aliases and merge keys resolved, as the API
 * server's YAML reader (go-yaml, through sigs.k8s.io/yaml) resolves them. Jackson's tree reader
 * does not: it reads an alias {@code *base} as the text "base", so a manifest written with anchors
 * would be checked as something else than what kubectl sends.
 *
 * <p>Jackson's YAML parser reports the anchors of mappings and lists but not those of single values
 * ({@code &n 2}), so an alias of a single value is reported as a problem instead of guessed.
 *
 * <p>Expansion is bounded: a document may hold at most {@link #MAX_NODES} values once its aliases
 * are expanded (a "billion laughs" document of a few hundred bytes asks for billions), and at most
 * {@link #MAX_DEPTH} levels, and may repeat at most {@link #MAX_ALIASED_CHARS} characters of text
 * through its aliases.
 */
final class YamlAliases {

  /** The most values one document may expand to. */
  static final int MAX_NODES = 1_000_000;

  /**
   * The most characters of text one document may repeat through its aliases: no more than a file
   * given to validate may hold. Copies share their text, but the checks print and measure values,
   * so a few megabytes aliased thousands of times would be gigabytes to them.
   */
  static final long MAX_ALIASED_CHARS = io.saltlab.core.internal.files.InputFiles.MAX_FILE_BYTES;

  /** The deepest nesting read. */
  static final int MAX_DEPTH = 256;

  /** Why a document could not be read: its message names the problem, {@link #line} where. */
  static final class AliasException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The line (1-based) where the problem was found. */
    final int line;

    AliasException(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE_KEY = "<<";

  private final YAMLParser parser;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private int nodes;
  private long aliasedChars;

  private YamlAliases(YAMLParser parser) {
    this.parser = parser;
  }

  /**
   * Whether a text can hold an alias at all: an alias names an anchor, and an anchor needs a {@code
   * &}. Texts without one are read by Jackson's tree reader, exactly as before.
   */
  static boolean mayHoldAliases(String text) {
    return text.indexOf('&') >= 0;
  }

  /**
   * Reads the document whose first token the parser is on.
   *
   * @param parser a YAML parser on the document's first token
   * @return the document's tree, aliases expanded
   * @throws AliasException for an alias to an unknown anchor, or a document too large once expanded
   * @throws IOException when the parser fails (syntax, duplicate keys)
   */
  static JsonNode read(YAMLParser parser) throws IOException, AliasException {
    return new YamlAliases(parser).value(0);
  }

  private JsonNode value(int depth) throws IOException, AliasException {
    if (depth > MAX_DEPTH) {
      throw new AliasException(
          "nesting deeper than " + MAX_DEPTH + " levels in a text with anchors",
          parser.currentLocation().getLineNr());
    }
    if (parser.isCurrentAlias()) {
      String name = parser.getText();
      JsonNode anchored = anchors.get(name);
      if (anchored == null) {
        throw new AliasException(
            "alias *"
                + name
                + " names no mapping or list anchored before it in this document (saltlab expands"
                + " aliases of mappings and lists; an alias of a single value must be written out)",
            parser.currentTokenLocation().getLineNr());
      }
      count(size(anchored));
      countText(anchored);
      return anchored.deepCopy();
    }
    // The anchor of a mapping or list is its object id (getCurrentAnchor() is deprecated).
    Object anchor = parser.getObjectId();
    JsonNode node = build(depth);
    if (anchor != null) {
      anchors.put(anchor.toString(), node);
    }
    return node;
  }

  private JsonNode build(int depth) throws IOException, AliasException {
    count(1);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return object(depth);
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(depth + 1));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_EMBEDDED_OBJECT:
        Object embedded = parser.getEmbeddedObject();
        return embedded instanceof byte[]
            ? NODES.binaryNode((byte[]) embedded)
            : NODES.pojoNode(embedded);
      default:
        return NODES.nullNode();
    }
  }

  /**
   * A mapping; a merge key ({@code <<: *base} or {@code <<: [*a, *b]}) adds the keys of the
   * mappings it names that the mapping does not set itself, the first named winning, as YAML's
   * merge key type says.
   */
  private ObjectNode object(int depth) throws IOException, AliasException {
    ObjectNode object = NODES.objectNode();
    List<ObjectNode> merged = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      JsonNode child = value(depth + 1);
      if (key.equals(MERGE_KEY) && isMergeable(child)) {
        if (child.isObject()) {
          merged.add((ObjectNode) child);
        } else {
          child.forEach(m -> merged.add((ObjectNode) m));
        }
      } else {
        object.set(key, child);
      }
    }
    for (ObjectNode source : merged) {
      for (Map.Entry<String, JsonNode> e : source.properties()) {
        if (!object.has(e.getKey())) {
          object.set(e.getKey(), e.getValue());
        }
      }
    }
    return object;
  }

  private static boolean isMergeable(JsonNode value) {
    if (value.isObject()) {
      return true;
    }
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode m : value) {
      if (!m.isObject()) {
        return false;
      }
    }
    return true;
  }

  private void count(long more) throws AliasException {
    nodes += (int) Math.min(more, MAX_NODES + 1L);
    if (nodes > MAX_NODES) {
      throw new AliasException(
          "the document expands to more than "
              + MAX_NODES
              + " values through its aliases; expand them by hand or use fewer",
          parser.currentTokenLocation().getLineNr());
    }
  }

  /**
   * Adds the text an alias repeats (keys and values) to the budget; the tree is within MAX_NODES.
   */
  private void countText(JsonNode node) throws AliasException {
    if (node.isTextual()) {
      aliasedChars += node.textValue().length();
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        aliasedChars += e.getKey().length();
        countText(e.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        countText(child);
      }
    }
    if (aliasedChars > MAX_ALIASED_CHARS) {
      throw new AliasException(
          "the document repeats more than "
              + MAX_ALIASED_CHARS
              + " characters of text through its aliases; expand them by hand or use fewer",
          parser.currentTokenLocation().getLineNr());
    }
  }

  /** The values in a tree, stopping once past the budget (an expanded tree can be huge). */
  private static long size(JsonNode node) {
    long total = 1;
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        total += size(child);
        if (total > MAX_NODES) {
          return total;
        }
      }
    }
    return total;
  }
}
