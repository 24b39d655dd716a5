package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.saltlab.core.KubernetesNames;
import io.saltlab.core.internal.InOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that no single-object schema can express: names and labels, references between objects
 * (Service to pods, workload selector to its template, pods to Secrets, ConfigMaps and volumes),
 * duplicates and namespaces. They run for every target, with or without a bundled schema.
 */
final class CrossChecks {

  private static final Pattern SHELL_VARIABLE =
      Pattern.compile("\\$(\\{[^}]*}|\\([^)]*\\)|[A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> HOST_PATH_TYPES =
      Set.of(
          "",
          "DirectoryOrCreate",
          "Directory",
          "FileOrCreate",
          "File",
          "Socket",
          "CharDevice",
          "BlockDevice");
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
  private static final Set<String> LABEL_SELECTOR_KINDS =
      Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job");

  /** A pod template (or a Pod) found in the input, with its location. */
  private static final class PodTemplate {
    final Manifest owner;

    /** Path of the template object: {@code spec.template}, or empty for a Pod. */
    final String at;

    final JsonNode node;

    /** The template's labels, read once: every Service in the namespace compares against them. */
    private final Map<String, String> labels;

    PodTemplate(Manifest owner, String at, JsonNode node) {
      this.owner = owner;
      this.at = at;
      this.node = node;
      Map<String, String> read = new TreeMap<>();
      node.path("metadata")
          .path("labels")
          .properties()
          .forEach(e -> read.put(e.getKey(), e.getValue().asText()));
      this.labels = Collections.unmodifiableMap(read);
    }

    Map<String, String> labels() {
      return labels;
    }

    String specPath() {
      return FieldPaths.child(at, "spec");
    }

    JsonNode spec() {
      return node.path("spec");
    }
  }

  // The index below is filled once, on one thread, before any check runs; the per-object checks
  // then only read it (the three name memos are concurrent sets), each into its own problem list.
  private final List<Manifest> manifests;
  private final ValidationContext context;
  private final List<Problem> out;
  private final Set<String> inputNamespaces;
  private final Set<String> validKeys;
  private final Set<String> validLabels;
  private final Set<String> validPortNames;
  private final Map<String, Manifest> secrets;
  private final Map<String, Manifest> configMaps;
  private final List<PodTemplate> templates;

  /** The pod template of each workload, so a lookup does not scan every template. */
  private final Map<Manifest, PodTemplate> templateByOwner;

  /** Templates by namespace, in input order. */
  private final Map<String, List<PodTemplate>> templatesByNamespace;

  /**
   * Templates by namespace and one label ({@code namespace, key, value}), in input order: the
   * candidates for a Service selector containing that label, so that matching Services to pods
   * stays linear in the number of objects.
   */
  private final Map<List<String>, List<PodTemplate>> templatesByLabel;

  private CrossChecks(List<Manifest> manifests, ValidationContext context, List<Problem> out) {
    this.manifests = manifests;
    this.context = context;
    this.out = out;
    this.inputNamespaces = new HashSet<>();
    this.validKeys = ConcurrentHashMap.newKeySet();
    this.validLabels = ConcurrentHashMap.newKeySet();
    this.validPortNames = ConcurrentHashMap.newKeySet();
    this.secrets = new HashMap<>();
    this.configMaps = new HashMap<>();
    this.templates = new ArrayList<>();
    this.templateByOwner = new IdentityHashMap<>();
    this.templatesByNamespace = new HashMap<>();
    this.templatesByLabel = new HashMap<>();
  }

  /** The same index and memos, reporting into another list: one per task of a parallel pass. */
  private CrossChecks(CrossChecks index, List<Problem> out) {
    this.manifests = index.manifests;
    this.context = index.context;
    this.out = out;
    this.inputNamespaces = index.inputNamespaces;
    this.validKeys = index.validKeys;
    this.validLabels = index.validLabels;
    this.validPortNames = index.validPortNames;
    this.secrets = index.secrets;
    this.configMaps = index.configMaps;
    this.templates = index.templates;
    this.templateByOwner = index.templateByOwner;
    this.templatesByNamespace = index.templatesByNamespace;
    this.templatesByLabel = index.templatesByLabel;
  }

  static void run(List<Manifest> manifests, ValidationContext context, List<Problem> out) {
    new CrossChecks(manifests, context, out).run();
  }

  private void run() {
    for (Manifest m : manifests) {
      if (m.isKind("Namespace") && m.name != null) {
        inputNamespaces.add(m.name);
      } else if (m.isKind("Secret") && m.name != null) {
        secrets.putIfAbsent(m.namespace() + "/" + m.name, m);
      } else if (m.isKind("ConfigMap") && m.name != null) {
        configMaps.putIfAbsent(m.namespace() + "/" + m.name, m);
      }
      // Map.of rejects null keys; a document without kind has no pod template.
      String at = m.kind == null ? null : TEMPLATE_PATHS.get(m.kind);
      if (at != null) {
        JsonNode node = at.isEmpty() ? m.doc : m.doc.at("/" + at.replace('.', '/'));
        if (node.isObject()) {
          PodTemplate t = new PodTemplate(m, at, node);
          templates.add(t);
          templateByOwner.putIfAbsent(m, t);
          templatesByNamespace.computeIfAbsent(m.namespace(), k -> new ArrayList<>()).add(t);
          for (Map.Entry<String, String> label : t.labels().entrySet()) {
            templatesByLabel
                .computeIfAbsent(
                    List.of(m.namespace(), label.getKey(), label.getValue()),
                    k -> new ArrayList<>())
                .add(t);
          }
        }
      }
    }
    checkIdentities();
    // Every object and every pod template is checked on its own against the index, on every core
    // for large inputs; problems keep the order of a sequential pass.
    for (List<Problem> found :
        InOrder.map(
            manifests,
            m -> {
              CrossChecks task = new CrossChecks(this, new ArrayList<>(0));
              task.checkMetadata(m);
              if (m.isKind("Service")) {
                task.checkService(m);
              }
              if (m.isSecret() || m.isKind("ConfigMap")) {
                task.checkData(m);
              }
              task.checkWorkloadSelector(m);
              return task.out;
            })) {
      out.addAll(found);
    }
    for (List<Problem> found :
        InOrder.map(
            templates,
            t -> {
              CrossChecks task = new CrossChecks(this, new ArrayList<>(0));
              task.checkPodTemplate(t);
              return task.out;
            })) {
      out.addAll(found);
    }
  }

  // --- identity: names, duplicates, namespaces -------------------------------------------------

  private void checkIdentities() {
    Map<String, Manifest> seen = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.apiVersion == null) {
        out.add(
            m.problem("missing-field", "apiVersion")
                .message("missing required field apiVersion")
                .expected("apiVersion such as v1 or apps/v1")
                .build());
      }
      if (m.kind == null) {
        out.add(
            m.problem("missing-field", "kind")
                .message("missing required field kind")
                .expected("kind such as Deployment")
                .build());
      }
      if (m.name == null) {
        if (!m.doc.path("metadata").path("generateName").isTextual()) {
          out.add(
              m.problem("missing-field", "metadata.name")
                  .message("missing required field metadata.name")
                  .expected(KubernetesNames.objectNameRule(m.kind))
                  .build());
        }
      } else {
        String why = KubernetesNames.objectName(m.kind, m.name);
        if (why != null) {
          out.add(
              m.problem("invalid-name", "metadata.name")
                  .message("invalid name: " + why)
                  .value(m.name)
                  .expected(KubernetesNames.objectNameRule(m.kind))
                  .build());
        }
        String key = m.kind + "/" + (m.namespaced ? m.namespace() : "") + "/" + m.name;
        Manifest first = seen.putIfAbsent(key, m);
        if (first != null) {
          out.add(
              m.problem("duplicate-object", "metadata.name")
                  .message("duplicate object: " + m.resource() + " is defined twice")
                  .value(m.name)
                  .expected("one definition per kind, namespace and name")
                  .hint(
                      "the first definition is in "
                          + first.source
                          + "; the later one would replace it")
                  .build());
        }
      }
      if (m.declaredNamespace != null) {
        String why = dns1123Label(m.declaredNamespace);
        if (why != null) {
          out.add(
              m.problem("invalid-name", "metadata.namespace")
                  .message("invalid namespace name: " + why)
                  .value(m.declaredNamespace)
                  .expected("a DNS-1123 label")
                  .build());
        }
      }
      if (m.namespaced
          && m.kind != null
          && !inputNamespaces.contains(m.namespace())
          && !context.hasNamespace(m.namespace())) {
        out.add(
            m.problem("missing-namespace", "metadata.namespace")
                .message(
                    "namespace "
                        + m.namespace()
                        + " is neither in the input nor declared as existing")
                .value(m.namespace())
                .expected(
                    "a Namespace document named "
                        + m.namespace()
                        + " or ValidationContext.builder().existingNamespace(\""
                        + m.namespace()
                        + "\")")
                .hint(
                    "add a Namespace object to the manifests, or declare the namespace as existing")
                .build());
      }
    }
  }

  private void checkMetadata(Manifest m) {
    checkLabels(m, "metadata.labels", m.doc.path("metadata").path("labels"));
    checkAnnotationKeys(m, "metadata.annotations", m.doc.path("metadata").path("annotations"));
  }

  private void checkLabels(Manifest m, String path, JsonNode labels) {
    labels
        .properties()
        .forEach(
            e -> {
              // The path is only built for a problem: most labels have none.
              String why = qualifiedKey(e.getKey());
              if (why != null) {
                String at = FieldPaths.child(path, e.getKey());
                out.add(
                    m.problem("invalid-label-key", at)
                        .message("invalid label key: " + why)
                        .value(e.getKey())
                        .expected("[DNS-subdomain prefix/]name, name at most 63 characters")
                        .build());
              }
              JsonNode v = e.getValue();
              if (!v.isTextual()) {
                if (!v.isNull() && !m.schemaChecked) {
                  String at = FieldPaths.child(path, e.getKey());
                  out.add(
                      m.problem("invalid-label-value", at)
                          .message("label value is not a string")
                          .value(m.shown(at, v))
                          .expected("a string; quote it in YAML")
                          .build());
                }
                return;
              }
              String vwhy = KubernetesNames.labelValue(v.asText());
              if (vwhy != null) {
                String at = FieldPaths.child(path, e.getKey());
                out.add(
                    m.problem("invalid-label-value", at)
                        .message("invalid label value: " + vwhy)
                        .value(m.shown(at, v))
                        .expected("at most 63 of letters, digits, '-', '_', '.'")
                        .build());
              }
            });
  }

  /**
   * {@link Names#qualifiedKey}, remembering the keys found valid in this run: the same few label
   * and annotation keys recur on every object.
   */
  private String qualifiedKey(String key) {
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
   * {@link Names#dns1123Label}, remembering names found valid (volume names recur on every pod).
   */
  private String dns1123Label(String name) {
    if (validLabels.contains(name)) {
      return null;
    }
    String why = KubernetesNames.dns1123Label(name);
    if (why == null) {
      validLabels.add(name);
    }
    return why;
  }

  /** {@link Names#portName}, remembering names found valid. */
  private String portName(String name) {
    if (validPortNames.contains(name)) {
      return null;
    }
    String why = KubernetesNames.portName(name);
    if (why == null) {
      validPortNames.add(name);
    }
    return why;
  }

  private void checkAnnotationKeys(Manifest m, String path, JsonNode annotations) {
    annotations
        .fieldNames()
        .forEachRemaining(
            k -> {
              String why = qualifiedKey(k);
              if (why != null) {
                out.add(
                    m.problem("invalid-annotation-key", FieldPaths.child(path, k))
                        .message("invalid annotation key: " + why)
                        .value(k)
                        .expected("[DNS-subdomain prefix/]name, name at most 63 characters")
                        .build());
              }
            });
  }

  // --- Secrets and ConfigMaps ------------------------------------------------------------------

  private void checkData(Manifest m) {
    for (String field :
        m.isSecret() ? List.of("data", "stringData") : List.of("data", "binaryData")) {
      m.doc
          .path(field)
          .properties()
          .forEach(
              e -> {
                String at = FieldPaths.child(field, e.getKey());
                String why = KubernetesNames.configKey(e.getKey());
                if (why != null) {
                  out.add(
                      m.problem("invalid-data-key", at)
                          .message("invalid key: " + why)
                          .value(e.getKey())
                          .expected("letters, digits, '-', '_' or '.'")
                          .build());
                }
                if ((field.equals("binaryData") || (m.isSecret() && field.equals("data")))
                    && e.getValue().isTextual()
                    && !isBase64(e.getValue().asText())) {
                  out.add(
                      m.problem("not-base64", at)
                          .message("value is not valid base64")
                          .value(m.shown(at, e.getValue()))
                          .expected(
                              "base64-encoded bytes"
                                  + (m.isSecret() ? " (or put plain text under stringData)" : ""))
                          .build());
                }
              });
    }
    if (m.isSecret()) {
      String type = m.doc.path("type").asText("");
      String required =
          type.equals("kubernetes.io/dockercfg")
              ? ".dockercfg"
              : type.equals("kubernetes.io/dockerconfigjson") ? ".dockerconfigjson" : null;
      if (required != null
          && !m.doc.path("data").has(required)
          && !m.doc.path("stringData").has(required)) {
        out.add(
            m.problem("secret-missing-key", "data")
                .message("a Secret of type " + type + " needs the key " + required)
                .expected("data[\"" + required + "\"]")
                .build());
      }
    }
  }

  private static boolean isBase64(String text) {
    try {
      // Like the API server (Go encoding/base64), tolerate line breaks but nothing else.
      Base64.getDecoder().decode(text.replace("\n", "").replace("\r", ""));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // --- workload selectors ----------------------------------------------------------------------

  private void checkWorkloadSelector(Manifest m) {
    PodTemplate t = templateOf(m);
    if (t == null || t.at.isEmpty()) {
      return;
    }
    Map<String, String> labels = t.labels();
    String labelsPath = FieldPaths.sub(t.at, "metadata.labels");
    JsonNode selector = m.doc.path("spec").path("selector");
    if (m.isKind("ReplicationController")) {
      selector
          .properties()
          .forEach(
              e ->
                  checkSelectorLabel(
                      m,
                      FieldPaths.child("spec.selector", e.getKey()),
                      e.getKey(),
                      e.getValue(),
                      labels,
                      labelsPath));
      return;
    }
    if (m.kind == null || !LABEL_SELECTOR_KINDS.contains(m.kind) || !selector.isObject()) {
      return;
    }
    JsonNode matchLabels = selector.path("matchLabels");
    JsonNode expressions = array(selector.path("matchExpressions"));
    if (matchLabels.size() == 0 && expressions.size() == 0) {
      out.add(
          m.problem("empty-selector", "spec.selector")
              .message("empty selector would select every pod in the namespace")
              .expected("matchLabels or matchExpressions matching " + labelsPath)
              .build());
      return;
    }
    checkLabels(m, "spec.selector.matchLabels", matchLabels);
    matchLabels
        .properties()
        .forEach(
            e ->
                checkSelectorLabel(
                    m,
                    FieldPaths.child("spec.selector.matchLabels", e.getKey()),
                    e.getKey(),
                    e.getValue(),
                    labels,
                    labelsPath));
    for (int i = 0; i < expressions.size(); i++) {
      JsonNode ex = expressions.get(i);
      if (!matchesExpression(ex, labels)) {
        String at = FieldPaths.index("spec.selector.matchExpressions", i);
        out.add(
            m.problem("selector-mismatch", at)
                .message("selector expression does not match the pod template's own labels")
                .value(FieldPaths.render(ex))
                .expected(
                    "an expression true for "
                        + labelsPath
                        + " "
                        + FieldPaths.render(t.node.path("metadata").path("labels")))
                .hint(
                    "the controller would never own the pods it creates; the API server rejects"
                        + " this")
                .build());
      }
    }
  }

  private void checkSelectorLabel(
      Manifest m,
      String at,
      String key,
      JsonNode value,
      Map<String, String> labels,
      String labelsPath) {
    String want = value.asText();
    if (!want.equals(labels.get(key))) {
      out.add(
          m.problem("selector-mismatch", at)
              .message("selector does not match the pod template's own labels")
              .value(key + ": " + want)
              .expected(
                  labels.containsKey(key)
                      ? labelsPath + " has " + key + ": " + labels.get(key)
                      : "label " + key + ": " + want + " in " + labelsPath)
              .hint(
                  "make the selector a subset of the template labels; otherwise the API server"
                      + " rejects the object")
              .build());
    }
  }

  private static boolean matchesExpression(JsonNode ex, Map<String, String> labels) {
    String key = ex.path("key").asText();
    Set<String> values = new HashSet<>();
    ex.path("values").forEach(v -> values.add(v.asText()));
    switch (ex.path("operator").asText()) {
      case "In":
        return labels.containsKey(key) && values.contains(labels.get(key));
      case "NotIn":
        return !labels.containsKey(key) || !values.contains(labels.get(key));
      case "Exists":
        return labels.containsKey(key);
      case "DoesNotExist":
        return !labels.containsKey(key);
      default:
        // An unknown operator is a schema matter; do not add a second, confusing problem.
        return true;
    }
  }

  private PodTemplate templateOf(Manifest m) {
    return templateByOwner.get(m);
  }

  // --- Services --------------------------------------------------------------------------------

  private void checkService(Manifest m) {
    JsonNode spec = m.doc.path("spec");
    JsonNode ports = array(spec.path("ports"));
    if (ports.size() > 1) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < ports.size(); i++) {
        JsonNode name = ports.get(i).path("name");
        String at = FieldPaths.index("spec.ports", i) + ".name";
        if (!name.isTextual() || name.asText().isEmpty()) {
          out.add(
              m.problem("service-port-name-required", at)
                  .message("a Service with several ports must name each of them")
                  .expected("a port name such as " + (i == 0 ? "salt-publish" : "port-" + i))
                  .build());
        } else if (!names.add(name.asText())) {
          out.add(
              m.problem("duplicate-port-name", at)
                  .message("duplicate Service port name")
                  .value(name.asText())
                  .expected("unique port names")
                  .build());
        }
      }
    }
    JsonNode selector = spec.path("selector");
    if ("ExternalName".equals(spec.path("type").asText())
        || !selector.isObject()
        || selector.size() == 0) {
      return;
    }
    checkLabels(m, "spec.selector", selector);
    Map<String, String> wanted = new TreeMap<>();
    selector.properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asText()));
    // Only templates carrying every selector label can match: start from the rarest one.
    List<PodTemplate> candidates = null;
    for (Map.Entry<String, String> label : wanted.entrySet()) {
      List<PodTemplate> carrying =
          templatesByLabel.getOrDefault(
              List.of(m.namespace(), label.getKey(), label.getValue()), List.of());
      if (candidates == null || carrying.size() < candidates.size()) {
        candidates = carrying;
      }
    }
    List<PodTemplate> selected = new ArrayList<>();
    for (PodTemplate t : candidates) {
      if (t.labels().entrySet().containsAll(wanted.entrySet())) {
        selected.add(t);
      }
    }
    if (selected.isEmpty()) {
      List<PodTemplate> sameNamespace = templatesByNamespace.getOrDefault(m.namespace(), List.of());
      out.add(
          m.problem("selector-matches-no-pod", "spec.selector")
              .message("Service selector matches no pod template in namespace " + m.namespace())
              .value(FieldPaths.render(selector))
              .expected(
                  "the labels of at least one pod template (Deployment, StatefulSet, DaemonSet, "
                      + "ReplicaSet, Job or Pod) in namespace "
                      + m.namespace())
              .hint(selectorHint(wanted, sameNamespace))
              .build());
      return;
    }
    checkTargetPorts(m, ports, selected);
  }

  private static String selectorHint(Map<String, String> wanted, List<PodTemplate> candidates) {
    if (candidates.isEmpty()) {
      return "there is no pod template in this namespace; the Service would have no endpoints";
    }
    for (PodTemplate t : candidates) {
      for (Map.Entry<String, String> label : t.labels().entrySet()) {
        if (wanted.containsValue(label.getValue())) {
          return "did you mean "
              + label.getKey()
              + ": "
              + label.getValue()
              + "? "
              + t.owner.resource()
              + " carries labels "
              + t.labels();
        }
      }
    }
    StringBuilder sb = new StringBuilder("pod templates here carry ");
    for (int i = 0; i < candidates.size() && i < 3; i++) {
      PodTemplate t = candidates.get(i);
      sb.append(i == 0 ? "" : ", ").append(t.owner.resource()).append(' ').append(t.labels());
    }
    return sb.toString();
  }

  private void checkTargetPorts(Manifest m, JsonNode ports, List<PodTemplate> selected) {
    Map<String, Boolean> names = new TreeMap<>();
    Set<Integer> numbers = new TreeSet<>();
    for (PodTemplate t : selected) {
      for (JsonNode c : containers(t.spec())) {
        for (JsonNode p : c.path("ports")) {
          if (p.path("name").isTextual()) {
            names.put(p.path("name").asText(), true);
          }
          if (p.path("containerPort").canConvertToInt()) {
            numbers.add(p.path("containerPort").asInt());
          }
        }
      }
    }
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      JsonNode target = port.path("targetPort");
      String at =
          FieldPaths.index("spec.ports", i)
              + (target.isMissingNode() || target.isNull() ? ".port" : ".targetPort");
      JsonNode effective = target.isMissingNode() || target.isNull() ? port.path("port") : target;
      String text = effective.asText();
      if (effective.isNumber() || text.matches("\\d+")) {
        int number = effective.isNumber() ? effective.asInt() : Integer.parseInt(text);
        if (!numbers.contains(number)) {
          out.add(
              m.problem("target-port-not-found", at)
                  .message(
                      (at.endsWith(".port") ? "targetPort defaults to port " : "targetPort ")
                          + number
                          + ", which no selected container declares")
                  .value(String.valueOf(number))
                  .expected(
                      "a containerPort of the selected pods: "
                          + (numbers.isEmpty() ? "none declared" : numbers))
                  .hint("declare the port on the container, or point targetPort at a declared one")
                  .build());
        }
      } else if (effective.isTextual() && !names.containsKey(text)) {
        out.add(
            m.problem("target-port-not-found", at)
                .message("targetPort names port " + text + ", which no selected container declares")
                .value(text)
                .expected(
                    "a container port name of the selected pods: "
                        + (names.isEmpty() ? "none declared" : String.join(", ", names.keySet())))
                .hint("name the container port " + text + ", or use its number")
                .build());
      }
    }
  }

  // --- pod templates ---------------------------------------------------------------------------

  /** The node if it is an array, else an empty one: malformed input must not break the checks. */
  private static JsonNode array(JsonNode node) {
    return node.isArray() ? node : JsonNodeFactory.instance.arrayNode();
  }

  private static List<JsonNode> containers(JsonNode spec) {
    List<JsonNode> all = new ArrayList<>();
    spec.path("containers").forEach(all::add);
    spec.path("initContainers").forEach(all::add);
    return all;
  }

  private void checkPodTemplate(PodTemplate t) {
    Manifest m = t.owner;
    String ns = m.namespace();
    if (!t.at.isEmpty()) {
      JsonNode tns = t.node.path("metadata").path("namespace");
      if (!tns.isMissingNode() && !tns.isNull()) {
        out.add(
            m.problem("pod-template-namespace", FieldPaths.sub(t.at, "metadata.namespace"))
                .message("a pod template must not set a namespace")
                .value(tns.asText())
                .expected(
                    "no metadata.namespace in the template; pods always run in the namespace of "
                        + m.resource())
                .hint("remove it; only the object's own metadata.namespace counts")
                .build());
      }
      checkLabels(
          m, FieldPaths.sub(t.at, "metadata.labels"), t.node.path("metadata").path("labels"));
      checkAnnotationKeys(
          m,
          FieldPaths.sub(t.at, "metadata.annotations"),
          t.node.path("metadata").path("annotations"));
    }
    String spec = t.specPath();
    JsonNode podSpec = t.spec();

    // Field paths are only built for a problem: most pods have none.
    JsonNode pullSecrets = array(podSpec.path("imagePullSecrets"));
    for (int i = 0; i < pullSecrets.size(); i++) {
      int index = i;
      Supplier<String> path =
          () -> FieldPaths.index(FieldPaths.child(spec, "imagePullSecrets"), index) + ".name";
      JsonNode name = pullSecrets.get(i).path("name");
      if (name.isTextual()) {
        requireSecret(m, path, name.asText(), null, false);
        Manifest s = secrets.get(ns + "/" + name.asText());
        String type = s == null ? null : s.doc.path("type").asText("");
        if (type != null
            && !type.equals("kubernetes.io/dockercfg")
            && !type.equals("kubernetes.io/dockerconfigjson")) {
          out.add(
              m.problem("pull-secret-type", path.get())
                  .message(
                      "image pull secret "
                          + name.asText()
                          + " has type "
                          + (type.isEmpty() ? "Opaque" : type))
                  .value(name.asText())
                  .expected(
                      "a Secret of type kubernetes.io/dockerconfigjson or kubernetes.io/dockercfg")
                  .build());
        }
      }
    }

    Set<String> volumeNames = new TreeSet<>();
    JsonNode volumes = array(podSpec.path("volumes"));
    for (int i = 0; i < volumes.size(); i++) {
      JsonNode v = volumes.get(i);
      int index = i;
      Supplier<String> at = () -> FieldPaths.index(FieldPaths.child(spec, "volumes"), index);
      JsonNode name = v.path("name");
      if (name.isTextual()) {
        String why = dns1123Label(name.asText());
        if (why != null) {
          out.add(
              m.problem("invalid-name", at.get() + ".name")
                  .message("invalid volume name: " + why)
                  .value(name.asText())
                  .expected("a DNS-1123 label")
                  .build());
        }
        if (!volumeNames.add(name.asText())) {
          out.add(
              m.problem("duplicate-volume-name", at.get() + ".name")
                  .message("duplicate volume name")
                  .value(name.asText())
                  .expected("unique volume names within the pod")
                  .build());
        }
      }
      // A misspelt key (the seed lab's "hostpath") is checked too: the author meant a hostPath, and
      // its path is worth fixing in the same pass as the key.
      v.properties()
          .forEach(
              e -> {
                if (e.getKey().equalsIgnoreCase("hostPath")) {
                  checkHostPath(m, FieldPaths.child(at.get(), e.getKey()), e.getValue());
                }
              });
      JsonNode secret = v.path("secret");
      if (secret.path("secretName").isTextual()) {
        requireSecret(
            m,
            () -> at.get() + ".secret.secretName",
            secret.path("secretName").asText(),
            null,
            secret.path("optional").asBoolean(false));
      }
      JsonNode cm = v.path("configMap");
      if (cm.path("name").isTextual()) {
        requireConfigMap(
            m,
            () -> at.get() + ".configMap.name",
            cm.path("name").asText(),
            null,
            cm.path("optional").asBoolean(false));
      }
      JsonNode sources = array(v.path("projected").path("sources"));
      for (int j = 0; j < sources.size(); j++) {
        int source = j;
        Supplier<String> sat = () -> FieldPaths.index(at.get() + ".projected.sources", source);
        JsonNode s = sources.get(j);
        if (s.path("secret").path("name").isTextual()) {
          requireSecret(
              m,
              () -> sat.get() + ".secret.name",
              s.path("secret").path("name").asText(),
              null,
              s.path("secret").path("optional").asBoolean(false));
        }
        if (s.path("configMap").path("name").isTextual()) {
          requireConfigMap(
              m,
              () -> sat.get() + ".configMap.name",
              s.path("configMap").path("name").asText(),
              null,
              s.path("configMap").path("optional").asBoolean(false));
        }
      }
    }

    Set<String> containerNames = new HashSet<>();
    Map<String, String> portNames = new HashMap<>();
    for (String group : List.of("containers", "initContainers")) {
      JsonNode list = array(podSpec.path(group));
      for (int i = 0; i < list.size(); i++) {
        String at = FieldPaths.index(FieldPaths.child(spec, group), i);
        checkContainer(m, at, list.get(i), volumeNames, containerNames, portNames);
      }
    }
  }

  private void checkHostPath(Manifest m, String at, JsonNode hostPath) {
    JsonNode path = hostPath.path("path");
    if (path.isTextual()) {
      String p = path.asText();
      Matcher var = SHELL_VARIABLE.matcher(p);
      if (var.find()) {
        out.add(
            m.problem("hostpath-variable", at + ".path")
                .message(
                    "hostPath uses the shell variable "
                        + var.group()
                        + ", which Kubernetes never expands")
                .value(p)
                .expected("an absolute path on the node, such as /srv/salt/conf")
                .hint(
                    "the kubelet runs no shell: write the real directory, for example /srv"
                        + p.substring(var.end()))
                .build());
      } else if (p.startsWith("~")) {
        out.add(
            m.problem("hostpath-tilde", at + ".path")
                .message("hostPath starts with ~, which Kubernetes never expands")
                .value(p)
                .expected("an absolute path on the node, such as /srv/salt/conf")
                .build());
      } else if (!p.startsWith("/")) {
        out.add(
            m.problem("hostpath-relative", at + ".path")
                .message("hostPath is not an absolute path")
                .value(p)
                .expected("an absolute path on the node, starting with /")
                .build());
      }
    }
    JsonNode type = hostPath.path("type");
    if (type.isTextual() && !HOST_PATH_TYPES.contains(type.asText())) {
      out.add(
          m.problem("hostpath-type", at + ".type")
              .message("unknown hostPath type")
              .value(type.asText())
              .expected(
                  "one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice,"
                      + " BlockDevice")
              .hint(
                  Hints.closest(type.asText(), HOST_PATH_TYPES) == null
                      ? null
                      : "did you mean " + Hints.closest(type.asText(), HOST_PATH_TYPES) + "?")
              .build());
    }
  }

  private void checkContainer(
      Manifest m,
      String at,
      JsonNode c,
      Set<String> volumeNames,
      Set<String> containerNames,
      Map<String, String> portNames) {
    JsonNode name = c.path("name");
    if (name.isTextual()) {
      String why = dns1123Label(name.asText());
      if (why != null) {
        out.add(
            m.problem("invalid-name", at + ".name")
                .message("invalid container name: " + why)
                .value(name.asText())
                .expected("a DNS-1123 label")
                .build());
      }
      if (!containerNames.add(name.asText())) {
        out.add(
            m.problem("duplicate-container-name", at + ".name")
                .message("duplicate container name")
                .value(name.asText())
                .expected("unique container names within the pod")
                .build());
      }
    }

    JsonNode ports = array(c.path("ports"));
    Set<String> seenPorts = new HashSet<>();
    for (int j = 0; j < ports.size(); j++) {
      int index = j;
      Supplier<String> pat = () -> FieldPaths.index(at + ".ports", index);
      JsonNode p = ports.get(j);
      JsonNode number = p.path("containerPort");
      if (number.isIntegralNumber()) {
        long n = number.asLong();
        if (n < 1 || n > 65535) {
          out.add(
              m.problem("port-out-of-range", pat.get() + ".containerPort")
                  .message("container port out of range")
                  .value(String.valueOf(n))
                  .expected("a port number from 1 to 65535")
                  .build());
        } else if (!seenPorts.add(n + "/" + p.path("protocol").asText("TCP"))) {
          out.add(
              m.problem("duplicate-container-port", pat.get() + ".containerPort")
                  .message(
                      "container port "
                          + n
                          + "/"
                          + p.path("protocol").asText("TCP")
                          + " declared twice")
                  .value(String.valueOf(n))
                  .expected("each port and protocol once per container")
                  .build());
        }
      }
      JsonNode pname = p.path("name");
      if (pname.isTextual()) {
        String why = portName(pname.asText());
        if (why != null) {
          out.add(
              m.problem("invalid-port-name", pat.get() + ".name")
                  .message("invalid port name: " + why)
                  .value(pname.asText())
                  .expected("an IANA service name: at most 15 of a-z, 0-9, '-'")
                  .build());
        } else if (portNames.putIfAbsent(pname.asText(), at) != null) {
          out.add(
              m.problem("duplicate-port-name", pat.get() + ".name")
                  .message("duplicate port name in the pod")
                  .value(pname.asText())
                  .expected("unique port names across the pod's containers")
                  .build());
        }
      }
    }

    JsonNode envFrom = array(c.path("envFrom"));
    for (int j = 0; j < envFrom.size(); j++) {
      int index = j;
      Supplier<String> eat = () -> FieldPaths.index(at + ".envFrom", index);
      JsonNode e = envFrom.get(j);
      if (e.path("secretRef").path("name").isTextual()) {
        requireSecret(
            m,
            () -> eat.get() + ".secretRef.name",
            e.path("secretRef").path("name").asText(),
            null,
            e.path("secretRef").path("optional").asBoolean(false));
      }
      if (e.path("configMapRef").path("name").isTextual()) {
        requireConfigMap(
            m,
            () -> eat.get() + ".configMapRef.name",
            e.path("configMapRef").path("name").asText(),
            null,
            e.path("configMapRef").path("optional").asBoolean(false));
      }
    }
    JsonNode env = array(c.path("env"));
    for (int j = 0; j < env.size(); j++) {
      int index = j;
      Supplier<String> eat = () -> FieldPaths.index(at + ".env", index) + ".valueFrom";
      JsonNode from = env.get(j).path("valueFrom");
      JsonNode sk = from.path("secretKeyRef");
      if (sk.path("name").isTextual()) {
        requireSecret(
            m,
            () -> eat.get() + ".secretKeyRef",
            sk.path("name").asText(),
            sk.path("key").asText(null),
            sk.path("optional").asBoolean(false));
      }
      JsonNode ck = from.path("configMapKeyRef");
      if (ck.path("name").isTextual()) {
        requireConfigMap(
            m,
            () -> eat.get() + ".configMapKeyRef",
            ck.path("name").asText(),
            ck.path("key").asText(null),
            ck.path("optional").asBoolean(false));
      }
    }

    JsonNode mounts = array(c.path("volumeMounts"));
    Set<String> mountPaths = new HashSet<>();
    for (int j = 0; j < mounts.size(); j++) {
      int index = j;
      Supplier<String> mat = () -> FieldPaths.index(at + ".volumeMounts", index);
      JsonNode mount = mounts.get(j);
      JsonNode vname = mount.path("name");
      if (vname.isTextual() && !volumeNames.contains(vname.asText())) {
        String close = Hints.closest(vname.asText(), volumeNames);
        out.add(
            m.problem("mount-without-volume", mat.get() + ".name")
                .message(
                    "volumeMount refers to volume "
                        + vname.asText()
                        + ", which the pod does not define")
                .value(vname.asText())
                .expected(
                    volumeNames.isEmpty()
                        ? "a volume of that name under volumes (the pod has none)"
                        : "one of the pod's volumes: " + String.join(", ", volumeNames))
                .hint(
                    close != null
                        ? "did you mean " + close + "?"
                        : "add the volume to the pod spec")
                .build());
      }
      JsonNode mp = mount.path("mountPath");
      if (mp.isTextual() && !mountPaths.add(mp.asText())) {
        out.add(
            m.problem("duplicate-mount-path", mat.get() + ".mountPath")
                .message("mountPath used twice in the container")
                .value(mp.asText())
                .expected("each mountPath once per container")
                .build());
      }
    }
  }

  // --- references ------------------------------------------------------------------------------

  /**
   * Reports a reference to a Secret that is neither in the input nor declared. When {@code key} is
   * given, {@code at} is the key selector object and a missing key is reported too.
   */
  private void requireSecret(
      Manifest m, Supplier<String> at, String name, String key, boolean optional) {
    requireObject(m, at, name, key, optional, "Secret", secrets, context::hasSecret);
  }

  private void requireConfigMap(
      Manifest m, Supplier<String> at, String name, String key, boolean optional) {
    requireObject(m, at, name, key, optional, "ConfigMap", configMaps, context::hasConfigMap);
  }

  private interface Declared {
    boolean has(String namespace, String name);
  }

  private void requireObject(
      Manifest m,
      Supplier<String> at,
      String name,
      String key,
      boolean optional,
      String kind,
      Map<String, Manifest> inInput,
      Declared declared) {
    if (optional) {
      return;
    }
    String ns = m.namespace();
    Manifest target = inInput.get(ns + "/" + name);
    if (target == null) {
      if (declared.has(ns, name)) {
        return;
      }
      String nameAt = key == null ? at.get() : at.get() + ".name";
      String elsewhere = null;
      for (Map.Entry<String, Manifest> e : new TreeMap<>(inInput).entrySet()) {
        if (e.getKey().endsWith("/" + name)) {
          elsewhere = e.getValue().namespace();
          break;
        }
      }
      String check = kind.equals("Secret") ? "missing-secret" : "missing-configmap";
      String method = kind.equals("Secret") ? "existingSecret" : "existingConfigMap";
      out.add(
          m.problem(check, nameAt)
              .message(kind + " " + name + " is not in namespace " + ns)
              .value(name)
              .expected(
                  "a "
                      + kind
                      + " named "
                      + name
                      + " in namespace "
                      + ns
                      + " in the input, or declared with ValidationContext.builder()."
                      + method
                      + "(\""
                      + ns
                      + "\", \""
                      + name
                      + "\")")
              .hint(
                  elsewhere != null
                      ? "a "
                          + kind
                          + " "
                          + name
                          + " exists in namespace "
                          + elsewhere
                          + ", but pods only see their own namespace"
                      : "add the " + kind + " to the manifests or declare it as existing")
              .build());
      return;
    }
    if (key != null) {
      Map<String, Boolean> keys = new LinkedHashMap<>();
      for (String field : List.of("data", "stringData", "binaryData")) {
        target.doc.path(field).fieldNames().forEachRemaining(k -> keys.put(k, true));
      }
      if (!keys.containsKey(key)) {
        out.add(
            m.problem("missing-key", at.get() + ".key")
                .message(kind + " " + name + " has no key " + key)
                .value(key)
                .expected(
                    keys.isEmpty()
                        ? "a key of " + kind + " " + name + " (it has none)"
                        : "one of its keys: " + String.join(", ", new TreeSet<>(keys.keySet())))
                .build());
      }
    }
  }
}
