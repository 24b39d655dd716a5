package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.internal.EditDistance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An RFC 6902 JSON Patch: a list of {@code add}, {@code remove}, {@code replace}, {@code move},
 * {@code copy} and {@code test} operations on JSON Pointers, checked when it is made and applied
 * all or nothing.
 *
 * <p>Stricter than the RFC in one respect: a member an operation does not define ({@code vaule} for
 * {@code value}) is an error with a hint rather than ignored, since in a lab it is always a typo.
 */
public final class JsonPatch {

  /** The operations and the members each one requires besides {@code op} and {@code path}. */
  private static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "add", Set.of("value"),
          "remove", Set.of(),
          "replace", Set.of("value"),
          "move", Set.of("from"),
          "copy", Set.of("from"),
          "test", Set.of("value"));

  /**
   * One checked operation.
   *
   * @param op the operation's name
   * @param path where it applies
   * @param from where {@code move} and {@code copy} take their value, else null
   * @param value the value of {@code add}, {@code replace} and {@code test}, else null
   */
  public record Operation(String op, JsonPointer path, JsonPointer from, JsonNode value) {}

  /**
   * A problem with the shape of a patch, found when it is made.
   *
   * @param operation index of the operation, from 0, or -1 for the patch as a whole
   * @param member the member at fault ({@code op}, {@code path}...), or empty
   * @param message what is wrong and what would be right
   */
  public record Problem(int operation, String member, String message) {}

  private final List<Operation> operations;

  private JsonPatch(List<Operation> operations) {
    this.operations = Collections.unmodifiableList(operations);
  }

  /** The operations, in order. */
  public List<Operation> operations() {
    return operations;
  }

  /**
   * Checks a patch document and lists every problem of its shape.
   *
   * @param patch the patch: a list of operation objects
   * @param problems where the problems go; the patch is usable only when none was added
   * @return the patch, or null when there was a problem
   */
  public static JsonPatch parse(JsonNode patch, List<Problem> problems) {
    int before = problems.size();
    if (patch == null || !patch.isArray()) {
      problems.add(
          new Problem(
              -1,
              "",
              "a JSON patch is a list of operations such as {op: replace, path: /spec/replicas,"
                  + " value: 3}"));
      return null;
    }
    List<Operation> ops = new ArrayList<>(patch.size());
    for (int i = 0; i < patch.size(); i++) {
      Operation op = operation(i, patch.get(i), problems);
      if (op != null) {
        ops.add(op);
      }
    }
    if (ops.isEmpty() && problems.size() == before) {
      problems.add(new Problem(-1, "", "the JSON patch has no operations"));
    }
    return problems.size() == before ? new JsonPatch(ops) : null;
  }

  private static Operation operation(int index, JsonNode node, List<Problem> problems) {
    if (!node.isObject()) {
      problems.add(
          new Problem(
              index, "", "an operation is a mapping with 'op' and 'path', found " + kind(node)));
      return null;
    }
    int before = problems.size();
    JsonNode opNode = node.get("op");
    String op = opNode != null && opNode.isTextual() ? opNode.asText() : null;
    Set<String> required = op == null ? null : REQUIRED.get(op);
    if (required == null) {
      problems.add(
          new Problem(
              index,
              "op",
              (opNode == null ? "missing 'op'" : "unknown op " + describe(opNode))
                  + "; expected one of add, remove, replace, move, copy, test"
                  + (op == null ? "" : closest(op, REQUIRED.keySet()))));
      return null;
    }
    Set<String> allowed = new TreeSet<>(required);
    allowed.add("op");
    allowed.add("path");
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(
            new Problem(
                index,
                name,
                "'"
                    + name
                    + "' is not a member of a '"
                    + op
                    + "' operation; it takes "
                    + String.join(", ", allowed)
                    + closest(name, allowed)));
      }
    }
    JsonPointer path = pointer(index, "path", node.get("path"), problems);
    JsonPointer from =
        required.contains("from") ? pointer(index, "from", node.get("from"), problems) : null;
    JsonNode value = null;
    if (required.contains("value")) {
      value = node.get("value");
      if (value == null) {
        problems.add(
            new Problem(
                index,
                "value",
                (op.equals("add") ? "an '" : "a '") + op + "' operation needs a 'value'"));
      }
    }
    if (path != null && from != null && op.equals("move") && path.isInside(from)) {
      problems.add(
          new Problem(
              index,
              "from",
              "cannot move " + from + " into its own child " + path + " (RFC 6902, section 4.4)"));
    }
    return problems.size() == before ? new Operation(op, path, from, value) : null;
  }

  private static JsonPointer pointer(
      int index, String member, JsonNode node, List<Problem> problems) {
    if (node == null || !node.isTextual()) {
      problems.add(
          new Problem(
              index,
              member,
              (node == null ? "missing '" + member + "'" : "'" + member + "' must be text")
                  + "; a JSON Pointer such as /metadata/labels/tier"));
      return null;
    }
    try {
      return JsonPointer.parse(node.asText());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(index, member, e.getMessage()));
      return null;
    }
  }

  /**
   * Applies the patch to a copy of a document.
   *
   * @param document the document; not modified
   * @return the patched copy
   * @throws PatchException naming the operation that failed, its pointer and what exists there
   */
  public JsonNode applyTo(JsonNode document) throws PatchException {
    JsonNode doc = document.deepCopy();
    // A Secret's values never appear in a message, not even those a failed test compared.
    boolean hide = JsonValues.isSecret(document);
    for (int i = 0; i < operations.size(); i++) {
      doc = apply(i, operations.get(i), doc, hide);
    }
    return doc;
  }

  private static JsonNode apply(int index, Operation op, JsonNode doc, boolean hide)
      throws PatchException {
    String where = "operation " + (index + 1) + " (" + op.op() + " " + op.path() + ")";
    switch (op.op()) {
      case "add":
        return add(where, doc, op.path(), op.value().deepCopy());
      case "remove":
        remove(where, doc, op.path());
        return doc;
      case "replace":
        if (op.path().isRoot()) {
          return op.value().deepCopy();
        }
        {
          resolve(where, doc, op.path());
          JsonNode parent = resolve(where, doc, op.path().parent());
          // In place, so that the member keeps its position.
          if (parent.isObject()) {
            ((ObjectNode) parent).set(op.path().last(), op.value().deepCopy());
          } else {
            ((ArrayNode) parent).set(arrayIndex(op.path().last()), op.value().deepCopy());
          }
          return doc;
        }
      case "move":
        {
          JsonNode moved = resolve(where, doc, op.from());
          remove(where, doc, op.from());
          return add(where, doc, op.path(), moved);
        }
      case "copy":
        return add(where, doc, op.path(), resolve(where, doc, op.from()).deepCopy());
      case "test":
        {
          JsonNode actual = resolve(where, doc, op.path());
          if (!JsonValues.same(actual, op.value())) {
            throw new PatchException(
                where
                    + " failed: the value at "
                    + op.path()
                    + " is "
                    + (hide ? "<hidden>" : JsonValues.brief(actual))
                    + ", the test expects "
                    + (hide ? "<hidden>" : JsonValues.brief(op.value())));
          }
          return doc;
        }
      default:
        throw new IllegalStateException("unchecked op " + op.op());
    }
  }

  /** The value a pointer names, or an error naming the deepest part that exists. */
  static JsonNode resolve(String where, JsonNode doc, JsonPointer pointer) throws PatchException {
    JsonNode node = doc;
    StringBuilder at = new StringBuilder();
    for (String token : pointer.tokens()) {
      JsonNode next = child(node, token);
      if (next == null) {
        throw new PatchException(where + ": " + missing(node, at.toString(), token));
      }
      at.append('/').append(token.replace("~", "~0").replace("/", "~1"));
      node = next;
    }
    return node;
  }

  private static JsonNode child(JsonNode node, String token) {
    if (node.isObject()) {
      return node.get(token);
    }
    if (node.isArray()) {
      int i = arrayIndex(token);
      return i >= 0 && i < node.size() ? node.get(i) : null;
    }
    return null;
  }

  private static String missing(JsonNode node, String at, String token) {
    String place = at.isEmpty() ? "the object" : at;
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      return place
          + " has no member '"
          + token
          + "'"
          + (names.isEmpty() ? " (it is empty)" : "; it has " + String.join(", ", names))
          + closest(token, names);
    }
    if (node.isArray()) {
      return place
          + " is a list of "
          + node.size()
          + " item"
          + (node.size() == 1 ? "" : "s")
          + "; '"
          + token
          + "' is not an index of it (0 to "
          + (node.size() - 1)
          + ")";
    }
    return place + " is " + kind(node) + ", which has no member '" + token + "'";
  }

  private static JsonNode add(String where, JsonNode doc, JsonPointer path, JsonNode value)
      throws PatchException {
    if (path.isRoot()) {
      return value;
    }
    JsonNode parent = resolve(where, doc, path.parent());
    String last = path.last();
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent.isArray()) {
      ArrayNode list = (ArrayNode) parent;
      int i = last.equals("-") ? list.size() : arrayIndex(last);
      if (i < 0 || i > list.size()) {
        throw new PatchException(
            where
                + ": "
                + path.parent()
                + " is a list of "
                + list.size()
                + " items; add takes an index from 0 to "
                + list.size()
                + " or '-' for the end, not '"
                + last
                + "'");
      }
      list.insert(i, value);
    } else {
      throw new PatchException(
          where + ": " + path.parent() + " is " + kind(parent) + ", which cannot hold members");
    }
    return doc;
  }

  private static void remove(String where, JsonNode doc, JsonPointer path) throws PatchException {
    if (path.isRoot()) {
      throw new PatchException(where + ": the whole object cannot be removed");
    }
    JsonNode parent = resolve(where, doc, path.parent());
    resolve(where, doc, path);
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(path.last());
    } else {
      ((ArrayNode) parent).remove(arrayIndex(path.last()));
    }
  }

  /** An RFC 6901 array index (digits, no leading zero), or -1. */
  private static int arrayIndex(String token) {
    if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(token);
  }

  private static String describe(JsonNode node) {
    return node.isTextual() ? "'" + node.asText() + "'" : kind(node);
  }

  static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isTextual() ? "text" : "a " + node.getNodeType().name().toLowerCase();
  }

  /** A " (did you mean 'x'?)" hint for a word close to one of the choices, else empty. */
  static String closest(String word, Iterable<String> choices) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String choice : choices) {
      int d = EditDistance.levenshtein(word, choice);
      if (d < bestDistance) {
        best = choice;
        bestDistance = d;
      }
    }
    return best != null
            && bestDistance > 0
            && bestDistance <= Math.max(1, Math.min(word.length() / 2, 3))
        ? " (did you mean '" + best + "'?)"
        : "";
  }
}
