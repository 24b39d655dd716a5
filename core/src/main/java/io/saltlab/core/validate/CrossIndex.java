package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.saltlab.core.KubernetesNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cross-object rules look objects up in: namespaces, Secrets and ConfigMaps of the input,
 * and every pod template by owner, by namespace and by label. Built once, on one thread, before any
 * rule runs, and never changed afterwards, so rule families on every core can read it. The only
 * mutable parts are three memos of names already found valid, which are concurrent sets and change
 * no answer.
 */
final class CrossIndex {

  private static final Map<String, String> TEMPLATE_PATHS =
      Map.of(
          "Deployment", "spec.template",
          "ReplicaSet", "spec.template",
          "StatefulSet", "spec.template",
          "DaemonSet", "spec.template",
          "ReplicationController", "spec.template",
          "Job", "spec.template",
          "CronJob", "spec.jobTemplate.spec.template",
          "Pod", "");

  final List<Manifest> manifests;
  final ValidationContext context;
  final Set<String> inputNamespaces;
  final Map<String, Manifest> secrets;
  final Map<String, Manifest> configMaps;

  /** Services by namespace/name. */
  final Map<String, Manifest> services;

  final List<PodTemplate> templates;

  /** The pod template of each workload, so a lookup does not scan every template. */
  final Map<Manifest, PodTemplate> templateByOwner;

  /** Templates by namespace, in input order. */
  final Map<String, List<PodTemplate>> templatesByNamespace;

  /**
   * Templates by namespace and one label ({@code namespace, key, value}), in input order: the
   * candidates for a Service selector containing that label, so that matching Services to pods
   * stays linear in the number of objects.
   */
  final Map<List<String>, List<PodTemplate>> templatesByLabel;

  private final Set<String> validKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> validLabels = ConcurrentHashMap.newKeySet();
  private final Set<String> validPortNames = ConcurrentHashMap.newKeySet();

  private CrossIndex(List<Manifest> manifests, ValidationContext context) {
    this.manifests = Collections.unmodifiableList(manifests);
    this.context = context;
    Set<String> namespaces = new HashSet<>();
    Map<String, Manifest> secretIndex = new HashMap<>();
    Map<String, Manifest> configMapIndex = new HashMap<>();
    Map<String, Manifest> serviceIndex = new HashMap<>();
    List<PodTemplate> all = new ArrayList<>();
    Map<Manifest, PodTemplate> byOwner = new IdentityHashMap<>();
    Map<String, List<PodTemplate>> byNamespace = new HashMap<>();
    Map<List<String>, List<PodTemplate>> byLabel = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.isKind("Namespace") && m.name != null) {
        namespaces.add(m.name);
      } else if (m.isKind("Secret") && m.name != null) {
        secretIndex.putIfAbsent(m.namespace() + "/" + m.name, m);
      } else if (m.isKind("ConfigMap") && m.name != null) {
        configMapIndex.putIfAbsent(m.namespace() + "/" + m.name, m);
      } else if (m.isKind("Service") && m.name != null) {
        serviceIndex.putIfAbsent(m.namespace() + "/" + m.name, m);
      }
      PodTemplate t = m.indexedTemplate != null ? m.indexedTemplate : templateOf(m);
      if (t != null) {
        all.add(t);
        byOwner.putIfAbsent(m, t);
        byNamespace.computeIfAbsent(m.namespace(), k -> new ArrayList<>()).add(t);
        for (Map.Entry<String, String> label : t.labels().entrySet()) {
          byLabel
              .computeIfAbsent(
                  List.of(m.namespace(), label.getKey(), label.getValue()), k -> new ArrayList<>())
              .add(t);
        }
      }
    }
    this.inputNamespaces = Collections.unmodifiableSet(namespaces);
    this.secrets = Collections.unmodifiableMap(secretIndex);
    this.configMaps = Collections.unmodifiableMap(configMapIndex);
    this.services = Collections.unmodifiableMap(serviceIndex);
    this.templates = Collections.unmodifiableList(all);
    this.templateByOwner = Collections.unmodifiableMap(byOwner);
    this.templatesByNamespace = Collections.unmodifiableMap(byNamespace);
    this.templatesByLabel = Collections.unmodifiableMap(byLabel);
  }

  /**
   * The pod template of a workload (or the Pod itself), read from the document.
   *
   * @return the template, or null when the kind has none or it is not an object
   */
  static PodTemplate templateOf(Manifest m) {
    // Map.of rejects null keys; a document without kind has no pod template.
    String at = m.kind == null ? null : TEMPLATE_PATHS.get(m.kind);
    if (at == null) {
      return null;
    }
    JsonNode node = at.isEmpty() ? m.doc : m.doc.at("/" + at.replace('.', '/'));
    return node.isObject() ? new PodTemplate(m, at, node) : null;
  }

  /** Indexes the input, in one pass. */
  static CrossIndex of(List<Manifest> manifests, ValidationContext context) {
    return new CrossIndex(manifests, context);
  }

  /**
   * {@link KubernetesNames#qualifiedKey}, remembering the keys found valid in this run: the same
   * few label and annotation keys recur on every object.
   */
  String qualifiedKey(String key) {
    if (validKeys.contains(key)) {
      return null;
    }
    String why = KubernetesNames.qualifiedKey(key);
    if (why == null) {
      validKeys.add(key);
    }
    return why;
  }

  /**
   * {@link KubernetesNames#dns1123Label}, remembering names found valid (volume names recur on
   * every pod).
   */
  String dns1123Label(String name) {
    if (validLabels.contains(name)) {
      return null;
    }
    String why = KubernetesNames.dns1123Label(name);
    if (why == null) {
      validLabels.add(name);
    }
    return why;
  }

  /** {@link KubernetesNames#portName}, remembering names found valid. */
  String portName(String name) {
    if (validPortNames.contains(name)) {
      return null;
    }
    String why = KubernetesNames.portName(name);
    if (why == null) {
      validPortNames.add(name);
    }
    return why;
  }

  /** The node if it is an array, else an empty one: malformed input must not break the checks. */
  static JsonNode array(JsonNode node) {
    return node.isArray() ? node : JsonNodeFactory.instance.arrayNode();
  }

  /** The containers and init containers of a pod spec. */
  static List<JsonNode> containers(JsonNode spec) {
    List<JsonNode> all = new ArrayList<>();
    spec.path("containers").forEach(all::add);
    spec.path("initContainers").forEach(all::add);
    return all;
  }
}
