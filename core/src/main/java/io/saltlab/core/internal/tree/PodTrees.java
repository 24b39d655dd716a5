package io.saltlab.core.internal.tree;

import static io.saltlab.core.internal.tree.KubeTrees.list;
import static io.saltlab.core.internal.tree.KubeTrees.named;
import static io.saltlab.core.internal.tree.KubeTrees.object;
import static io.saltlab.core.internal.tree.KubeTrees.removeMatching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The tree vocabulary's pod and container edits beyond the basic ones of {@link KubeTrees}:
 * resources, probes, environment sources, volumes and claims, scheduling and annotations. Same
 * rules as {@link KubeTrees}: fabric8's serialization (no null fields, no empty lists), one verb
 * per edit.
 *
 * <p>Internal: not part of saltlab's API, and free to change between releases.
 */
public final class PodTrees {
  /** Kubernetes' well-known node label, present on every node of every supported version. */
  public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  private PodTrees() {}

  /**
   * Sets a container's requests and limits, leaving out an empty side.
   *
   * @param container the container
   * @param requests resource name to canonical quantity
   * @param limits resource name to canonical quantity
   */
  public static void setResources(
      ObjectNode container, Map<String, String> requests, Map<String, String> limits) {
    ObjectNode resources = container.putObject("resources");
    if (!requests.isEmpty()) {
      KubeTrees.putStringMap(resources, "requests", requests);
    }
    if (!limits.isEmpty()) {
      KubeTrees.putStringMap(resources, "limits", limits);
    }
  }

  /**
   * A probe's action on a port given by number or name.
   *
   * @param kind {@code tcpSocket} or {@code httpGet}
   * @param name the port's name, or {@code null} to use the number
   * @param number the port's number
   * @return the probe, with its action only
   */
  public static ObjectNode portProbe(String kind, String name, int number) {
    ObjectNode probe = object();
    ObjectNode action = probe.putObject(kind);
    if (name != null) {
      action.put("port", name);
    } else {
      action.put("port", number);
    }
    return probe;
  }

  /**
   * An exec probe.
   *
   * @param command the command and its arguments
   * @return the probe, with its action only
   */
  public static ObjectNode execProbe(List<String> command) {
    ObjectNode probe = object();
    KubeTrees.putStrings(probe.putObject("exec"), "command", command);
    return probe;
  }

  /**
   * Sets one timing of a probe unless it is unset or the API's default, which stays implicit.
   *
   * @param probe the probe
   * @param field for example {@code periodSeconds}
   * @param value the value, or {@code null}
   * @param apiDefault the API server's default for the field
   */
  public static void putTiming(ObjectNode probe, String field, Integer value, int apiDefault) {
    if (value != null && value != apiDefault) {
      probe.put(field, value);
    }
  }

  /**
   * Sets an environment variable from a key of a Secret or ConfigMap, replacing one of the same
   * name.
   *
   * @param container the container
   * @param name the variable
   * @param refKind {@code secretKeyRef} or {@code configMapKeyRef}
   * @param object the Secret's or ConfigMap's name
   * @param key the key
   */
  public static void addEnvFromKey(
      ObjectNode container, String name, String refKind, String object, String key) {
    ObjectNode ref = envValueFrom(container, name).putObject(refKind);
    ref.put("key", key);
    ref.put("name", object);
  }

  /**
   * Sets an environment variable from a field of the pod (the downward API).
   *
   * @param container the container
   * @param name the variable
   * @param fieldPath for example {@code metadata.name}
   */
  public static void addEnvFromField(ObjectNode container, String name, String fieldPath) {
    envValueFrom(container, name).putObject("fieldRef").put("fieldPath", fieldPath);
  }

  private static ObjectNode envValueFrom(ObjectNode container, String name) {
    removeMatching(container, "env", e -> name.equals(e.path("name").asText(null)));
    ObjectNode env = named(name);
    list(container, "env").add(env);
    return env.putObject("valueFrom");
  }

  /**
   * Adds a whole Secret or ConfigMap as environment ({@code envFrom}).
   *
   * @param container the container
   * @param refKind {@code secretRef} or {@code configMapRef}
   * @param object its name
   * @param prefix put before every key, or {@code null}
   */
  public static void addEnvFrom(
      ObjectNode container, String refKind, String object, String prefix) {
    ObjectNode source = object();
    if (prefix != null) {
      source.put("prefix", prefix);
    }
    source.putObject(refKind).put("name", object);
    list(container, "envFrom").add(source);
  }

  /**
   * Appends a claim template to a StatefulSet's spec: one claim per member.
   *
   * @param statefulSetSpec the StatefulSet's {@code spec}
   * @param name the template's (and the mount's volume) name
   * @param accessMode for example {@code ReadWriteOnce}
   * @param size the canonical storage quantity
   * @param storageClass the class, or {@code null} for the cluster's default
   * @param classAsAnnotation whether the class goes in the beta annotation (1.5) instead of {@code
   *     storageClassName}
   */
  public static void addClaimTemplate(
      ObjectNode statefulSetSpec,
      String name,
      String accessMode,
      String size,
      String storageClass,
      boolean classAsAnnotation) {
    ObjectNode metadata = KubeTrees.metadata(name, null);
    if (storageClass != null && classAsAnnotation) {
      metadata
          .putObject("annotations")
          .put("volume.beta.kubernetes.io/storage-class", storageClass);
    }
    // apiVersion and kind as the API server writes them back, and as fabric8 serializes them.
    ObjectNode claim = KubeTrees.resource("v1", "PersistentVolumeClaim", metadata);
    ObjectNode spec = claim.putObject("spec");
    spec.putArray("accessModes").add(accessMode);
    spec.putObject("resources").putObject("requests").put("storage", size);
    if (storageClass != null && !classAsAnnotation) {
      spec.put("storageClassName", storageClass);
    }
    list(statefulSetSpec, "volumeClaimTemplates").add(claim);
  }

  /**
   * Appends a volume of a given source to a pod spec.
   *
   * @param podSpec the pod spec
   * @param name the volume's name
   * @param source for example {@code persistentVolumeClaim}, {@code emptyDir}, {@code configMap},
   *     {@code secret}
   * @return the source's node, to fill
   */
  public static ObjectNode addVolumeSource(ObjectNode podSpec, String name, String source) {
    return KubeTrees.addVolume(podSpec, name).putObject(source);
  }

  /**
   * A toleration as the pod spec (or the 1.5 annotation) holds it.
   *
   * @param key the taint key
   * @param operator {@code Equal} or {@code Exists}
   * @param value the value, or {@code null}
   * @param effect the effect, or {@code null} for all
   * @param seconds for {@code NoExecute}, or {@code null}
   * @return the toleration
   */
  public static ObjectNode toleration(
      String key, String operator, String value, String effect, Long seconds) {
    ObjectNode t = object();
    t.put("key", key);
    t.put("operator", operator);
    if (value != null) {
      t.put("value", value);
    }
    if (effect != null) {
      t.put("effect", effect);
    }
    if (seconds != null) {
      t.put("tolerationSeconds", seconds);
    }
    return t;
  }

  /**
   * A preferred pod anti-affinity: the scheduler avoids nodes that run a pod matching the selector.
   *
   * @param selector the workload's pod selector
   * @return the {@code affinity} node
   */
  public static ObjectNode preferredAntiAffinity(Map<String, String> selector) {
    ObjectNode affinity = object();
    ObjectNode term =
        affinity
            .putObject("podAntiAffinity")
            .putArray("preferredDuringSchedulingIgnoredDuringExecution")
            .addObject();
    term.put("weight", 100);
    ObjectNode podTerm = term.putObject("podAffinityTerm");
    KubeTrees.putStringMap(podTerm.putObject("labelSelector"), "matchLabels", selector);
    podTerm.put("topologyKey", HOSTNAME_LABEL);
    return affinity;
  }

  /**
   * Appends a soft spread over nodes: at most one pod more on a node than on another, when it can.
   *
   * @param podSpec the pod spec
   * @param selector the workload's pod selector
   */
  public static void addNodeSpread(ObjectNode podSpec, Map<String, String> selector) {
    ObjectNode c = object();
    KubeTrees.putStringMap(c.putObject("labelSelector"), "matchLabels", selector);
    c.put("maxSkew", 1);
    c.put("topologyKey", HOSTNAME_LABEL);
    c.put("whenUnsatisfiable", "ScheduleAnyway");
    list(podSpec, "topologySpreadConstraints").add(c);
  }

  /**
   * Adds annotations to metadata, replacing those of the same key.
   *
   * @param metadata an object's or a pod template's metadata
   * @param annotations the annotations
   */
  public static void addAnnotations(ObjectNode metadata, Map<String, String> annotations) {
    if (annotations.isEmpty()) {
      return;
    }
    ObjectNode existing = metadata.withObjectProperty("annotations");
    annotations.forEach(existing::put);
  }

  /**
   * Sets a field of a securityContext-like node unless the value is {@code null}.
   *
   * @param node the node
   * @param field the field
   * @param value a Boolean, Long or String, or {@code null}
   */
  public static void putIfSet(ObjectNode node, String field, Object value) {
    if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value instanceof Long l) {
      node.put(field, l);
    } else if (value instanceof Integer i) {
      node.put(field, i);
    } else if (value != null) {
      node.put(field, value.toString());
    }
  }

  /**
   * Appends the items of a list of strings to a field unless the list is empty.
   *
   * @param node the node
   * @param field the field
   * @param values the values
   */
  public static void putList(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode list = node.putArray(field);
      values.forEach(list::add);
    }
  }
}
