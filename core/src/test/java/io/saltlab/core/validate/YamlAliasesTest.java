package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import org.junit.jupiter.api.Test;

/**
 * Manifests written with anchors, aliases and merge keys are checked as the API server reads them
 * (expanded), not as Jackson's tree reader gives them (an alias as the anchor's name).
 */
class YamlAliasesTest {

  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\n"
          + "kind: Deployment\n"
          + "metadata:\n"
          + "  name: web\n"
          + "  namespace: default\n"
          + "  labels: &labels {app: web}\n"
          + "spec:\n"
          + "  replicas: &replicas 2\n"
          + "  selector:\n"
          + "    matchLabels: *labels\n"
          + "  template:\n"
          + "    metadata:\n"
          + "      labels: *labels\n"
          + "    spec:\n"
          + "      containers:\n"
          + "        - &base\n"
          + "          name: web\n"
          + "          image: nginx:1.27\n"
          + "          resources: {limits: {memory: 64Mi}}\n"
          + "        - <<: *base\n"
          + "          name: sidecar\n";

  private static ValidationReport validate(String yaml) {
    return ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validateYaml("in.yaml", yaml);
  }

  @Test
  void anchorsAliasesAndMergeKeysAreExpandedBeforeTheChecks() {
    ValidationReport report = validate(DEPLOYMENT);
    assertThat(report.problems()).as(report.format()).isEmpty();
  }

  @Test
  void theExpandedTreeIsWhatTheChecksSee() {
    // An anchored mapping that differs from the pods' labels: the selector check must see it.
    String wrong =
        DEPLOYMENT
            .replace("  labels: &labels {app: web}", "  labels: &labels {app: api}")
            .replace("      labels: *labels", "      labels: {app: web}");
    ValidationReport report = validate(wrong);
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.path())
        .as(report.format())
        .containsExactly("selector-mismatch spec.selector.matchLabels.app");
    // Without the merge key's expansion the sidecar would have no image; its own name wins.
    String noMerge = DEPLOYMENT.replace("<<: *base", "<<: {}");
    assertThat(validate(noMerge).format()).contains("containers[1].image");
  }

  @Test
  void anAliasOfASingleValueIsAProblemNotAGuess() {
    ValidationReport report =
        validate(DEPLOYMENT.replace("matchLabels: *labels", "matchLabels: {app: *replicas}"));
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.source())
        .containsExactly("yaml-alias in.yaml:10");
    assertThat(report.format()).contains("an alias of a single value must be written out");
  }

  @Test
  void anAliasToNoAnchorIsAProblemWithItsLine() {
    ValidationReport report =
        validate(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a, namespace: default}\n"
                + "data: {a: b}\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata: *m\ndata: {a: b}\n");
    // Anchors do not cross documents, as in the API server's reader.
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.source())
        .containsExactly("yaml-alias in.yaml:8");
    assertThat(report.format()).contains("alias *m names no mapping or list anchored before it");
  }

  @Test
  void anAliasBombIsRefusedInsteadOfExpanded() {
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\n");
    yaml.append("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    ValidationReport report = validate(yaml.toString());
    assertThat(report.problems()).extracting(Problem::check).containsExactly("yaml-alias");
    assertThat(report.format()).contains("more than 1000000 values");
  }

  /** Few values, much text: 5,000 aliases of a 3 MB string ran a 128 MB heap out of memory. */
  @Test
  void anAliasBombOfTextIsRefusedInsteadOfExpanded() {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    yaml.append("data:\n  a: &a [\"").append("x".repeat(3_000_000)).append("\"]\n  b: [*a");
    yaml.append(", *a".repeat(4_999)).append("]\n");
    ValidationReport report = validate(yaml.toString());
    assertThat(report.problems()).extracting(Problem::check).containsExactly("yaml-alias");
    assertThat(report.format())
        .contains("repeats more than " + YamlAliases.MAX_ALIASED_CHARS + " characters");
    // The same text written once, or aliased a few times, is read.
    String twice =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nx-a: &a [\""
            + "y".repeat(1000)
            + "\"]\nx-b: [*a, *a]\n";
    assertThat(validate(twice).problems()).extracting(Problem::check).doesNotContain("yaml-alias");
  }

  @Test
  void deepNestingInAnAnchoredTextEndsInAProblemNotAStackOverflow() throws Exception {
    String yaml = "a: &x b\nc: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    // On a thread with a small stack, as the validator's workers may have.
    ValidationReport[] report = new ValidationReport[1];
    Thread t = new Thread(null, () -> report[0] = validate(yaml), "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertThat(report[0]).isNotNull();
    assertThat(report[0].problems()).extracting(Problem::check).hasSize(1);
    assertThat(report[0].format()).contains("nesting deeper than 256 levels");
  }

  @Test
  void aTextWithoutAnyAnchorIsReadAsBefore() {
    assertThat(YamlAliases.mayHoldAliases("a: b\nc: '*d'\n")).isFalse();
    assertThat(YamlAliases.mayHoldAliases("a: &x b\n")).isTrue();
  }
}
