package io.saltlab.core.validate;

import static io.saltlab.core.validate.Rules.dnsSubdomain;
import static io.saltlab.core.validate.Rules.intOrPercent;
import static io.saltlab.core.validate.Rules.nonEmptyList;
import static io.saltlab.core.validate.Rules.oneOf;
import static io.saltlab.core.validate.Rules.oneOfSince;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.validate.Shape.At;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The value rules of metadata, label selectors, PersistentVolumeClaims, PodDisruptionBudgets, RBAC
 * objects, Secrets and ConfigMaps, mirroring k8s.io/apimachinery validation (ObjectMeta,
 * LabelSelector) and k8s.io/kubernetes pkg/apis/core, policy and rbac validation.
 */
final class ObjectRules {

  private ObjectRules() {}

  /** ValidateAnnotations: keys and values together at most 256 KiB. */
  static final int ANNOTATIONS_MAX = 256 * 1024;

  /** ValidateConfigMap and ValidateSecret: the data together at most 1 MiB. */
  static final int DATA_MAX = 1024 * 1024;

  static final Shape METADATA =
      new Shape("ObjectMeta")
          .value(
              "annotations",
              (run, v, at) -> {
                long total = 0;
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                  total += e.getKey().length() + e.getValue().asText("").length();
                }
                if (total > ANNOTATIONS_MAX) {
                  run.error(
                      "too-large",
                      at,
                      null,
                      "annotations total " + total + " bytes",
                      "at most " + ANNOTATIONS_MAX + " bytes (256 KiB) of keys and values",
                      "move large data into a ConfigMap");
                }
              });

  // LabelSelectorRequirement: operator In, NotIn, Exists or DoesNotExist; In and NotIn need values
  // ("must be specified when `operator` is 'In' or 'NotIn'"), Exists and DoesNotExist take none.
  static final Shape LABEL_SELECTOR =
      new Shape("LabelSelector")
          .list(
              "matchExpressions",
              new Shape("LabelSelectorRequirement")
                  .value("operator", oneOf("In", "NotIn", "Exists", "DoesNotExist"))
                  .rule(
                      (run, o, at) -> {
                        String op = o.path("operator").asText("");
                        boolean hasValues = o.path("values").size() > 0;
                        if ((op.equals("In") || op.equals("NotIn")) && !hasValues) {
                          run.error(
                              "selector-values",
                              at.child("values"),
                              null,
                              "operator " + op + " needs values",
                              "at least one value",
                              null);
                        } else if ((op.equals("Exists") || op.equals("DoesNotExist"))
                            && hasValues) {
                          run.error(
                              "selector-values",
                              at.child("values"),
                              o.get("values"),
                              "operator " + op + " takes no values",
                              "no values",
                              null);
                        }
                      }));

  // ValidatePersistentVolumeClaimSpec: accessModes required, each ReadWriteOnce, ReadOnlyMany,
  // ReadWriteMany or ReadWriteOncePod (from 1.22); a storage request is required and positive;
  // volumeMode Filesystem or Block; storageClassName a DNS-1123 subdomain.
  static final Shape PVC_SPEC =
      new Shape("PersistentVolumeClaimSpec")
          .value(
              "accessModes",
              nonEmptyList("accessModes"),
              (run, v, at) -> {
                for (int i = 0; v.isArray() && i < v.size(); i++) {
                  oneOfSince(
                          "ReadWriteOnce",
                          5,
                          "ReadOnlyMany",
                          5,
                          "ReadWriteMany",
                          5,
                          "ReadWriteOncePod",
                          22)
                      .check(run, v.get(i), at.index(i));
                }
              })
          .value("volumeMode", oneOf("Filesystem", "Block"))
          .value("storageClassName", dnsSubdomain())
          .object("resources", PodRules.RESOURCES)
          .object("selector", LABEL_SELECTOR)
          .rule(
              (run, o, at) -> {
                if (!o.path("resources").path("requests").has("storage")) {
                  run.error(
                      "required-value",
                      at.child("resources").child("requests"),
                      null,
                      "a claim needs a storage request",
                      "resources.requests.storage such as 1Gi",
                      null);
                }
                Rules.require(run, o, at, "accessModes", "accessModes such as [ReadWriteOnce]");
              });

  // ValidatePodDisruptionBudgetSpec: minAvailable and maxUnavailable not both ("minAvailable and
  // maxUnavailable cannot be both set"); each an integer or a percentage up to 100%;
  // unhealthyPodEvictionPolicy IfHealthyBudget or AlwaysAllow (from 1.26).
  static final Shape PDB_SPEC =
      new Shape("PodDisruptionBudgetSpec")
          .value("minAvailable", intOrPercent(100))
          .value("maxUnavailable", intOrPercent(100))
          .value("unhealthyPodEvictionPolicy", oneOfSince("IfHealthyBudget", 26, "AlwaysAllow", 26))
          .object("selector", LABEL_SELECTOR)
          .rule(
              (run, o, at) -> {
                if (o.hasNonNull("minAvailable") && o.hasNonNull("maxUnavailable")) {
                  run.error(
                      "mutually-exclusive",
                      at.child("maxUnavailable"),
                      o.get("maxUnavailable"),
                      "minAvailable and maxUnavailable cannot both be set",
                      "one of them",
                      null);
                }
              });

  // PolicyRule: verbs required; a rule with resources needs apiGroups; a namespaced Role may not
  // name nonResourceURLs ("namespaced rules cannot apply to non-resource URLs").
  static Shape role(boolean namespaced) {
    return new Shape(namespaced ? "Role" : "ClusterRole")
        .list(
            "rules",
            new Shape("PolicyRule")
                .rule(
                    (run, o, at) -> {
                      Rules.require(run, o, at, "verbs", "verbs such as [get, list, watch]");
                      if (o.path("resources").size() > 0 && !o.has("apiGroups")) {
                        run.error(
                            "required-value",
                            at.child("apiGroups"),
                            null,
                            "a rule with resources needs apiGroups",
                            "apiGroups, [\"\"] for the core group",
                            null);
                      }
                      if (namespaced && o.path("nonResourceURLs").size() > 0) {
                        run.error(
                            "not-allowed",
                            at.child("nonResourceURLs"),
                            o.get("nonResourceURLs"),
                            "a Role cannot grant non-resource URLs",
                            "a ClusterRole for nonResourceURLs",
                            null);
                      }
                    }));
  }

  // ValidateRoleBinding: roleRef.apiGroup rbac.authorization.k8s.io; roleRef.kind Role or
  // ClusterRole (ClusterRole only for a ClusterRoleBinding); subjects ServiceAccount, User or
  // Group; a ServiceAccount subject in a ClusterRoleBinding needs its namespace.
  static Shape binding(boolean namespaced) {
    return new Shape(namespaced ? "RoleBinding" : "ClusterRoleBinding")
        .object(
            "roleRef",
            new Shape("RoleRef")
                .value("apiGroup", oneOf("rbac.authorization.k8s.io"))
                .value("kind", namespaced ? oneOf("Role", "ClusterRole") : oneOf("ClusterRole")))
        .list(
            "subjects",
            new Shape("Subject")
                .value("kind", oneOf("ServiceAccount", "User", "Group"))
                .rule(
                    (run, o, at) -> {
                      if (!namespaced
                          && "ServiceAccount".equals(o.path("kind").asText())
                          && o.path("namespace").asText("").isEmpty()) {
                        run.error(
                            "required-value",
                            at.child("namespace"),
                            null,
                            "a ServiceAccount subject of a ClusterRoleBinding needs its namespace",
                            "the ServiceAccount's namespace",
                            null);
                      }
                    }));
  }

  /** Secret: the decoded data and stringData together at most 1 MiB; keys a type requires. */
  static void secretRules(RuleRun run, JsonNode doc, At at) {
    long total = 0;
    // What kubectl apply copies into its annotation: the text as written, base64 included.
    long written = 0;
    for (Map.Entry<String, JsonNode> e : doc.path("data").properties()) {
      String text = e.getValue().asText("");
      total += decodedLength(text);
      written += e.getKey().length() + text.length();
    }
    for (Map.Entry<String, JsonNode> e : doc.path("stringData").properties()) {
      long bytes = e.getValue().asText("").getBytes(StandardCharsets.UTF_8).length;
      total += bytes;
      written += e.getKey().length() + bytes;
    }
    tooLarge(run, at, total, written, "Secret");
    String type = doc.path("type").asText("");
    String[][] required = {
      {"kubernetes.io/tls", "tls.crt", "tls.key"},
      {"kubernetes.io/ssh-auth", "ssh-privatekey"},
    };
    for (String[] r : required) {
      if (type.equals(r[0])) {
        for (int i = 1; i < r.length; i++) {
          if (!doc.path("data").has(r[i]) && !doc.path("stringData").has(r[i])) {
            run.error(
                "secret-missing-key",
                at.child("data"),
                null,
                "a Secret of type " + type + " needs the key " + r[i],
                "data[\"" + r[i] + "\"]",
                null);
          }
        }
      }
    }
    if (type.equals("kubernetes.io/basic-auth")) {
      boolean any = false;
      for (String k : new String[] {"username", "password"}) {
        any |= doc.path("data").has(k) || doc.path("stringData").has(k);
      }
      if (!any) {
        run.error(
            "secret-missing-key",
            at.child("data"),
            null,
            "a Secret of type kubernetes.io/basic-auth needs username or password",
            "data.username or data.password",
            null);
      }
    }
  }

  /** ConfigMap: data and binaryData together at most 1 MiB, no key in both. */
  static void configMapRules(RuleRun run, JsonNode doc, At at) {
    long total = 0;
    for (Map.Entry<String, JsonNode> e : doc.path("data").properties()) {
      total +=
          e.getKey().length() + e.getValue().asText("").getBytes(StandardCharsets.UTF_8).length;
    }
    long written = total;
    for (Map.Entry<String, JsonNode> e : doc.path("binaryData").properties()) {
      total += e.getKey().length() + decodedLength(e.getValue().asText(""));
      written += e.getKey().length() + e.getValue().asText("").length();
      if (doc.path("data").has(e.getKey())) {
        run.error(
            "duplicate-data-key",
            at.child("binaryData").child(e.getKey()),
            null,
            "key " + e.getKey() + " is in both data and binaryData",
            "each key once",
            null);
      }
    }
    tooLarge(run, at, total, written, "ConfigMap");
  }

  /**
   * The API server's 1 MiB for the data, and a warning below it for what client-side {@code kubectl
   * apply} refuses: it copies the object as written into the annotation {@code
   * kubectl.kubernetes.io/last-applied-configuration}, and annotations are limited to 256 KiB, so
   * data written larger than that can be created but never applied that way.
   */
  private static void tooLarge(RuleRun run, At at, long total, long written, String kind) {
    if (total > DATA_MAX) {
      run.error(
          "too-large",
          at.child("data"),
          null,
          "the " + kind + "'s data is " + total + " bytes",
          "at most " + DATA_MAX + " bytes (1 MiB)",
          "split it, or mount the data from elsewhere");
    } else if (written > ANNOTATIONS_MAX) {
      run.warning(
          "too-large-to-apply",
          at.child("data"),
          null,
          "the "
              + kind
              + "'s data is "
              + written
              + " bytes as written; client-side kubectl apply copies the object into the"
              + " last-applied-configuration annotation and fails with 'Too long'",
          "at most " + ANNOTATIONS_MAX + " bytes (256 KiB) for kubectl apply",
          "apply it with kubectl apply --server-side (or kubectl create/replace), or split it");
    }
  }

  private static long decodedLength(String base64) {
    try {
      return Base64.getMimeDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.length();
    }
  }
}
