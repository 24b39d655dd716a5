package io.saltlab.core.validate;

import io.saltlab.core.KubernetesNames;
import java.util.Base64;
import java.util.List;

/**
 * Rules on Secret and ConfigMap payloads (ValidateSecret, ValidateConfigMap): valid keys, base64
 * where bytes are expected, the keys a Secret type requires.
 */
final class DataChecks {

  private DataChecks() {}

  static void checkData(CrossRun r, Manifest m) {
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
                  r.out.add(
                      m.problem("invalid-data-key", at)
                          .message("invalid key: " + why)
                          .value(e.getKey())
                          .expected("letters, digits, '-', '_' or '.'")
                          .build());
                }
                if ((field.equals("binaryData") || (m.isSecret() && field.equals("data")))
                    && e.getValue().isTextual()
                    && !isBase64(e.getValue().asText())) {
                  r.out.add(
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
        r.out.add(
            m.problem("secret-missing-key", "data")
                .message("a Secret of type " + type + " needs the key " + required)
                .expected("data[\"" + required + "\"]")
                .build());
      }
    }
  }

  static boolean isBase64(String text) {
    try {
      // Like the API server (Go encoding/base64), tolerate line breaks but nothing else.
      Base64.getDecoder().decode(text.replace("\n", "").replace("\r", ""));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
