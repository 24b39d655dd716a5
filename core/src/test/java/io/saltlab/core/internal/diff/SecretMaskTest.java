package io.saltlab.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Secret data never survives masking, however the Secret is written; everything else does. */
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
            "stringData: {password: <hidden>}\n",
            "type: kubernetes.io/dockerconfigjson\n",
            "  name: pull\n",
            "  key: visible\n");
  }

  @Test
  void pairedMasksShowWhichValuesDiffer() {
    SecretMask.Pair p =
        SecretMask.maskPair(SECRET, "old", SECRET.replace("c2VjcmV0", "b3RoZXI="), "new");
    assertThat(p.opaque()).isFalse();
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

  /** The fourteen rewritings of a committed Secret that leaked through the textual mask. */
  @Test
  void secretsRewrittenInAnyYamlFormStillHideTheirData() {
    String v = "c2VjcmV0LXZhbHVlLWxlYWtlZA==";
    List<String> forms =
        List.of(
            "\"kind\": Secret\n\"data\": {\"password\": \"" + v + "\"}\n",
            "kind : Secret\ndata :\n  password : " + v + "\n",
            "  kind: Secret\n  data:\n    password: " + v + "\n",
            "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"data\": {\"password\": \""
                + v
                + "\"}}\n",
            "kind: !!str Secret\ndata:\n  password: " + v + "\n",
            "kind: Secret\ndata: {\n  password:\n    " + v + "\n}\n",
            "kind: \"\\x53ecret\"\ndata:\n  password: " + v + "\n",
            "kind: 'Secret'\ndata:\n  ? password\n  : " + v + "\n",
            "metadata:\n  annotations:\n    copy: &pw "
                + v
                + "\nkind: Secret\ndata:\n  password: *pw\n",
            "base: &b {password: " + v + "}\nkind: Secret\ndata:\n  <<: *b\n",
            "kind: List\nitems:\n- kind: Secret\n  data:\n    password: " + v + "\n",
            "kind: Secret\nData:\n  password: " + v + "\n",
            "kind: Secret\ndata:\n  password: >-\n    "
                + v.substring(0, 10)
                + "\n    "
                + v.substring(10)
                + "\n",
            "kind: Secret\r\ndata:\r\n  password: " + v + "\r\n",
            "kind: !!binary U2VjcmV0\ndata:\n  password: " + v + "\n",
            "--- !foo\nkind: Secret\ndata: !bar\n  password: !baz " + v + "\n");
    for (String form : forms) {
      SecretMask.Pair p = SecretMask.maskPair(form, "committed", "kind: Secret\n", "rendered");
      assertThat(p.oldText() + p.newText()).as(form).doesNotContain(v.substring(0, 10));
      assertThat(SecretMask.mayHoldSecret(form)).as(form).isTrue();
    }
  }

  /** kubectl get secret -o yaml keeps the applied Secret, data and all, in an annotation. */
  @Test
  void theLastAppliedAnnotationOfASecretIsHiddenAsItsDataIs() {
    String v = "c2VjcmV0LXZhbHVlLWxlYWtlZA==";
    String json = "'{\"data\":{\"password\":\"" + v + "\"},\"kind\":\"Secret\"}'";
    List<String> forms =
        List.of(
            "kind: Secret\nmetadata:\n  annotations:\n"
                + "    kubectl.kubernetes.io/last-applied-configuration: "
                + json
                + "\n  name: pull\n",
            "kind: Secret\nmetadata:\n  annotations:\n"
                + "    kubectl.kubernetes.io/last-applied-configuration: |\n      {\"data\":"
                + " {\"password\": \""
                + v
                + "\"}}\n",
            "{\"kind\": \"Secret\", \"metadata\": {\"annotations\":"
                + " {\"kubectl.kubernetes.io/last-applied-configuration\": \"{\\\"data\\\":"
                + " {\\\"password\\\": \\\""
                + v
                + "\\\"}}\"}}}\n");
    for (String form : forms) {
      SecretMask.Pair p = SecretMask.maskPair(form, "committed", "kind: Secret\n", "rendered");
      assertThat(p.opaque()).as(form).isFalse();
      assertThat(p.oldText()).as(form).doesNotContain(v.substring(0, 10)).contains("<hidden");
    }
    String configMap =
        "kind: ConfigMap\n"
            + "metadata:\n"
            + "  annotations:\n"
            + "    kubectl.kubernetes.io/last-applied-configuration:"
            + " '{\"data\":{\"a\":\"shown\"}}'\n";
    assertThat(SecretMask.mask(configMap)).isEqualTo(configMap);
  }

  @Test
  void aTextThatDoesNotParseButMayHoldASecretIsOpaque() {
    String broken = "kind: Secret\ndata:\n  password: c2VjcmV0\n  - [unclosed\n";
    SecretMask.Pair p = SecretMask.maskPair(broken, "committed", SECRET, "rendered");
    assertThat(p.opaque()).isTrue();
    assertThat(p.oldText() + p.newText()).isEmpty();
    // Broken beyond spelling the word, but in place of a Secret: still opaque (found by the
    // fuzzer).
    String truncated = "a: &v c2VjcmV0LXZhbHVl\nkind: 'Secre";
    assertThat(SecretMask.maskPair(truncated, "committed", SECRET, "rendered").opaque()).isTrue();
    // A broken file with nothing like a Secret in it, facing none, is still shown.
    SecretMask.Pair plain =
        SecretMask.maskPair("kind: ConfigMap\n  - [x\n", "committed", "kind: ConfigMap\n", "r");
    assertThat(plain.opaque()).isFalse();
    assertThat(plain.oldText()).contains("ConfigMap");
  }

  @Test
  void utf16TextIsOpaque() {
    String utf16AsUtf8 = "k\0i\0n\0d\0:\0 \0S\0e\0c\0r\0e\0t\0";
    assertThat(SecretMask.maskPair(utf16AsUtf8, "a", "", "b").opaque()).isTrue();
  }
}
