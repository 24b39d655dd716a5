package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.InOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A validation of documents given one at a time, in two passes, so that no more than a batch of
 * trees is held at once: the renderer's way through a lab too large to keep every object's tree.
 *
 * <ol>
 *   <li>{@link #index} each document, in order: only what the rules of <em>other</em> objects read
 *       of it is kept (identity; a Secret's type and its data keys; a ConfigMap's keys; a pod
 *       template's labels and container ports; a CustomResourceDefinition whole);
 *   <li>{@link #check} the same documents again, in the same order, in batches: each is checked on
 *       its own (schema, value rules) and against the index (references, selectors, names), then
 *       may be dropped;
 *   <li>{@link #finish}: the report, the same problems in the same order as {@link
 *       ManifestValidator#validate(List)} of all documents at once.
 * </ol>
 *
 * <p>Not thread-safe: one caller drives it; {@link #check} uses every core inside a batch. The
 * documents of the second pass must be those of the first (the same trees or equal ones).
 */
public final class TwoPassValidation {
  private final KubernetesVersion target;
  private final ValidationContext context;
  private final VersionSchema schema;
  private final CleanShapes cleanShapes;

  /** First pass: the slim manifests, every one of the input, and problems of unreadable input. */
  private final ManifestReader indexed = new ManifestReader();

  /** Second pass: the reader numbering documents exactly as the first did. */
  private final ManifestReader checked = new ManifestReader();

  private int checkedCount;
  private Map<String, Boolean> customKinds;
  private CrossIndex index;
  private final List<Problem> identityProblems = new ArrayList<>();
  private final List<Problem> documentProblems = new ArrayList<>();
  private final List<Problem> objectProblems = new ArrayList<>();
  private final List<Problem> templateProblems = new ArrayList<>();
  private int indexedDocuments;
  private int checkedDocuments;

  TwoPassValidation(KubernetesVersion target, ValidationContext context, VersionSchema schema) {
    this.target = target;
    this.context = context;
    this.schema = schema;
    this.cleanShapes = schema == null ? null : new CleanShapes();
  }

  /**
   * First pass: takes in one document (deliberately a Jackson tree, the form the renderer holds).
   * Only its slim form is kept; the tree itself may be dropped by the caller.
   *
   * @param document one Kubernetes object, the next of the input
   * @throws IllegalStateException once the second pass has begun
   */
  public void index(JsonNode document) {
    if (index != null) {
      throw new IllegalStateException("index() after check(): the first pass is over");
    }
    indexedDocuments++;
    int before = indexed.manifests.size();
    indexed.addDocument(DOCUMENT + indexedDocuments, document);
    for (int i = before; i < indexed.manifests.size(); i++) {
      indexed.manifests.set(i, slim(indexed.manifests.get(i), indexedDocuments));
    }
  }

  /**
   * Second pass: checks the next documents, the same as those given to {@link #index} in the same
   * order. The first call ends the first pass.
   *
   * @param documents the next documents of the input, one Jackson tree each
   * @throws IllegalStateException when more documents are checked than were indexed
   */
  public void check(List<? extends JsonNode> documents) {
    startChecking();
    if (checkedDocuments + documents.size() > indexedDocuments) {
      throw new IllegalStateException(
          "check() got more documents than index() did (" + indexedDocuments + ")");
    }
    for (JsonNode document : documents) {
      checkedDocuments++;
      checked.addDocument(DOCUMENT + checkedDocuments, document);
    }
    List<Manifest> batch = new ArrayList<>(checked.manifests);
    checked.manifests.clear();
    checked.problems.clear();
    for (Manifest m : batch) {
      m.namespaced = indexed.manifests.get(checkedCount++).namespaced;
    }
    List<List<List<Problem>>> found =
        InOrder.map(
            batch,
            m -> {
              List<Problem> own =
                  ManifestValidator.documentProblems(
                      target, context, schema, cleanShapes, customKinds, m);
              PodTemplate template = CrossIndex.templateOf(m);
              List<Problem> object = CrossChecks.objectProblems(index, m, template);
              List<Problem> pod =
                  template == null ? List.of() : CrossChecks.templateProblems(index, template);
              return List.of(own, object, pod);
            });
    for (List<List<Problem>> f : found) {
      documentProblems.addAll(f.get(0));
      objectProblems.addAll(f.get(1));
      templateProblems.addAll(f.get(2));
    }
  }

  /**
   * Ends the validation.
   *
   * @return the report over every document
   * @throws IllegalStateException when fewer documents were checked than indexed
   */
  public ValidationReport finish() {
    startChecking();
    if (checkedDocuments != indexedDocuments) {
      throw new IllegalStateException(
          "finish() after checking " + checkedDocuments + " of " + indexedDocuments + " documents");
    }
    // The order of a one-pass validation: unreadable input, each document on its own, then the
    // cross-object rules (identities, objects, pod templates); the report sorts them anyway.
    List<Problem> problems = new ArrayList<>(indexed.problems);
    problems.addAll(documentProblems);
    problems.addAll(identityProblems);
    problems.addAll(objectProblems);
    problems.addAll(templateProblems);
    return new ValidationReport(
        target,
        problems,
        schema == null ? BundledSchemas.notBundledNotice(target) : null,
        indexed.manifests.size());
  }

  /** Ends the first pass: scopes, the cross-object index and the identity rules. */
  private void startChecking() {
    if (index != null) {
      return;
    }
    List<Manifest> all = Collections.unmodifiableList(indexed.manifests);
    customKinds = ManifestValidator.customResourceScopes(all);
    for (Manifest m : all) {
      m.namespaced = ManifestValidator.namespaced(customKinds, m);
    }
    // Built on the caller's thread before any worker runs (see ManifestValidator.run).
    ApiIndex.get();
    ValueRules.load();
    CrossChecks.initialize();
    index = CrossIndex.of(indexed.manifests, context);
    IdentityChecks.check(new CrossRun(index, identityProblems));
    shared.clear();
    sharedLabels.clear();
  }

  /** How documents given as trees are named in problems: {@code document 1}, ... */
  static final String DOCUMENT = "document ";

  /**
   * Slim trees and pod specs already made, so that equal ones (every role's ConfigMap, every
   * container's ports) are one instance: a large lab's index stays small.
   */
  private final Map<JsonNode, JsonNode> shared = new HashMap<>();

  private JsonNode share(JsonNode node) {
    JsonNode first = shared.putIfAbsent(node, node);
    return first != null ? first : node;
  }

  /**
   * A manifest holding only what the rules of other objects read of it: {@code
   * metadata.generateName} (identity), a Secret's {@code type} and the keys of a Secret's or
   * ConfigMap's data (references), a CustomResourceDefinition whole (scopes), and a pod template's
   * labels and its containers' ports (Services) as {@link Manifest#indexedTemplate}.
   */
  private Manifest slim(Manifest m, int documentNumber) {
    JsonNode doc = m.doc;
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode slim = f.objectNode();
    if (m.isKind("CustomResourceDefinition")) {
      return new Manifest(m, doc, documentNumber);
    }
    JsonNode generateName = doc.path("metadata").path("generateName");
    if (generateName.isTextual()) {
      slim.putObject("metadata").set("generateName", generateName);
    }
    if (m.isKind("Secret") || m.isKind("ConfigMap")) {
      if (doc.has("type")) {
        slim.set("type", doc.get("type"));
      }
      for (String field : List.of("data", "stringData", "binaryData")) {
        JsonNode data = doc.path(field);
        if (data.isObject()) {
          ObjectNode keys = slim.putObject(field);
          data.fieldNames().forEachRemaining(k -> keys.set(k, NullNode.getInstance()));
        }
      }
    }
    Manifest kept = new Manifest(m, share(slim), documentNumber);
    PodTemplate template = CrossIndex.templateOf(m);
    if (template != null) {
      ObjectNode spec = f.objectNode();
      for (String field : List.of("containers", "initContainers")) {
        JsonNode containers = template.spec().path(field);
        if (containers.isArray()) {
          containers.forEach(c -> spec.withArray(field).add(ports(c)));
        } else if (containers.isObject()) {
          ObjectNode slimContainers = spec.putObject(field);
          containers.properties().forEach(e -> slimContainers.set(e.getKey(), ports(e.getValue())));
        }
      }
      kept.indexedTemplate =
          new PodTemplate(kept, template.at, shareLabels(template.labels()), share(spec));
    }
    return kept;
  }

  /** Label maps already seen: most labels of a lab's pods repeat. */
  private final Map<Map<String, String>, Map<String, String>> sharedLabels = new HashMap<>();

  private Map<String, String> shareLabels(Map<String, String> labels) {
    Map<String, String> first = sharedLabels.putIfAbsent(labels, labels);
    return first != null ? first : labels;
  }

  /** A container reduced to its ports; anything not an object stays as it is. */
  private static JsonNode ports(JsonNode container) {
    if (!container.isObject()) {
      return container;
    }
    ObjectNode slim = JsonNodeFactory.instance.objectNode();
    if (container.has("ports")) {
      slim.set("ports", container.get("ports"));
    }
    return slim;
  }
}
