package io.saltlab.core.customize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.builder.TypedVisitor;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.internal.customize.YamlTrees;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomizationsTest {

  /** A workload and a Service sharing one name, as a lab renders them. */
  private static List<JsonNode> objects() {
    return YamlTrees.documents(
        "objects",
        String.join(
            "\n---\n",
            "{apiVersion: v1, kind: Service, metadata: {name: orders, namespace: shop}, spec:"
                + " {clusterIP: None, selector: {app: orders}}}",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: orders, namespace: shop},"
                + " spec: {replicas: 1, selector: {matchLabels: {app: orders}}, template:"
                + " {metadata: {labels: {app: orders}}, spec: {containers: [{name: orders, image:"
                + " o:1}]}}}}",
            "{apiVersion: apps/v1beta1, kind: StatefulSet, metadata: {name: zookeeper, namespace:"
                + " shop}, spec: {serviceName: zookeeper, replicas: 3, template: {metadata:"
                + " {labels: {app: zk}}, spec: {containers: [{name: zk, image: zk:3}]}}}}"));
  }

  @Test
  void noCustomizationReturnsTheInputItself() {
    List<JsonNode> in = objects();
    assertThat(Customizations.none().apply(in)).isSameAs(in);
    assertThat(Customizations.builder().build().isEmpty()).isTrue();
  }

  @Test
  void aTypedEditChangesOnlyItsObjectAndKeepsItsApiVersion() {
    List<JsonNode> in = objects();
    List<ObjectNode> out =
        Customizations.builder()
            .edit(
                StatefulSet.class,
                "zookeeper",
                (StatefulSetBuilder s) ->
                    s.editSpec()
                        .editTemplate()
                        .editSpec()
                        .addNewInitContainer()
                        .withName("init-myid")
                        .withImage("busybox:1.36")
                        .endInitContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec())
            .build()
            .apply(in);
    assertThat(out.get(0)).isSameAs(in.get(0));
    assertThat(out.get(1)).isSameAs(in.get(1));
    ObjectNode zk = out.get(2);
    assertThat(zk.path("apiVersion").asText()).isEqualTo("apps/v1beta1");
    assertThat(zk.at("/spec/template/spec/initContainers/0/name").asText()).isEqualTo("init-myid");
    assertThat(in.get(2).at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
  }

  @Test
  void aVisitorForOneObjectLeavesItsNamesakeAlone() {
    TypedVisitor<ObjectMetaBuilder> annotate =
        new TypedVisitor<>() {
          @Override
          public void visit(ObjectMetaBuilder meta) {
            meta.addToAnnotations("team", "shop");
          }
        };
    List<ObjectNode> out =
        Customizations.builder()
            .visit(Deployment.class, "orders", annotate)
            .build()
            .apply(objects());
    assertThat(out.get(1).at("/metadata/annotations/team").asText()).isEqualTo("shop");
    assertThat(out.get(1).at("/spec/template/metadata/annotations/team").asText())
        .isEqualTo("shop");
    assertThat(out.get(0).at("/metadata/annotations").isMissingNode()).isTrue();

    // The same visitor on every object reaches the Service too, as dekorate's list does.
    List<ObjectNode> all = Customizations.builder().visit(annotate).build().apply(objects());
    assertThat(all.get(0).at("/metadata/annotations/team").asText()).isEqualTo("shop");
  }

  @Test
  void phasesRunInTheirOrderWhateverTheOrderGiven() {
    List<ObjectNode> out =
        Customizations.builder()
            .addYaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: extra, namespace: shop}}")
            .strategicMerge(Target.of("Deployment", "orders"), "{spec: {replicas: 2}}")
            .jsonPatch(
                Target.of("Deployment", "orders"),
                "[{op: test, path: /spec/replicas, value: 2}, {op: replace, path: /spec/replicas,"
                    + " value: 4}]")
            .edit(
                Deployment.class,
                "orders",
                (io.fabric8.kubernetes.api.model.apps.DeploymentBuilder d) ->
                    d.editSpec().withReplicas(7).endSpec())
            .build()
            .apply(objects());
    // edit (7), then the strategic merge (2), then the JSON patch's test (2) and replace (4).
    assertThat(out.get(1).at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(out).hasSize(4);
    assertThat(out.get(3).at("/metadata/name").asText()).isEqualTo("extra");
  }

  @Test
  void aTargetThatMatchesNothingNamesWhatExists() {
    assertThatThrownBy(
            () ->
                Customizations.builder()
                    .strategicMerge(Target.of("StatefulSet", "zookeper"), "{spec: {replicas: 1}}")
                    .jsonPatch(Target.of("Ingress", "shop"), "[{op: remove, path: /spec}]")
                    .build()
                    .apply(objects()))
        .isInstanceOf(CustomizationException.class)
        .satisfies(
            e ->
                assertThat(((CustomizationException) e).problems())
                    .containsExactly(
                        "patch 1: no StatefulSet 'zookeper'; the StatefulSet objects are zookeeper"
                            + " (did you mean 'zookeeper'?)",
                        "patch 2: no Ingress 'shop': the lab has no Ingress at all; its kinds are"
                            + " Deployment, Service, StatefulSet"));
  }

  @Test
  void anExtraObjectMayNotCollideWithAGeneratedOne() {
    Customizations c =
        Customizations.builder()
            .add(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withName("orders")
                    .withNamespace("shop")
                    .endMetadata()
                    .build())
            .build();
    assertThatThrownBy(() -> c.apply(objects()))
        .hasMessage(
            "object 1: the extra Service 'orders' in namespace 'shop' collides with an object the"
                + " lab already has; to change that object, patch or edit it instead of adding it");
  }

  @Test
  void aCustomizationMayNotRenameItsObject() {
    Customizations c =
        Customizations.builder()
            .source("lab.yaml:12:5")
            .jsonPatch(
                Target.of("Service", "orders"),
                "[{op: replace, path: /metadata/name, value: orders2}]")
            .build();
    assertThatThrownBy(() -> c.apply(objects()))
        .hasMessageStartingWith(
            "lab.yaml:12:5: it changed Service 'orders' in namespace 'shop' into Service"
                + " 'orders2'");
  }

  @Test
  void malformedCustomizationsFailWhenBuiltAllAtOnce() {
    assertThatThrownBy(
            () ->
                Customizations.builder()
                    .jsonPatch(Target.of("Service", "orders"), "[{op: add, path: spec}]")
                    .strategicMerge(Target.of("Service", "orders"), "{a: [unclosed")
                    .addYaml("{kind: ConfigMap}")
                    .build())
        .isInstanceOf(CustomizationException.class)
        .satisfies(
            e -> {
              List<String> p = ((CustomizationException) e).problems();
              assertThat(p).hasSize(4);
              assertThat(p.get(0))
                  .startsWith("patch 1 (JSON patch on Service 'orders'), operation 1:");
              assertThat(p.get(2)).startsWith("patch 2:1:");
              assertThat(p.get(3)).startsWith("object 1: an extra object needs apiVersion, kind");
            });
  }

  @Test
  void userCodeThatThrowsIsNamed() {
    Customizations c =
        Customizations.builder()
            .edit(
                StatefulSet.class,
                "zookeeper",
                (StatefulSetBuilder s) -> {
                  throw new IllegalStateException("boom");
                })
            .build();
    assertThatThrownBy(() -> c.apply(objects()))
        .hasMessage("edit 1: it threw IllegalStateException: boom");
    assertThat(c.toString())
        .isEqualTo("Customizations{edits and visitors: 1, patches: 0, extra objects: 0}");
  }
}
