package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one rendered Service; reached from {@link ManifestsAssert#service(String)}. Every
 * failure quotes the Service's YAML (and the workload's, for selectors).
 */
public class ServiceAssert extends AbstractAssert<ServiceAssert, RenderedResource> {
  private static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet");

  private final ManifestsAssert parent;

  /**
   * Creates the assertion.
   *
   * @param parent the manifests assertion to return to with {@link #and()}
   * @param actual the Service under test
   */
  protected ServiceAssert(ManifestsAssert parent, RenderedResource actual) {
    super(actual, ServiceAssert.class);
    this.parent = parent;
  }

  /**
   * Goes back to the whole manifests, to check another object.
   *
   * @return the manifests assertion
   */
  public ManifestsAssert and() {
    return parent;
  }

  /**
   * Checks the Service's selector is non-empty and matches the pod template labels of the named
   * workload in the same namespace: the check the seed write-up's hand-written YAML failed.
   *
   * @param workloadName the workload's {@code metadata.name}
   * @return this assertion
   */
  public ServiceAssert selectsPodsOf(String workloadName) {
    isNotNull();
    JsonNode selector = actual.tree().path("spec").path("selector");
    RenderedResource workload = null;
    for (RenderedResource r : parent.manifests().resources()) {
      if (WORKLOAD_KINDS.contains(r.kind())
          && r.name().equals(workloadName)
          && r.namespace().equals(actual.namespace())) {
        workload = r;
        break;
      }
    }
    if (workload == null) {
      failWithMessage(
          "%s",
          "Expected "
              + actual.id()
              + " to select the pods of '"
              + workloadName
              + "', but no workload of that name is rendered in namespace '"
              + actual.namespace()
              + "'; objects:\n"
              + ManifestsAssert.ids(parent.manifests().resources()));
      return this;
    }
    if (!selector.isObject() || selector.isEmpty()) {
      return fail("to select the pods of " + workload.id(), "it has no selector", null);
    }
    JsonNode labels = workload.tree().path("spec").path("template").path("metadata").path("labels");
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      String podValue = labels.path(e.getKey()).asText(null);
      if (!e.getValue().asText().equals(podValue)) {
        mismatches.add(
            e.getKey()
                + "="
                + e.getValue().asText()
                + " (pods have "
                + (podValue == null ? "no such label" : podValue)
                + ")");
      }
    }
    if (!mismatches.isEmpty()) {
      return fail(
          "to select the pods of " + workload.id(),
          "its selector does not match: " + mismatches,
          workload);
    }
    return this;
  }

  /**
   * Checks the Service exposes a named port.
   *
   * @param name the port's name
   * @param port its number
   * @return this assertion
   */
  public ServiceAssert exposesPort(String name, int port) {
    isNotNull();
    List<String> found = new ArrayList<>();
    for (JsonNode p : actual.tree().path("spec").path("ports")) {
      found.add(p.path("name").asText("(unnamed)") + ":" + p.path("port").asText());
      if (name.equals(p.path("name").asText()) && p.path("port").asInt(-1) == port) {
        return this;
      }
    }
    return fail("to expose port " + name + ":" + port, "it exposes " + found, null);
  }

  /**
   * Checks the Service is headless ({@code clusterIP: None}), as Salt's minions address pods.
   *
   * @return this assertion
   */
  public ServiceAssert isHeadless() {
    isNotNull();
    if (!"None".equals(actual.tree().path("spec").path("clusterIP").asText(null))) {
      return fail(
          "to be headless (clusterIP: None)",
          "clusterIP is " + actual.tree().path("spec").path("clusterIP").asText("not set"),
          null);
    }
    return this;
  }

  /**
   * Checks the Service's type, {@code Headless} standing for {@code clusterIP: None}.
   *
   * @param type {@code Headless}, {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}
   * @return this assertion
   */
  public ServiceAssert hasType(String type) {
    isNotNull();
    JsonNode spec = actual.tree().path("spec");
    String seen =
        "None".equals(spec.path("clusterIP").asText(null))
            ? "Headless"
            : spec.path("type").asText("ClusterIP");
    if (!type.equals(seen)) {
      return fail("to be of type " + type, "it is " + seen, null);
    }
    return this;
  }

  /**
   * Checks a port is reached on every node at a fixed node port.
   *
   * @param name the port's name
   * @param nodePort the node port, for example {@code 30080}
   * @return this assertion
   */
  public ServiceAssert exposesNodePort(String name, int nodePort) {
    isNotNull();
    List<String> found = new ArrayList<>();
    for (JsonNode p : actual.tree().path("spec").path("ports")) {
      found.add(p.path("name").asText("(unnamed)") + ":" + p.path("nodePort").asText("none"));
      if (name.equals(p.path("name").asText()) && p.path("nodePort").asInt(-1) == nodePort) {
        return this;
      }
    }
    return fail("to expose " + name + " on node port " + nodePort, "node ports " + found, null);
  }

  /**
   * Checks the Service carries an annotation.
   *
   * @param key the annotation's key
   * @param value its value
   * @return this assertion
   */
  public ServiceAssert hasAnnotation(String key, String value) {
    isNotNull();
    JsonNode a = actual.tree().path("metadata").path("annotations");
    if (!value.equals(a.path(key).asText(null))) {
      return fail("to be annotated " + key + "=" + value, "its annotations are " + a, null);
    }
    return this;
  }

  private ServiceAssert fail(String expectation, String found, RenderedResource workload) {
    String message =
        "Expected "
            + actual.id()
            + " "
            + expectation
            + ", but "
            + found
            + ".\nIts YAML:\n"
            + actual.yaml();
    if (workload != null) {
      message +=
          "The pod template of "
              + workload.id()
              + " has labels:\n"
              + workload
                  .tree()
                  .path("spec")
                  .path("template")
                  .path("metadata")
                  .path("labels")
                  .toPrettyString()
              + "\n";
    }
    failWithMessage("%s", message);
    return this;
  }
}
