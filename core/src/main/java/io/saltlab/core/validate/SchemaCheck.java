package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one document against the bundled schema of the target version: that its apiVersion and
 * kind are served, and that every field is known, present when required and of the right type.
 */
final class SchemaCheck {

  private static final int MAX_LISTED_FIELDS = 12;

  private SchemaCheck() {}

  static List<Problem> check(VersionSchema schema, Manifest m) {
    return check(schema, m, new CleanShapes());
  }

  /**
   * Checks a document, skipping the validator for a document whose shape is already known clean.
   *
   * <p>The bundled schemas constrain only shape: which fields exist ({@code properties}, {@code
   * additionalProperties}, {@code required}), and the JSON type of every value ({@code type},
   * {@code items}, {@code $ref}); no value is compared with anything (no enum, pattern, format or
   * bound). Two documents checked against the same definition whose keys and value types agree
   * everywhere therefore get the same result, so a clean result is remembered by shape. Labs of
   * many similar roles are then validated at the cost of computing one shape per document.
   *
   * @param cleanShapes the shapes found clean so far in this validation run, updated
   */
  static List<Problem> check(VersionSchema schema, Manifest m, CleanShapes cleanShapes) {
    List<Problem> problems = new ArrayList<>();
    if (m.apiVersion == null || m.kind == null) {
      // Reported by the identity checks every target runs; nothing to select a schema with.
      return problems;
    }
    VersionSchema.KindInfo kind = schema.kind(m.apiVersion, m.kind);
    String suffix = "";
    JsonNode doc = m.doc;
    if (kind == null) {
      // Not served: VersionCheck reports that on every target.
      List<VersionSchema.KindInfo> serving = schema.servingKind(m.kind);
      if (serving.isEmpty()) {
        return problems;
      }
      // Check the fields as they would be under the suggested apiVersion, so that the typos and
      // the fields that version requires show up in the same report as the apiVersion fix.
      kind = serving.get(0);
      ObjectNode copy = m.doc.deepCopy();
      copy.put("apiVersion", kind.apiVersion);
      doc = copy;
      suffix = " (checked as " + kind.apiVersion + ", the suggested apiVersion)";
    }
    boolean memo = suffix.isEmpty();
    // Nulls count as absent fields: the shape and the check are those of the copy without them.
    JsonNode checked = withoutNulls(doc);
    if (memo && cleanShapes.contains(kind.definition, checked)) {
      return problems;
    }
    List<SchemaNode.Failure> failures = schema.validate(kind, checked);
    if (memo && failures.isEmpty()) {
      cleanShapes.add(kind.definition, checked);
    }
    for (SchemaNode.Failure f : failures) {
      problems.add(toProblem(m, f, suffix));
    }
    return problems;
  }

  private static Problem toProblem(Manifest m, SchemaNode.Failure f, String suffix) {
    String at = path(f.location());
    String pointer = pointer(f.location());
    switch (f.keyword()) {
      case "additionalProperties":
        {
          String field = f.property();
          String path = FieldPaths.child(at, field);
          Set<String> allowed = f.definedFields();
          String suggestion = Hints.closest(field, allowed);
          return m.problem("unknown-field", path)
              .message("unknown field " + field + suffix)
              .value(m.shown(path, m.doc.at(pointer).get(field)))
              .expected(describeFields(allowed))
              .hint(
                  suggestion != null
                      ? "did you mean "
                          + suggestion
                          + "? the API server drops or rejects unknown fields"
                      : "remove it: the API server drops or rejects unknown fields")
              .build();
        }
      case "required":
        {
          String field = f.property();
          String path = FieldPaths.child(at, field);
          return m.problem("missing-field", path)
              .message("missing required field " + field + suffix)
              .expected("field " + field + " to be set")
              .build();
        }
      default:
        {
          String found = f.found();
          String wanted = f.wanted();
          return m.problem("wrong-type", at)
              .message("wrong type: " + found + suffix)
              .value(m.shown(at, m.doc.at(pointer)))
              .expected(wanted.replace("[", "").replace("]", "").replace(", ", " or "))
              .hint(
                  found.equals("boolean") || found.equals("integer") || found.equals("number")
                      ? "quote the value if it is meant as text (YAML reads true, yes, 1.0 unquoted"
                          + " as non-strings)"
                      : null)
              .build();
        }
    }
  }

  private static String describeFields(Set<String> allowed) {
    if (allowed.isEmpty()) {
      return "no further fields here";
    }
    if (allowed.size() > MAX_LISTED_FIELDS) {
      return "one of the " + allowed.size() + " fields defined here (kubectl explain lists them)";
    }
    return "one of " + String.join(", ", allowed);
  }

  /** Dotted path of a location: [spec, volumes, 0, hostPath] is spec.volumes[0].hostPath. */
  static String path(List<Object> location) {
    String out = "";
    for (Object element : location) {
      if (element instanceof Integer) {
        out = FieldPaths.index(out, (Integer) element);
      } else {
        out = FieldPaths.child(out, String.valueOf(element));
      }
    }
    return out;
  }

  /**
   * The JSON pointer of a location as problems have always looked values up by it: {@code ~} and
   * {@code /} escaped, and control characters written as backslash escapes (such a field's value is
   * then not shown).
   */
  static String pointer(List<Object> location) {
    StringBuilder out = new StringBuilder();
    for (Object element : location) {
      out.append('/');
      if (element instanceof Integer) {
        out.append(element);
      } else {
        out.append(
            String.valueOf(element)
                .replace("~", "~0")
                .replace("/", "~1")
                .replace("\n", "\\n")
                .replace("\t", "\\t")
                .replace("\r", "\\r")
                .replace("\b", "\\b")
                .replace("\f", "\\f"));
      }
    }
    return out.toString();
  }

  /**
   * A copy without null-valued fields: the API server treats {@code field: null} as an absent
   * field, and generated YAML often carries {@code creationTimestamp: null}.
   */
  static JsonNode withoutNulls(JsonNode node) {
    // Rendered documents hold no nulls: only copy what has some.
    return hasNull(node) ? copyWithoutNulls(node) : node;
  }

  private static boolean hasNull(JsonNode node) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (child.isNull() || hasNull(child)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode copyWithoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  out.set(e.getKey(), copyWithoutNulls(e.getValue()));
                }
              });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> out.add(copyWithoutNulls(n)));
      return out;
    }
    return node;
  }
}
