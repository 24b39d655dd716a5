package io.saltlab.tools.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Finds the kinds an OpenAPI document serves, for {@link SchemaConverter}: which definition is each
 * kind's body and whether the kind is namespaced.
 */
final class ApiKinds {

  private ApiKinds() {}

  /** One kind's definition and whether any of its collection paths is namespaced. */
  static final class KindEntry {
    final String definition;
    boolean namespaced;

    KindEntry(String definition, boolean namespaced) {
      this.definition = definition;
      this.namespaced = namespaced;
    }
  }

  /**
   * The kinds an OpenAPI document serves, by apiVersion then kind, read from the POST operations of
   * its collection paths (the body parameter names the definition).
   */
  static Map<String, Map<String, KindEntry>> findKinds(
      JsonNode swagger, JsonNode defs, JsonNode paths) {
    TreeMap<String, Map<String, KindEntry>> kinds = new TreeMap<>();
    List<String> pathNames = new ArrayList<>();
    paths.fieldNames().forEachRemaining(pathNames::add);
    pathNames.sort(null);
    for (String path : pathNames) {
      Matcher m = SchemaConverter.COLLECTION_PATH.matcher(path);
      if (!m.matches()) {
        continue;
      }
      JsonNode ops = paths.get(path);
      JsonNode post = ops.get("post");
      if (post == null) {
        continue;
      }
      String bodyRef = bodyRef(swagger, post.path("parameters"));
      if (bodyRef == null) {
        bodyRef = bodyRef(swagger, ops.path("parameters"));
      }
      if (bodyRef == null) {
        continue;
      }
      String group = m.group(1) != null ? "" : m.group(4);
      String version = m.group(1) != null ? m.group(1) : m.group(5);
      boolean namespaced = m.group(1) != null ? m.group(2) != null : m.group(6) != null;
      String definition = SchemaConverter.resolveAlias(defs, bodyRef);
      String kind = kindOf(defs.get(definition), definition, group, version);
      String apiVersion = group.isEmpty() ? version : group + "/" + version;
      Map<String, KindEntry> byKind = kinds.computeIfAbsent(apiVersion, k -> new TreeMap<>());
      KindEntry existing = byKind.get(kind);
      if (existing == null || prefer(definition, existing.definition)) {
        KindEntry entry = new KindEntry(definition, namespaced);
        if (existing != null) {
          entry.namespaced |= existing.namespaced;
        }
        byKind.put(kind, entry);
      } else {
        existing.namespaced |= namespaced;
      }
    }
    return kinds;
  }

  /** True when definition {@code a} should replace {@code b} for the same kind. */
  private static boolean prefer(String a, String b) {
    boolean aApi = a.startsWith("io.k8s.api.");
    boolean bApi = b.startsWith("io.k8s.api.");
    if (aApi != bApi) {
      return aApi;
    }
    return a.compareTo(b) < 0;
  }

  private static String bodyRef(JsonNode swagger, JsonNode parameters) {
    for (JsonNode p : parameters) {
      JsonNode param = p;
      if (p.has("$ref")) {
        String ref = p.get("$ref").asText();
        param = swagger.path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
      }
      if ("body".equals(param.path("in").asText()) && param.path("schema").has("$ref")) {
        return SchemaConverter.refName(param.path("schema").get("$ref").asText());
      }
    }
    return null;
  }

  private static String kindOf(JsonNode def, String name, String group, String version) {
    for (JsonNode gvk : def.path("x-kubernetes-group-version-kind")) {
      String g = fieldIgnoreCase(gvk, "group");
      String v = fieldIgnoreCase(gvk, "version");
      String k = fieldIgnoreCase(gvk, "kind");
      if (group.equals(g) && version.equals(v) && k != null) {
        return k;
      }
    }
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String fieldIgnoreCase(JsonNode node, String key) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue().asText();
      }
    }
    return null;
  }
}
