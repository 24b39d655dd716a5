package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strategic-merge-style patch, as {@code kubectl patch --type strategic} and kustomize apply
 * them: a partial object merged into the target. Mappings merge member by member, {@code null}
 * deletes a member, and lists the Kubernetes API marks with a patch merge key (containers by {@code
 * name}, container ports by {@code containerPort}, volume mounts by {@code mountPath}...) merge
 * item by item on that key; every other list is replaced whole. {@code $patch: delete} on a list
 * item removes the item with its key, {@code $patch: replace} on a mapping replaces it, and a
 * {@code {$patch: replace}} item in a list replaces the list with the patch's other items.
 *
 * <p>The merge keys are those the Kubernetes OpenAPI definitions declare with {@code
 * x-kubernetes-patch-merge-key} for the objects labs hold (pod templates and pods, containers,
 * Services, object metadata); see {@link Shape}. The other directives ({@code $retainKeys}, {@code
 * $setElementOrder}, {@code $deleteFromPrimitiveList}) are refused with a message.
 */
public final class StrategicMerge {

  private static final String PATCH = "$patch";

  private final ObjectNode patch;

  private StrategicMerge(ObjectNode patch) {
    this.patch = patch;
  }

  /**
   * Checks a patch document.
   *
   * @param patch the partial object
   * @param problems where problems go, each a message with the path of the member at fault
   * @return the patch, or null when there was a problem
   */
  public static StrategicMerge parse(JsonNode patch, List<String> problems) {
    if (patch == null || !patch.isObject()) {
      problems.add(
          "a strategic-merge patch is a mapping shaped like the object it patches, for example"
              + " {spec: {replicas: 3}}");
      return null;
    }
    int before = problems.size();
    check(patch, "", problems);
    return problems.size() == before ? new StrategicMerge((ObjectNode) patch.deepCopy()) : null;
  }

  private static void check(JsonNode node, String at, List<String> problems) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        String path = at + "/" + name;
        if (name.equals(PATCH)) {
          String v = e.getValue().asText("");
          if (!e.getValue().isTextual() || !(v.equals("delete") || v.equals("replace"))) {
            problems.add(path + ": $patch takes delete or replace, found " + e.getValue());
          }
        } else if (name.startsWith("$")) {
          problems.add(
              path
                  + ": the directive "
                  + name
                  + " is not supported; saltlab's strategic merge knows $patch (delete, replace)"
                  + " only. Use a JSON patch for this change");
        } else {
          check(e.getValue(), path, problems);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), at + "/" + i, problems);
      }
    }
  }

  /**
   * Merges the patch into a copy of an object.
   *
   * @param object the object; not modified
   * @return the merged copy
   * @throws PatchException when a list item lacks its merge key
   */
  public ObjectNode applyTo(ObjectNode object) throws PatchException {
    ObjectNode copy = object.deepCopy();
    Shape root = Shape.root(object.path("kind").asText());
    merge(copy, patch, root, "");
    return copy;
  }

  private static void merge(ObjectNode target, ObjectNode patch, Shape shape, String at)
      throws PatchException {
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equals(PATCH)) {
        continue;
      }
      JsonNode value = e.getValue();
      String path = at + "/" + name;
      JsonNode existing = target.get(name);
      Shape child = shape.child(name);
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject()) {
        String directive = value.path(PATCH).asText("");
        if (directive.equals("delete")) {
          target.remove(name);
        } else if (directive.equals("replace") || existing == null || !existing.isObject()) {
          ObjectNode fresh = target.putObject(name);
          merge(fresh, (ObjectNode) value, child, path);
        } else {
          merge((ObjectNode) existing, (ObjectNode) value, child, path);
        }
      } else if (value.isArray()) {
        target.set(name, list(existing, (ArrayNode) value, shape.mergeKey(name), child, path));
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }

  private static ArrayNode list(
      JsonNode existing, ArrayNode patch, String mergeKey, Shape item, String at)
      throws PatchException {
    boolean replace = false;
    ArrayNode items = patch.arrayNode();
    for (JsonNode p : patch) {
      if (p.isObject() && p.size() == 1 && "replace".equals(p.path(PATCH).asText(null))) {
        replace = true;
      } else {
        items.add(p);
      }
    }
    if (mergeKey == null || replace || existing == null || !existing.isArray()) {
      ArrayNode fresh = patch.arrayNode();
      for (JsonNode p : items) {
        if (p.isObject() && p.has(PATCH)) {
          continue;
        }
        fresh.add(stripped(p));
      }
      return fresh;
    }
    ArrayNode merged = ((ArrayNode) existing).deepCopy();
    for (int i = 0; i < items.size(); i++) {
      JsonNode p = items.get(i);
      JsonNode key = p.isObject() ? p.get(mergeKey) : null;
      if (key == null || key.isNull()) {
        throw new PatchException(
            at
                + "/"
                + i
                + ": an item of "
                + at
                + " needs its merge key '"
                + mergeKey
                + "' so that it can be matched with the item it changes");
      }
      int found = indexOf(merged, mergeKey, key);
      String directive = p.path(PATCH).asText("");
      if (directive.equals("delete")) {
        if (found >= 0) {
          merged.remove(found);
        }
      } else if (found < 0) {
        merged.add(stripped(p));
      } else if (directive.equals("replace")) {
        merged.set(found, stripped(p));
      } else {
        merge((ObjectNode) merged.get(found), (ObjectNode) p, item, at + "/" + i);
      }
    }
    return merged;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode value) {
    for (int i = 0; i < list.size(); i++) {
      JsonNode k = list.get(i).get(key);
      if (k != null && JsonValues.same(k, value)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of a patch value without its directives, as it is when added rather than merged. */
  private static JsonNode stripped(JsonNode p) {
    JsonNode copy = p.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(PATCH);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        JsonNode v = it.next().getValue();
        if (v.isNull()) {
          it.remove();
        } else {
          strip(v);
        }
      }
    } else if (node.isArray()) {
      node.forEach(StrategicMerge::strip);
    }
  }

  /**
   * Where in an object a patch is: the parts of the Kubernetes objects whose lists have a merge
   * key. Everything else is {@link #OTHER}, whose lists are replaced.
   */
  enum Shape {
    OBJECT(Map.of(), Map.of("metadata", "META", "spec", "SPEC")),
    WORKLOAD(Map.of(), Map.of("metadata", "META", "spec", "WORKLOAD_SPEC")),
    POD(Map.of(), Map.of("metadata", "META", "spec", "POD_SPEC")),
    SERVICE(Map.of(), Map.of("metadata", "META", "spec", "SERVICE_SPEC")),
    CRON_JOB(Map.of(), Map.of("metadata", "META", "spec", "CRON_JOB_SPEC")),
    META(Map.of("ownerReferences", "uid"), Map.of()),
    SPEC(Map.of(), Map.of()),
    WORKLOAD_SPEC(Map.of(), Map.of("template", "POD_TEMPLATE")),
    CRON_JOB_SPEC(Map.of(), Map.of("jobTemplate", "JOB_TEMPLATE")),
    JOB_TEMPLATE(Map.of(), Map.of("metadata", "META", "spec", "WORKLOAD_SPEC")),
    POD_TEMPLATE(Map.of(), Map.of("metadata", "META", "spec", "POD_SPEC")),
    POD_SPEC(
        Map.of(
            "containers", "name",
            "initContainers", "name",
            "ephemeralContainers", "name",
            "volumes", "name",
            "imagePullSecrets", "name",
            "hostAliases", "ip",
            "topologySpreadConstraints", "topologyKey",
            "schedulingGates", "name",
            "resourceClaims", "name"),
        Map.of(
            "containers",
            "CONTAINER",
            "initContainers",
            "CONTAINER",
            "ephemeralContainers",
            "CONTAINER")),
    CONTAINER(
        Map.of(
            "env", "name",
            "ports", "containerPort",
            "volumeMounts", "mountPath",
            "volumeDevices", "devicePath"),
        Map.of()),
    SERVICE_SPEC(Map.of("ports", "port"), Map.of()),
    OTHER(Map.of(), Map.of());

    private static final Set<String> WORKLOADS =
        Set.of(
            "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController");

    private final Map<String, String> mergeKeys;
    private final Map<String, String> children;

    Shape(Map<String, String> mergeKeys, Map<String, String> children) {
      this.mergeKeys = mergeKeys;
      this.children = children;
    }

    static Shape root(String kind) {
      if (WORKLOADS.contains(kind)) {
        return WORKLOAD;
      }
      switch (kind) {
        case "Pod":
          return POD;
        case "Service":
          return SERVICE;
        case "CronJob":
          return CRON_JOB;
        default:
          return OBJECT;
      }
    }

    /** The shape of a member (or of the items of a list member). */
    Shape child(String member) {
      String name = children.get(member);
      return name == null ? OTHER : valueOf(name);
    }

    /** The merge key of a list member, or null when the list is replaced whole. */
    String mergeKey(String member) {
      return mergeKeys.get(member);
    }
  }
}
