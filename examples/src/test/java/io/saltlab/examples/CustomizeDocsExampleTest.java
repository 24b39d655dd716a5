package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.SaltLab;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/customize.md, on the seed lab (all but its dekorate decorator, which the
 * salt-topology tests apply): it renders and validates, and each customization is where the page
 * says.
 */
class CustomizeDocsExampleTest {

  @Test
  void thePagesExampleRendersClean() {
    SaltLab lab =
        SaltLab.builder()
            .from(SeedLab.lab())
            .customizations(
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
                                .withCommand("sh", "-c", "echo ${HOSTNAME##*-} > /data/myid")
                                .endInitContainer()
                                .endSpec()
                                .endTemplate()
                                .endSpec())
                    .jsonPatch(
                        Target.of("StatefulSet", "hazelcast"),
                        "[{op: add, path: /spec/template/spec/terminationGracePeriodSeconds,"
                            + " value: 60}]")
                    .strategicMerge(
                        Target.of("Service", "orders"),
                        "metadata: {annotations: {prometheus.io/scrape: 'true'}}")
                    .addYaml(
                        "apiVersion: networking.k8s.io/v1\n"
                            + "kind: Ingress\n"
                            + "metadata: {name: orders, namespace: salt-lab}\n"
                            + "spec:\n"
                            + "  rules:\n"
                            + "  - http:\n"
                            + "      paths:\n"
                            + "      - path: /\n"
                            + "        pathType: Prefix\n"
                            + "        backend: {service: {name: orders, port: {number: 8080}}}\n")
                    .build())
            .build();
    Manifests m = lab.render("1.36");
    assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
    assertThat(
            m.find("StatefulSet", "zookeeper")
                .orElseThrow()
                .tree()
                .at("/spec/template/spec/initContainers/0/name")
                .asText())
        .isEqualTo("init-myid");
    assertThat(
            m.find("StatefulSet", "hazelcast")
                .orElseThrow()
                .tree()
                .at("/spec/template/spec/terminationGracePeriodSeconds")
                .asInt())
        .isEqualTo(60);
    assertThat(
            m.find("Service", "orders")
                .orElseThrow()
                .tree()
                .at("/metadata/annotations/prometheus.io~1scrape")
                .asText())
        .isEqualTo("true");
    assertThat(m.find("Ingress", "orders")).isPresent();
    // Without them, the seed lab's own bytes.
    assertThat(SeedLab.lab().render("1.36").toYaml()).isNotEqualTo(m.toYaml());
  }
}
