package io.saltlab.tools.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** The conversion of one definition: collects the definitions it refers to. */
final class DefinitionConversion {
  private final JsonNode defs;
  private final List<String> refs;
  private final Set<String> quantityFields;
  private final String typeName;

  DefinitionConversion(
      JsonNode defs, List<String> refs, Set<String> quantityFields, String typeName) {
    this.defs = defs;
    this.refs = refs;
    this.quantityFields = quantityFields;
    this.typeName = typeName;
  }

  /** Converts a schema node; {@code field} is its {@code version.Type/field} key, or null. */
  ObjectNode schema(JsonNode node, String field) {
    ObjectNode out = SchemaConverter.NODES.objectNode();
    if (node.has("$ref")) {
      String target =
          SchemaConverter.resolveAlias(defs, SchemaConverter.refName(node.get("$ref").asText()));
      refs.add(target);
      out.put("$ref", SchemaConverter.DEFS_PREFIX + target);
      return out;
    }
    if ("int-or-string".equals(node.path("format").asText())) {
      out.set("type", SchemaConverter.NODES.arrayNode().add("integer").add("string"));
      return out;
    }
    JsonNode type = node.get("type");
    if (field != null
        && "string".equals(type == null ? null : type.asText())
        && quantityFields.contains(field)) {
      out.set("type", SchemaConverter.NODES.arrayNode().add("string").add("number"));
      return out;
    }
    if (node.has("properties")) {
      out.put("type", "object");
      ObjectNode props = out.putObject("properties");
      boolean topLevel = field == null;
      node.get("properties")
          .properties()
          .forEach(
              e ->
                  props.set(
                      e.getKey(),
                      schema(e.getValue(), topLevel ? typeName + "/" + e.getKey() : null)));
      if (node.has("additionalProperties")) {
        out.set("additionalProperties", additional(node.get("additionalProperties"), null));
      } else {
        out.put("additionalProperties", false);
      }
      if (node.has("required") && node.get("required").size() > 0) {
        ArrayNode req = out.putArray("required");
        node.get("required").forEach(r -> req.add(r.asText()));
      }
      return out;
    }
    if (type != null) {
      out.set("type", type.deepCopy());
    }
    if (node.has("items")) {
      out.set("items", schema(node.get("items"), null));
    }
    if (node.has("additionalProperties")) {
      if (type == null) {
        out.put("type", "object");
      }
      out.set(
          "additionalProperties",
          additional(node.get("additionalProperties"), field == null ? null : field + "/*"));
    }
    return out;
  }

  private JsonNode additional(JsonNode additional, String field) {
    if (additional.isBoolean()) {
      return additional.deepCopy();
    }
    return schema(additional, field);
  }
}
