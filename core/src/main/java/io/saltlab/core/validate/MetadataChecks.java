package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesNames;

/**
 * Rules on metadata, by the API server's ValidateObjectMeta: label keys and values, annotation keys
 * (k8s.io/apimachinery validation IsQualifiedName, IsValidLabelValue).
 */
final class MetadataChecks {

  private MetadataChecks() {}

  static void checkMetadata(CrossRun r, Manifest m) {
    checkLabels(r, m, "metadata.labels", m.doc.path("metadata").path("labels"));
    checkAnnotationKeys(r, m, "metadata.annotations", m.doc.path("metadata").path("annotations"));
  }

  static void checkLabels(CrossRun r, Manifest m, String path, JsonNode labels) {
    labels
        .properties()
        .forEach(
            e -> {
              // The path is only built for a problem: most labels have none.
              String why = r.index.qualifiedKey(e.getKey());
              if (why != null) {
                String at = FieldPaths.child(path, e.getKey());
                r.out.add(
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
                  r.out.add(
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
                r.out.add(
                    m.problem("invalid-label-value", at)
                        .message("invalid label value: " + vwhy)
                        .value(m.shown(at, v))
                        .expected("at most 63 of letters, digits, '-', '_', '.'")
                        .build());
              }
            });
  }

  static void checkAnnotationKeys(CrossRun r, Manifest m, String path, JsonNode annotations) {
    annotations
        .fieldNames()
        .forEachRemaining(
            k -> {
              String why = r.index.qualifiedKey(k);
              if (why != null) {
                r.out.add(
                    m.problem("invalid-annotation-key", FieldPaths.child(path, k))
                        .message("invalid annotation key: " + why)
                        .value(k)
                        .expected("[DNS-subdomain prefix/]name, name at most 63 characters")
                        .build());
              }
            });
  }
}
