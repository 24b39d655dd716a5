package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The document shapes found schema-clean so far in one validation run, per schema definition.
 *
 * <p>A shape is every key (in document order) and the JSON type of every value; two documents of
 * one shape get the same result from the bundled schemas, which constrain nothing else (see {@link
 * SchemaCheck#check}). Shapes are found by a hash of the shape, then confirmed by comparing the
 * document with a clean one of that hash node by node, so a hash collision can never pass a
 * document unchecked. Safe for the parallel schema pass.
 */
final class CleanShapes {

  private record Key(String definition, long hash) {}

  private final Map<Key, List<JsonNode>> clean = new ConcurrentHashMap<>();

  /**
   * Whether a document of the same shape was found clean against the definition.
   *
   * @param definition the schema definition the document is checked against
   * @param doc the document, without nulls
   * @return true if the document needs no schema check
   */
  boolean contains(String definition, JsonNode doc) {
    List<JsonNode> candidates = clean.get(new Key(definition, hash(doc)));
    if (candidates != null) {
      for (JsonNode c : candidates) {
        if (sameShape(c, doc)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Records a document found clean against the definition.
   *
   * @param definition the schema definition it was checked against
   * @param doc the document, without nulls; kept, never changed
   */
  void add(String definition, JsonNode doc) {
    clean
        .computeIfAbsent(new Key(definition, hash(doc)), k -> new CopyOnWriteArrayList<>())
        .add(doc);
  }

  /** A 64-bit hash of the node's shape (FNV-1a over keys and type tags). */
  static long hash(JsonNode node) {
    return hash(node, 0xcbf29ce484222325L);
  }

  private static long mix(long h, long value) {
    return (h ^ value) * 0x100000001b3L;
  }

  private static long hash(JsonNode node, long h) {
    switch (node.getNodeType()) {
      case OBJECT:
        h = mix(h, '{');
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          String key = e.getKey();
          h = mix(mix(h, key.length()), key.hashCode());
          h = hash(e.getValue(), h);
        }
        return mix(h, '}');
      case ARRAY:
        h = mix(h, '[');
        for (JsonNode item : node) {
          h = hash(item, h);
        }
        return mix(h, ']');
      case NUMBER:
        return mix(h, numberTag(node));
      default:
        return mix(h, node.getNodeType().ordinal() + 128);
    }
  }

  /**
   * Integral nodes, whole floating values (1.0, which draft 7 counts as an integer) and fractions
   * are told apart.
   */
  private static char numberTag(JsonNode node) {
    return node.isIntegralNumber()
        ? 'i'
        : node.decimalValue().stripTrailingZeros().scale() <= 0 ? 'w' : 'f';
  }

  /** Whether two nodes have the same keys in the same order and values of the same types. */
  static boolean sameShape(JsonNode a, JsonNode b) {
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    switch (a.getNodeType()) {
      case OBJECT:
        {
          if (a.size() != b.size()) {
            return false;
          }
          Iterator<Map.Entry<String, JsonNode>> left = a.properties().iterator();
          Iterator<Map.Entry<String, JsonNode>> right = b.properties().iterator();
          while (left.hasNext()) {
            Map.Entry<String, JsonNode> l = left.next();
            Map.Entry<String, JsonNode> r = right.next();
            if (!l.getKey().equals(r.getKey()) || !sameShape(l.getValue(), r.getValue())) {
              return false;
            }
          }
          return true;
        }
      case ARRAY:
        {
          if (a.size() != b.size()) {
            return false;
          }
          for (int i = 0; i < a.size(); i++) {
            if (!sameShape(a.get(i), b.get(i))) {
              return false;
            }
          }
          return true;
        }
      case NUMBER:
        return numberTag(a) == numberTag(b);
      case STRING:
      case BOOLEAN:
      case NULL:
        return true;
      default:
        // Binary, POJO or missing: alike only when of the same node class.
        return a.getClass() == b.getClass();
    }
  }
}
