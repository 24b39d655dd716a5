package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the target serves each object's apiVersion and kind, on every target 1.5-1.36 and with or
 * without a bundled schema, from the {@link ApiIndex}. Mirrors the API server answering {@code no
 * matches for kind "Deployment" in version "extensions/v1beta1"} for an API it does not serve.
 */
final class VersionCheck {

  private VersionCheck() {}

  /**
   * The problem of a document whose apiVersion/kind the target does not serve, or null when served
   * (custom kinds defined in the input are skipped by the caller).
   */
  static Problem check(KubernetesVersion target, Manifest m) {
    if (m.apiVersion == null || m.kind == null) {
      // Reported by the identity checks; nothing to look up.
      return null;
    }
    ApiIndex index = ApiIndex.get();
    if (index.serves(target, m.apiVersion, m.kind)) {
      return null;
    }
    String where = "Kubernetes " + target;
    List<String> serving = index.servingKind(target, m.kind);
    if (!serving.isEmpty()) {
      String first = serving.get(0);
      String others = serving.stream().skip(1).collect(Collectors.joining(", "));
      return m.problem("api-not-served", "apiVersion")
          .message(
              m.apiVersion
                  + " "
                  + m.kind
                  + " is not served by "
                  + where
                  + notes(
                      index.servesApiVersion(target, m.apiVersion)
                          ? null
                          : "no API " + m.apiVersion + " at all",
                      history(index.entry(m.apiVersion, m.kind), target)))
          .value(m.apiVersion)
          .expected("an apiVersion serving " + m.kind + ": " + String.join(", ", serving))
          .hint(
              "use apiVersion: "
                  + first
                  + " ("
                  + m.kind
                  + " is served there in "
                  + where
                  + (others.isEmpty() ? "" : "; also served as " + others)
                  + ")")
          .build();
    }
    ApiIndex.Entry known = index.entry(m.apiVersion, m.kind);
    if (known != null || !index.entriesOf(m.kind).isEmpty()) {
      // A kind of Kubernetes that this target serves under no apiVersion at all.
      ApiIndex.Entry e = known != null ? known : index.entriesOf(m.kind).get(0);
      return m.problem("api-not-served", "apiVersion")
          .message(
              m.apiVersion
                  + " "
                  + m.kind
                  + " is not served by "
                  + where
                  + notes(
                      known != null ? null : m.kind + " is " + e.apiVersion(), history(e, target)))
          .value(m.apiVersion)
          .expected("a kind that " + where + " serves")
          .hint("choose a target that serves " + m.kind + ", or leave the object out")
          .build();
    }
    List<String> like = index.kindNamesLike(target, m.kind);
    return m.problem("unknown-kind", "kind")
        .message("no kind " + m.kind + " in any API of " + where)
        .value(m.kind)
        .expected("a kind served by " + where)
        .hint(
            like.isEmpty()
                ? "check the spelling, or declare the CustomResourceDefinition in the same input"
                : "did you mean " + String.join(" or ", like) + "?")
        .build();
  }

  /** {@code removed in 1.16} or {@code served from 1.19}, from the releases serving the entry. */
  private static String history(ApiIndex.Entry e, KubernetesVersion target) {
    if (e == null || e.minors().isEmpty()) {
      return null;
    }
    if (target.minor() > e.last()) {
      return "removed in 1." + (e.last() + 1);
    }
    if (target.minor() < e.first()) {
      return "served from 1." + e.first();
    }
    return null;
  }

  /** {@code " (a; b)"} of the notes that are not null, or nothing. */
  private static String notes(String a, String b) {
    if (a == null && b == null) {
      return "";
    }
    return " (" + (a == null ? b : b == null ? a : a + "; " + b) + ")";
  }
}
