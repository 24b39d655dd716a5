package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A pod template (or a Pod) found in the input, with its location; immutable. */
final class PodTemplate {
  final Manifest owner;

  /** Path of the template object: {@code spec.template}, or empty for a Pod. */
  final String at;

  final JsonNode node;

  /** The template's pod spec. */
  private final JsonNode spec;

  /** The template's labels, read once: every Service in the namespace compares against them. */
  private final Map<String, String> labels;

  PodTemplate(Manifest owner, String at, JsonNode node) {
    this.owner = owner;
    this.at = at;
    this.node = node;
    this.spec = node.path("spec");
    this.labels = labelsOf(node);
  }

  /**
   * What the index keeps of another object's template in a {@link TwoPassValidation}: its labels
   * and a pod spec holding only the containers' ports; no node.
   */
  PodTemplate(Manifest owner, String at, Map<String, String> labels, JsonNode spec) {
    this.owner = owner;
    this.at = at;
    this.node = null;
    this.spec = spec;
    this.labels = labels;
  }

  static Map<String, String> labelsOf(JsonNode node) {
    Map<String, String> read = new TreeMap<>();
    node.path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> read.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(read);
  }

  Map<String, String> labels() {
    return labels;
  }

  String specPath() {
    return FieldPaths.child(at, "spec");
  }

  JsonNode spec() {
    return spec;
  }
}
