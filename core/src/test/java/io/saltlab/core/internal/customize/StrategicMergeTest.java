package io.saltlab.core.internal.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {

  private static ObjectNode yaml(String text) {
    return (ObjectNode) YamlTrees.document("test", text);
  }

  private static ObjectNode merge(String object, String patch) throws PatchException {
    List<String> problems = new ArrayList<>();
    StrategicMerge p = StrategicMerge.parse(yaml(patch), problems);
    assertThat(problems).isEmpty();
    return p.applyTo(yaml(object));
  }

  private static final String STATEFUL_SET =
      "{kind: StatefulSet, metadata: {name: zk, labels: {a: b}}, spec: {replicas: 1, template:"
          + " {metadata: {labels: {a: b}}, spec: {containers: [{name: zk, image: zk:1, env:"
          + " [{name: A, value: '1'}], ports: [{name: client, containerPort: 2181}]}, {name:"
          + " side, image: s:1}], tolerations: [{key: x}]}}}}";

  @Test
  void listsWithAMergeKeyMergeItemByItem() throws Exception {
    ObjectNode out =
        merge(
            STATEFUL_SET,
            "spec: {template: {spec: {containers: [{name: zk, image: zk:2, env: [{name: B, value:"
                + " '2'}, {name: A, value: '9'}]}, {name: extra, image: e:1}]}}}");
    JsonNode containers = out.at("/spec/template/spec/containers");
    assertThat(containers).hasSize(3);
    assertThat(containers.get(0).path("image").asText()).isEqualTo("zk:2");
    assertThat(containers.get(0).path("env").toString())
        .isEqualTo("[{\"name\":\"A\",\"value\":\"9\"},{\"name\":\"B\",\"value\":\"2\"}]");
    assertThat(containers.get(0).path("ports")).hasSize(1);
    assertThat(containers.get(1).path("name").asText()).isEqualTo("side");
    assertThat(containers.get(2).path("name").asText()).isEqualTo("extra");
  }

  @Test
  void listsWithoutAMergeKeyAreReplacedAndNullDeletes() throws Exception {
    ObjectNode out =
        merge(
            STATEFUL_SET,
            "metadata: {labels: {a: null, c: d}}\n"
                + "spec: {template: {spec: {tolerations: [{key: y, operator: Exists}]}}}");
    assertThat(out.at("/metadata/labels").toString()).isEqualTo("{\"c\":\"d\"}");
    assertThat(out.at("/spec/template/spec/tolerations").toString())
        .isEqualTo("[{\"key\":\"y\",\"operator\":\"Exists\"}]");
  }

  @Test
  void patchDirectivesDeleteAndReplace() throws Exception {
    ObjectNode out =
        merge(
            STATEFUL_SET,
            "spec: {template: {metadata: {labels: {$patch: replace, z: y}}, spec: {containers:"
                + " [{name: side, $patch: delete}, {name: zk, ports: [{$patch: replace},"
                + " {name: peer, containerPort: 2888}]}]}}}");
    assertThat(out.at("/spec/template/metadata/labels").toString()).isEqualTo("{\"z\":\"y\"}");
    assertThat(out.at("/spec/template/spec/containers")).hasSize(1);
    assertThat(out.at("/spec/template/spec/containers/0/ports").toString())
        .isEqualTo("[{\"name\":\"peer\",\"containerPort\":2888}]");
  }

  @Test
  void serviceAndContainerPortsUseTheirOwnKeys() throws Exception {
    ObjectNode svc =
        merge(
            "{kind: Service, spec: {ports: [{name: http, port: 80, targetPort: http}]}}",
            "spec: {ports: [{port: 80, nodePort: 30080}]}");
    assertThat(svc.at("/spec/ports").toString())
        .isEqualTo("[{\"name\":\"http\",\"port\":80,\"targetPort\":\"http\",\"nodePort\":30080}]");
  }

  @Test
  void anItemWithoutItsMergeKeyIsAnError() {
    assertThatThrownBy(
            () -> merge(STATEFUL_SET, "spec: {template: {spec: {containers: [{image: x}]}}}"))
        .isInstanceOf(PatchException.class)
        .hasMessage(
            "/spec/template/spec/containers/0: an item of /spec/template/spec/containers needs its"
                + " merge key 'name' so that it can be matched with the item it changes");
  }

  @Test
  void unsupportedDirectivesAndNonMappingsAreRefused() {
    List<String> problems = new ArrayList<>();
    assertThat(
            StrategicMerge.parse(yaml("{spec: {$retainKeys: [a], x: {$patch: merge}}}"), problems))
        .isNull();
    assertThat(problems)
        .containsExactly(
            "/spec/$retainKeys: the directive $retainKeys is not supported; saltlab's strategic"
                + " merge knows $patch (delete, replace) only. Use a JSON patch for this change",
            "/spec/x/$patch: $patch takes delete or replace, found \"merge\"");
    problems.clear();
    assertThat(StrategicMerge.parse(YamlTrees.document("t", "[a]"), problems)).isNull();
    assertThat(problems).hasSize(1);
  }
}
