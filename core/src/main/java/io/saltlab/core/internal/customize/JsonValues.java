package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Comparing and briefly describing JSON values, for patches and their error messages. */
final class JsonValues {
  /** Longest value quoted in a message; patches may carry long text (and a message is no dump). */
  private static final int BRIEF = 60;

  private JsonValues() {}

  /**
   * JSON equality as RFC 6902's {@code test} defines it: numbers by value ({@code 1} equals {@code
   * 1.0}), objects regardless of member order, lists item by item.
   */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Whether an object is a Secret, whose values messages must not show. */
  static boolean isSecret(JsonNode object) {
    return "Secret".equals(object.path("kind").asText());
  }

  /** A short rendering of a value for a message: scalars as JSON, containers by size. */
  static String brief(JsonNode node) {
    if (node.isObject()) {
      return "a mapping of " + node.size() + " member" + (node.size() == 1 ? "" : "s");
    }
    if (node.isArray()) {
      return "a list of " + node.size() + " item" + (node.size() == 1 ? "" : "s");
    }
    String text = node.toString();
    return text.length() <= BRIEF ? text : text.substring(0, BRIEF) + "...";
  }
}
