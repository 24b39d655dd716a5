package io.saltlab.core.internal.tree;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tree vocabulary: the one place where saltlab builds and edits Kubernetes objects, as Jackson
 * trees, with small verb-first transformations: {@link #addLabels}, {@link #addVolume}, {@link
 * #addMount}, {@link #addSubPathMount}... Translation builds every object with them; nothing else
 * edits an object's fields by hand.
 *
 * <p>They follow the serialization rules of the fabric8 model, so that converting a tree to a
 * fabric8 object and back gives the same tree (the fabric8 face of a lab relies on it): a null
 * value is no field, an empty list is no field, an empty map is written as it is. Where a function
 * does what a dekorate decorator of the same name does, its javadoc says so, so that users who know
 * dekorate know what to expect.
 *
 * <p>Internal: not part of saltlab's API, and free to change between releases.
 */
public final class KubeTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KubeTrees() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A top-level object: {@code apiVersion}, {@code kind} and {@code metadata}. */
  public static ObjectNode resource(String apiVersion, String kind, ObjectNode metadata) {
    ObjectNode o = object();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.set("metadata", metadata);
    return o;
  }

  /** Metadata with a name and, unless null, a namespace. */
  public static ObjectNode metadata(String name, String namespace) {
    ObjectNode m = object();
    m.put("name", name);
    if (namespace != null) {
      m.put("namespace", namespace);
    }
    return m;
  }

  /** Sets a field to a list of strings, leaving it out when the list is empty. */
  public static void putStrings(ObjectNode node, String field, Collection<String> values) {
    if (values.isEmpty()) {
      return;
    }
    ArrayNode list = node.putArray(field);
    for (String v : values) {
      list.add(v);
    }
  }

  /** Sets a field to a string map (written sorted by the YAML writer). */
  public static ObjectNode putStringMap(ObjectNode node, String field, Map<String, String> values) {
    ObjectNode map = node.putObject(field);
    values.forEach(map::put);
    return map;
  }

  /**
   * Adds labels to an object's metadata, replacing a label of the same key: dekorate's {@code
   * AddLabelDecorator} on one {@code ObjectMeta}.
   */
  public static void addLabels(ObjectNode metadata, Map<String, String> labels) {
    ObjectNode existing = metadata.withObjectProperty("labels");
    labels.forEach(existing::put);
  }

  /** A list field of an object, created empty when missing. */
  public static ArrayNode list(ObjectNode node, String field) {
    return node.withArrayProperty(field);
  }

  /**
   * Removes the items of a list field that match, as the decorators' {@code removeMatching...} do.
   */
  public static void removeMatching(ObjectNode node, String field, Predicate<ObjectNode> match) {
    if (!node.has(field)) {
      return;
    }
    for (Iterator<com.fasterxml.jackson.databind.JsonNode> it = node.get(field).iterator();
        it.hasNext(); ) {
      if (match.test((ObjectNode) it.next())) {
        it.remove();
      }
    }
  }

  /** An item of a list with the given {@code name} field. */
  public static ObjectNode named(String name) {
    ObjectNode o = object();
    o.put("name", name);
    return o;
  }

  /** Appends a volume to a pod spec: the volume-adding decorators' {@code addToVolumes}. */
  public static ObjectNode addVolume(ObjectNode podSpec, String name) {
    ObjectNode volume = named(name);
    list(podSpec, "volumes").add(volume);
    return volume;
  }

  /** Mounts a whole volume into a container, replacing a mount of the same volume. */
  public static void addMount(
      ObjectNode container, String volume, String mountPath, boolean readOnly) {
    removeMatching(container, "volumeMounts", m -> volume.equals(m.path("name").asText(null)));
    ObjectNode mount = named(volume);
    mount.put("mountPath", mountPath);
    mount.put("readOnly", readOnly);
    list(container, "volumeMounts").add(mount);
  }

  /**
   * Mounts one key of a volume at a path, read-only, replacing a mount at the same path: the
   * file-by-file mount of generated configuration.
   */
  public static void addSubPathMount(
      ObjectNode container, String volume, String mountPath, String subPath) {
    removeMatching(
        container, "volumeMounts", m -> mountPath.equals(m.path("mountPath").asText(null)));
    ObjectNode mount = named(volume);
    mount.put("mountPath", mountPath);
    mount.put("readOnly", true);
    mount.put("subPath", subPath);
    list(container, "volumeMounts").add(mount);
  }

  /**
   * Sets an environment variable, replacing one of the same name: dekorate's {@code
   * AddEnvVarDecorator}.
   */
  public static void addEnvVar(ObjectNode container, String name, String value) {
    removeMatching(container, "env", e -> name.equals(e.path("name").asText(null)));
    ObjectNode env = named(name);
    if (value != null) {
      env.put("value", value);
    }
    list(container, "env").add(env);
  }

  /**
   * A TCP probe on a port.
   *
   * @return the probe, to set as {@code readinessProbe} or {@code livenessProbe}
   */
  public static ObjectNode tcpProbe(
      int port,
      int initialDelaySeconds,
      int periodSeconds,
      int timeoutSeconds,
      int failureThreshold) {
    ObjectNode probe = object();
    probe.putObject("tcpSocket").put("port", port);
    probe.put("initialDelaySeconds", initialDelaySeconds);
    probe.put("periodSeconds", periodSeconds);
    probe.put("timeoutSeconds", timeoutSeconds);
    probe.put("successThreshold", 1);
    probe.put("failureThreshold", failureThreshold);
    return probe;
  }

  /**
   * Names a pull Secret in a pod spec unless it already does: dekorate's {@code
   * AddImagePullSecretDecorator}.
   */
  public static void addImagePullSecret(ObjectNode podSpec, String secretName) {
    ArrayNode secrets = list(podSpec, "imagePullSecrets");
    for (com.fasterxml.jackson.databind.JsonNode s : secrets) {
      if (secretName.equals(s.path("name").asText(null))) {
        return;
      }
    }
    secrets.add(named(secretName));
  }
}
