package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dekorate.kubernetes.decorator.AddAnnotationDecorator;
import io.fabric8.kubernetes.api.builder.TypedVisitor;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.customize.CustomizationException;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ManifestValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Customizations carried by the lab itself ({@link SaltLab#customizations()}) through the one
 * public path, {@link SaltLab#render}: a dekorate decorator (dekorate is on the test classpath
 * only) on one object selected by kind and name, a plain fabric8 visitor, a typed edit, both kinds
 * of patch and an extra object; with a pull Secret that already exists, whose reference validation
 * must still accept.
 */
class CustomizedLabTest {

  private static SaltLab.Builder lab(Registry registry) {
    return SaltLab.builder()
        .name("lab")
        .registry(registry)
        .master(TestLabs.master().build())
        .minionImage("registry.example.com:5000/salt/minion:3006.9")
        .autosignToken(SecretValue.of(TestLabs.TOKEN))
        .addRoles(
            TestLabs.zookeeper(),
            AppRole.builder()
                .name("orders")
                .identity(MinionIdentity.FIXED)
                .addPorts(RolePort.of("http", 8080))
                .build());
  }

  private static RenderedResource find(Manifests m, String kind, String name) {
    return m.resources().stream()
        .filter(r -> r.kind().equals(kind) && r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static final TypedVisitor<PodSpecBuilder> TOLERATE =
      new TypedVisitor<>() {
        @Override
        public void visit(PodSpecBuilder pod) {
          pod.addNewToleration().withKey("lab").withOperator("Exists").endToleration();
        }
      };

  @ParameterizedTest(name = "every kind of customization on {0}, pull Secret existing and not")
  @ValueSource(strings = {"1.6", "1.36"})
  void everyKindAppliesThroughLabRender(String target) {
    for (Registry registry :
        new Registry[] {
          Registry.existing("registry.example.com:5000", "team-pull"),
          TestLabs.base().build().registry()
        }) {
      Customizations c =
          Customizations.builder()
              .visit(
                  Deployment.class,
                  "orders",
                  new AddAnnotationDecorator(
                      new io.dekorate.kubernetes.config.Annotation(
                          "example.com/owner", "shop", new String[0])))
              .visit(TOLERATE)
              .edit(
                  StatefulSet.class,
                  "zookeeper",
                  (StatefulSetBuilder s) ->
                      s.editSpec()
                          .editTemplate()
                          .editSpec()
                          .addNewInitContainer()
                          .withName("init")
                          .withImage("busybox:1.36")
                          .endInitContainer()
                          .endSpec()
                          .endTemplate()
                          .endSpec())
              .jsonPatch(
                  Target.of("StatefulSet", "zookeeper"),
                  "[{op: replace, path: /spec/replicas, value: 3}]")
              .strategicMerge(
                  Target.of("Service", "orders"), "{metadata: {annotations: {team: shop}}}")
              .addYaml(
                  "{apiVersion: v1, kind: ConfigMap, metadata: {name: shop-extra, namespace: lab},"
                      + " data: {a: b}}")
              .build();
      Manifests m = lab(registry).customizations(c).build().render(target);

      assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
      RenderedResource orders = find(m, "Deployment", "orders");
      assertThat(orders.tree().at("/metadata/annotations/example.com~1owner").asText())
          .isEqualTo("shop");
      // Selected by kind and name: the headless Service named orders is not annotated by dekorate.
      RenderedResource service = find(m, "Service", "orders");
      assertThat(service.tree().at("/metadata/annotations/example.com~1owner").isMissingNode())
          .isTrue();
      assertThat(service.tree().at("/metadata/annotations/team").asText()).isEqualTo("shop");
      RenderedResource zk = find(m, "StatefulSet", "zookeeper");
      assertThat(zk.tree().at("/spec/replicas").asInt()).isEqualTo(3);
      assertThat(zk.tree().at("/spec/template/spec/initContainers/0/name").asText())
          .isEqualTo("init");
      for (RenderedResource workload : new RenderedResource[] {orders, zk}) {
        assertThat(workload.tree().at("/spec/template/spec/tolerations/0/key").asText())
            .isEqualTo("lab");
      }
      assertThat(find(m, "ConfigMap", "shop-extra").yaml()).contains("a: b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.36"})
  void aPatchThatBreaksTheSelectorsIsReportedByValidation(String target) {
    SaltLab lab =
        lab(TestLabs.base().build().registry())
            .customizations(
                Customizations.builder()
                    .strategicMerge(
                        Target.of("Deployment", "orders"),
                        "{spec: {template: {metadata: {labels: {app.kubernetes.io/name: other}}}}}")
                    .build())
            .build();
    assertThatThrownBy(() -> lab.render(target))
        .isInstanceOf(ManifestValidationException.class)
        .hasMessageContaining("Deployment/lab/orders: spec.selector.matchLabels")
        .hasMessageContaining("[selector-mismatch]")
        .hasMessageContaining("Service/lab/orders: spec.selector")
        .hasMessageContaining("[selector-matches-no-pod]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.36"})
  void aPatchOnAMissingObjectNamesWhatTheLabHas(String target) {
    SaltLab lab =
        lab(TestLabs.base().build().registry())
            .customizations(
                Customizations.builder()
                    .jsonPatch(
                        Target.of("StatefulSet", "zookeper"),
                        "[{op: remove, path: /spec/replicas}]")
                    .build())
            .build();
    assertThatThrownBy(() -> lab.render(target))
        .isInstanceOf(CustomizationException.class)
        .hasMessage(
            "patch 1: no StatefulSet 'zookeper'; the StatefulSet objects are zookeeper (did you"
                + " mean 'zookeeper'?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.36"})
  void theArgoCdRenderCarriesTheCustomizationsAndGivesExtraObjectsTheirWave(String target) {
    SaltLab lab =
        lab(TestLabs.base().build().registry())
            .customizations(
                Customizations.builder()
                    .strategicMerge(
                        Target.of("Service", "orders"), "{metadata: {annotations: {team: shop}}}")
                    .addYaml(
                        "{apiVersion: v1, kind: ConfigMap, metadata: {name: extra, namespace:"
                            + " lab}}")
                    .build())
            .build();
    Manifests m =
        ApplyOrder.render(lab, io.saltlab.core.KubernetesVersion.of(target), GitOps.ARGOCD);
    assertThat(find(m, "Service", "orders").tree().at("/metadata/annotations/team").asText())
        .isEqualTo("shop");
    assertThat(
            find(m, "ConfigMap", "extra")
                .tree()
                .at("/metadata/annotations/argocd.argoproj.io~1sync-wave")
                .asText())
        .isEqualTo("1");
  }
}
