package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A workload's selector must match its own pod template's labels (apps and batch validation:
 * "selector does not match template labels"), and must not be empty.
 */
final class SelectorChecks {

  private SelectorChecks() {}

  private static final Set<String> LABEL_SELECTOR_KINDS =
      Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job");

  /**
   * Checks a workload's selector against its own pod template.
   *
   * @param t the workload's template, or null when it has none
   */
  static void checkWorkloadSelector(CrossRun r, Manifest m, PodTemplate t) {
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
                      r,
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
    JsonNode expressions = CrossIndex.array(selector.path("matchExpressions"));
    if (matchLabels.size() == 0 && expressions.size() == 0) {
      r.out.add(
          m.problem("empty-selector", "spec.selector")
              .message("empty selector would select every pod in the namespace")
              .expected("matchLabels or matchExpressions matching " + labelsPath)
              .build());
      return;
    }
    MetadataChecks.checkLabels(r, m, "spec.selector.matchLabels", matchLabels);
    matchLabels
        .properties()
        .forEach(
            e ->
                checkSelectorLabel(
                    r,
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
        r.out.add(
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

  static void checkSelectorLabel(
      CrossRun r,
      Manifest m,
      String at,
      String key,
      JsonNode value,
      Map<String, String> labels,
      String labelsPath) {
    String want = value.asText();
    if (!want.equals(labels.get(key))) {
      r.out.add(
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

  static boolean matchesExpression(JsonNode ex, Map<String, String> labels) {
    String key = ex.path("key").asText();
    Set<String> values = new HashSet<>();
    ex.path("values").forEach(v -> values.add(v.asText()));
    String operator = ex.path("operator").asText();
    if ((operator.equals("In") || operator.equals("NotIn")) && values.isEmpty()) {
      // An expression without values is refused for itself (selector-values): no second problem.
      return true;
    }
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
}
