package io.saltlab.core.internal.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPatchTest {

  private static JsonNode yaml(String text) {
    return YamlTrees.document("test", text);
  }

  private static JsonPatch patch(String text) {
    List<JsonPatch.Problem> problems = new ArrayList<>();
    JsonPatch p = JsonPatch.parse(yaml(text), problems);
    assertThat(problems).isEmpty();
    return p;
  }

  private static List<JsonPatch.Problem> problems(String text) {
    List<JsonPatch.Problem> problems = new ArrayList<>();
    assertThat(JsonPatch.parse(yaml(text), problems)).isNull();
    return problems;
  }

  private static final String DOC =
      "{kind: Deployment, metadata: {name: orders, labels: {a: b}},"
          + " spec: {replicas: 1, list: [x, y]}}";

  @Test
  void everyOperationOfTheRfcAppliesToACopy() throws Exception {
    JsonNode doc = yaml(DOC);
    JsonNode out =
        patch(
                "[{op: add, path: /metadata/labels/c, value: d},"
                    + "{op: replace, path: /spec/replicas, value: 3},"
                    + "{op: add, path: /spec/list/1, value: inserted},"
                    + "{op: add, path: /spec/list/-, value: last},"
                    + "{op: remove, path: /metadata/labels/a},"
                    + "{op: copy, from: /spec/replicas, path: /spec/copied},"
                    + "{op: move, from: /spec/copied, path: /spec/moved},"
                    + "{op: test, path: /spec/moved, value: 3.0}]")
            .applyTo(doc);
    assertThat(out.toString())
        .isEqualTo(
            "{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"orders\",\"labels\":{\"c\":\"d\"}},"
                + "\"spec\":{\"replicas\":3,\"list\":[\"x\",\"inserted\",\"y\",\"last\"],"
                + "\"moved\":3}}");
    assertThat(doc).isEqualTo(yaml(DOC));
  }

  @Test
  void pointerEscapesFollowRfc6901() throws Exception {
    JsonNode out =
        patch(
                "[{op: add, path: '/metadata/annotations', value: {}},"
                    + "{op: add, path: '/metadata/annotations/saltlab.io~1team~0x', value: shop}]")
            .applyTo(yaml(DOC));
    assertThat(out.path("metadata").path("annotations").path("saltlab.io/team~x").asText())
        .isEqualTo("shop");
  }

  @Test
  void aPointerToNothingNamesWhatExists() {
    JsonPatch p = patch("[{op: replace, path: /spec/replicaz, value: 2}]");
    assertThatThrownBy(() -> p.applyTo(yaml(DOC)))
        .isInstanceOf(PatchException.class)
        .hasMessage(
            "operation 1 (replace /spec/replicaz): /spec has no member 'replicaz'; it has list,"
                + " replicas (did you mean 'replicas'?)");
    JsonPatch index = patch("[{op: remove, path: /spec/list/5}]");
    assertThatThrownBy(() -> index.applyTo(yaml(DOC)))
        .hasMessageContaining(
            "/spec/list is a list of 2 items; '5' is not an index of it (0 to 1)");
  }

  @Test
  void aFailedTestSaysBothValuesAndChangesNothing() {
    JsonPatch p =
        patch(
            "[{op: replace, path: /spec/replicas, value: 5}, {op: test, path: /spec/replicas,"
                + " value: 2}]");
    assertThatThrownBy(() -> p.applyTo(yaml(DOC)))
        .hasMessage(
            "operation 2 (test /spec/replicas) failed: the value at /spec/replicas is 5, the test"
                + " expects 2");
  }

  @Test
  void aSecretsValuesNeverReachAMessage() {
    JsonPatch p = patch("[{op: test, path: /data/password, value: c2VjcmV0}]");
    assertThatThrownBy(() -> p.applyTo(yaml("{kind: Secret, data: {password: aHVudGVyMg==}}")))
        .hasMessageContaining("is <hidden>, the test expects <hidden>")
        .hasMessageNotContaining("aHVudGVyMg")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void malformedOperationsAreAllReportedWithHints() {
    List<JsonPatch.Problem> p =
        problems(
            "[{op: ad, path: /a}, {op: add, path: a, value: 1}, {op: add, path: '/a~2', value: 1},"
                + " {op: replace, path: /a, vaule: 1}, {op: move, from: /a, path: /a/b}, 7]");
    assertThat(p)
        .extracting(JsonPatch.Problem::message)
        .containsExactly(
            "unknown op 'ad'; expected one of add, remove, replace, move, copy, test (did you mean"
                + " 'add'?)",
            "'a' is not a JSON Pointer: it must be empty (the whole object) or start with '/', for"
                + " example /spec/replicas",
            "'/a~2' is not a JSON Pointer: '~' at character 3 must be followed by 0 (for '~') or 1"
                + " (for '/')",
            "'vaule' is not a member of a 'replace' operation; it takes op, path, value (did you"
                + " mean 'value'?)",
            "a 'replace' operation needs a 'value'",
            "cannot move /a into its own child /a/b (RFC 6902, section 4.4)",
            "an operation is a mapping with 'op' and 'path', found a number");
    assertThat(problems("{op: add}")).extracting(JsonPatch.Problem::operation).containsExactly(-1);
    assertThat(problems("[]").get(0).message()).isEqualTo("the JSON patch has no operations");
  }
}
