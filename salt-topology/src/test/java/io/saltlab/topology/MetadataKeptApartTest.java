package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Annotations and labels given for the pods, the workload and the Service of a role land on that
 * object only, although the Service and the workload share the role's name (a decorator selecting
 * by name alone annotated both).
 */
class MetadataKeptApartTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.9", "1.36"})
  void eachLandsOnItsOwnObject(String target) {
    AppRole role =
        AppRole.builder()
            .name("orders")
            .addPorts(RolePort.of("http", 8080))
            .putPodAnnotations("example.com/on", "pod")
            .putWorkloadAnnotations("example.com/on", "workload")
            .putServiceAnnotations("example.com/on", "service")
            .putLabels("on-pod", "yes")
            .putWorkloadLabels("on-workload", "yes")
            .putServiceLabels("on-service", "yes")
            .build();
    Manifests m = TestLabs.spec().builder().addRoles(role).build().render(target);
    JsonNode workload = m.find("StatefulSet", "orders").orElseThrow().tree();
    JsonNode pod = workload.path("spec").path("template").path("metadata");
    JsonNode service = m.find("Service", "orders").orElseThrow().tree().path("metadata");

    assertThat(pod.path("annotations").path("example.com/on").asText()).isEqualTo("pod");
    assertThat(workload.path("metadata").path("annotations").path("example.com/on").asText())
        .isEqualTo("workload");
    assertThat(service.path("annotations").path("example.com/on").asText()).isEqualTo("service");

    assertThat(pod.path("labels").has("on-pod")).isTrue();
    assertThat(pod.path("labels").has("on-workload")).isFalse();
    assertThat(pod.path("labels").has("on-service")).isFalse();
    assertThat(workload.path("metadata").path("labels").has("on-workload")).isTrue();
    assertThat(workload.path("metadata").path("labels").has("on-service")).isFalse();
    assertThat(workload.path("metadata").path("labels").has("on-pod")).isFalse();
    assertThat(service.path("labels").has("on-service")).isTrue();
    assertThat(service.path("labels").has("on-workload")).isFalse();
    assertThat(service.path("labels").has("on-pod")).isFalse();
    // Neither the workload's nor the Service's labels reach a selector: selectors stay derived.
    assertThat(service.path("labels").size()).isEqualTo(5);
  }
}
