package io.saltlab.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secret data never survives masking; everything else does, unchanged. */
class SecretMaskTest {
  private static final String SECRET =
      String.join(
          "\n",
          "# header",
          "apiVersion: v1",
          "kind: Secret",
          "metadata:",
          "  name: pull",
          "data:",
          "  .dockerconfigjson: c2VjcmV0",
          "  other: |",
          "    multi-line-secret",
          "    second-line",
          "stringData: {password: hunter2}",
          "type: kubernetes.io/dockerconfigjson",
          "");

  @Test
  void hidesDataAndStringDataOfSecretsOnly() {
    String masked = SecretMask.mask(SECRET + "---\nkind: ConfigMap\ndata:\n  key: visible\n");
    assertThat(masked)
        .doesNotContain("c2VjcmV0", "multi-line-secret", "second-line", "hunter2")
        .contains(
            "  .dockerconfigjson: <hidden>\n",
            "  other: <hidden>\n",
            "stringData: <hidden>\n",
            "type: kubernetes.io/dockerconfigjson\n",
            "  name: pull\n",
            "  key: visible\n");
  }

  @Test
  void pairedMasksShowWhichValuesDiffer() {
    SecretMask.Pair p =
        SecretMask.maskPair(SECRET, "old", SECRET.replace("c2VjcmV0", "b3RoZXI="), "new");
    assertThat(p.oldText())
        .contains("  .dockerconfigjson: <hidden, old value>", "  other: <hidden>\n");
    assertThat(p.newText())
        .contains("  .dockerconfigjson: <hidden, new value>", "  other: <hidden>\n")
        .doesNotContain("b3RoZXI=");
  }

  @Test
  void textWithoutSecretsIsUnchanged() {
    String deployment = "kind: Deployment\nspec:\n  data: not-a-secret\n";
    assertThat(SecretMask.mask(deployment)).isEqualTo(deployment);
  }

  @Test
  void brokenSecretsStillHideWhatIsUnderData() {
    String broken = "kind: Secret\ndata:\n  - c2VjcmV0\n";
    assertThat(SecretMask.mask(broken)).doesNotContain("c2VjcmV0");
  }
}
