package io.saltlab.core.validate;

import io.saltlab.core.KubernetesNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Cross-object rules on identities: apiVersion, kind and name present, names valid for their kind,
 * no object defined twice, every namespace in the input or declared as existing. Runs once over the
 * whole input, in input order (the first definition of a duplicate is the one kept).
 */
final class IdentityChecks {

  private IdentityChecks() {}

  static void check(CrossRun r) {
    Map<String, Manifest> seen = new HashMap<>();
    for (Manifest m : r.index.manifests) {
      if (m.apiVersion == null) {
        r.out.add(
            m.problem("missing-field", "apiVersion")
                .message("missing required field apiVersion")
                .expected("apiVersion such as v1 or apps/v1")
                .build());
      }
      if (m.kind == null) {
        r.out.add(
            m.problem("missing-field", "kind")
                .message("missing required field kind")
                .expected("kind such as Deployment")
                .build());
      }
      if (m.name == null) {
        if (!m.doc.path("metadata").path("generateName").isTextual()) {
          r.out.add(
              m.problem("missing-field", "metadata.name")
                  .message("missing required field metadata.name")
                  .expected(KubernetesNames.objectNameRule(m.kind))
                  .build());
        }
      } else {
        String why = KubernetesNames.objectName(m.kind, m.name);
        if (why != null) {
          r.out.add(
              m.problem("invalid-name", "metadata.name")
                  .message("invalid name: " + why)
                  .value(m.name)
                  .expected(KubernetesNames.objectNameRule(m.kind))
                  .build());
        }
        String key = m.kind + "/" + (m.namespaced ? m.namespace() : "") + "/" + m.name;
        Manifest first = seen.putIfAbsent(key, m);
        if (first != null) {
          r.out.add(
              m.problem("duplicate-object", "metadata.name")
                  .message("duplicate object: " + m.resource() + " is defined twice")
                  .value(m.name)
                  .expected("one definition per kind, namespace and name")
                  .hint(
                      "the first definition is in "
                          + first.source()
                          + "; the later one would replace it")
                  .build());
        }
      }
      if (m.declaredNamespace != null) {
        String why = r.index.dns1123Label(m.declaredNamespace);
        if (why != null) {
          r.out.add(
              m.problem("invalid-name", "metadata.namespace")
                  .message("invalid namespace name: " + why)
                  .value(m.declaredNamespace)
                  .expected("a DNS-1123 label")
                  .build());
        }
      }
      if (m.namespaced
          && m.kind != null
          && !r.index.inputNamespaces.contains(m.namespace())
          && !r.index.context.hasNamespace(m.namespace())) {
        r.out.add(
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
                    "add a Namespace object to the manifests, or declare the namespace as"
                        + " existing")
                .build());
      }
    }
  }
}
