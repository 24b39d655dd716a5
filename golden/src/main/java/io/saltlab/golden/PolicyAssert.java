package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a PodDisruptionBudget or a NetworkPolicy; reached from {@link
 * ManifestsAssert#disruptionBudget(String)} and {@link ManifestsAssert#networkPolicy(String)}.
 * Every failure quotes the object's YAML.
 */
public class PolicyAssert extends AbstractAssert<PolicyAssert, RenderedResource> {
  private final ManifestsAssert parent;

  /**
   * Creates the assertion.
   *
   * @param parent the manifests assertion to return to with {@link #and()}
   * @param actual the budget or policy under test
   */
  protected PolicyAssert(ManifestsAssert parent, RenderedResource actual) {
    super(actual, PolicyAssert.class);
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
   * Checks the object's {@code apiVersion}, which follows the target ({@code policy/v1beta1} or
   * {@code policy/v1} for budgets).
   *
   * @param apiVersion for example {@code policy/v1}
   * @return this assertion
   */
  public PolicyAssert hasApiVersion(String apiVersion) {
    isNotNull();
    if (!apiVersion.equals(actual.apiVersion())) {
      return fail("to have apiVersion " + apiVersion, "it has " + actual.apiVersion());
    }
    return this;
  }

  /**
   * Checks a budget keeps at least so many pods up.
   *
   * @param count a number or a percentage, as written, for example {@code 2} or {@code 50%}
   * @return this assertion
   */
  public PolicyAssert hasMinAvailable(String count) {
    return budget("minAvailable", count);
  }

  /**
   * Checks a budget lets at most so many pods be down.
   *
   * @param count a number or a percentage, as written
   * @return this assertion
   */
  public PolicyAssert hasMaxUnavailable(String count) {
    return budget("maxUnavailable", count);
  }

  private PolicyAssert budget(String field, String count) {
    isNotNull();
    JsonNode v = actual.tree().path("spec").path(field);
    if (!count.equals(v.asText(null))) {
      return fail(
          "to have " + field + " " + count, field + " is " + (v.isMissingNode() ? "not set" : v));
    }
    return this;
  }

  /**
   * Checks the budget or policy selects exactly the pods of a workload, by the workload's pod
   * labels.
   *
   * @param workload the workload's name
   * @return this assertion
   */
  public PolicyAssert selectsPodsOf(String workload) {
    isNotNull();
    JsonNode spec = actual.tree().path("spec");
    JsonNode selector = spec.has("podSelector") ? spec.path("podSelector") : spec.path("selector");
    Map<String, String> wanted = new TreeMap<>();
    RenderedResource w =
        parent
            .manifests()
            .find("StatefulSet", workload)
            .or(() -> parent.manifests().find("Deployment", workload))
            .orElse(null);
    if (w == null) {
      return fail("to select the pods of " + workload, "there is no such workload");
    }
    w.tree()
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(e -> wanted.put(e.getKey(), e.getValue().asText()));
    Map<String, String> seen = new TreeMap<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(e -> seen.put(e.getKey(), e.getValue().asText()));
    if (!seen.equals(wanted)) {
      return fail("to select the pods of " + w.id() + " " + wanted, "it selects " + seen);
    }
    return this;
  }

  /**
   * Checks a NetworkPolicy applies to every pod of the namespace and admits only the namespace's
   * own pods.
   *
   * @return this assertion
   */
  public PolicyAssert admitsOnlyTheNamespace() {
    isNotNull();
    JsonNode spec = actual.tree().path("spec");
    JsonNode ingress = spec.path("ingress");
    boolean ok =
        spec.path("podSelector").isObject()
            && spec.path("podSelector").isEmpty()
            && ingress.size() == 1
            && ingress.get(0).path("from").size() == 1
            && ingress.get(0).path("from").get(0).path("podSelector").isObject()
            && ingress.get(0).path("from").get(0).path("podSelector").isEmpty()
            && ingress.get(0).path("from").get(0).size() == 1;
    if (!ok) {
      return fail(
          "to select every pod and admit only pods of its namespace", "its spec is " + spec);
    }
    return this;
  }

  /**
   * Checks a NetworkPolicy admits traffic from anywhere on a port.
   *
   * @param port the pods' port number
   * @return this assertion
   */
  public PolicyAssert admitsPort(int port) {
    isNotNull();
    List<String> found = new ArrayList<>();
    for (JsonNode rule : actual.tree().path("spec").path("ingress")) {
      for (JsonNode p : rule.path("ports")) {
        found.add(p.path("port").asText() + (rule.has("from") ? " (from some)" : " (from any)"));
        if (p.path("port").asInt(-1) == port && !rule.has("from")) {
          return this;
        }
      }
    }
    return fail("to admit anyone on port " + port, "it admits " + found);
  }

  private PolicyAssert fail(String expectation, String found) {
    failWithMessage(
        "%s",
        "Expected "
            + actual.id()
            + " "
            + expectation
            + ", but "
            + found
            + ".\nIts YAML:\n"
            + actual.yaml());
    return this;
  }
}
