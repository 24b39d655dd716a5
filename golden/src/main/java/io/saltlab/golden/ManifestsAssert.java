package io.saltlab.golden;

import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.topology.SaltLab;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ entry point over rendered manifests, for unit tests of a topology change that say what
 * matters ("the master mounts /salt/conf from the node") instead of pinning whole files:
 *
 * <pre>{@code
 * ManifestsAssert.assertThat(lab.render("1.36"))
 *     .deployment("salt-master").mountsHostPath("/salt/conf", "/home/vagrant/salt/conf")
 *     .hasImagePullSecret("registry-pull")
 *     .and()
 *     .service("salt-master").selectsPodsOf("salt-master");
 * }</pre>
 *
 * <p>Failure messages quote the YAML of the object concerned. Secrets are never quoted: only their
 * type and data keys are named.
 */
public class ManifestsAssert extends AbstractAssert<ManifestsAssert, Manifests> {

  /**
   * Creates the assertion; prefer {@link #assertThat(Manifests)}.
   *
   * @param actual the manifests under test
   */
  protected ManifestsAssert(Manifests actual) {
    super(actual, ManifestsAssert.class);
  }

  /**
   * Starts assertions on rendered manifests.
   *
   * @param actual the manifests under test
   * @return the assertion
   */
  public static ManifestsAssert assertThat(Manifests actual) {
    return new ManifestsAssert(actual);
  }

  /**
   * Renders a lab for a target and starts assertions on the result.
   *
   * @param lab the lab under test
   * @param target the Kubernetes version, for example {@code 1.36}
   * @return the assertion
   */
  public static ManifestsAssert assertThat(SaltLab lab, String target) {
    return new ManifestsAssert(lab.render(target));
  }

  /**
   * Moves to a Deployment, failing when there is none of that name.
   *
   * @param name the Deployment's {@code metadata.name}
   * @return assertions on that Deployment
   */
  public WorkloadAssert deployment(String name) {
    return new WorkloadAssert(this, object("Deployment", name));
  }

  /**
   * Moves to a StatefulSet (a role with stable minion ids), failing when there is none of that
   * name.
   *
   * @param name the StatefulSet's {@code metadata.name}
   * @return assertions on that StatefulSet
   */
  public WorkloadAssert statefulSet(String name) {
    return new WorkloadAssert(this, object("StatefulSet", name));
  }

  /**
   * Moves to a workload of any kind (Deployment, StatefulSet, DaemonSet), failing when absent.
   *
   * @param kind the workload's kind
   * @param name its {@code metadata.name}
   * @return assertions on that workload
   */
  public WorkloadAssert workload(String kind, String name) {
    return new WorkloadAssert(this, object(kind, name));
  }

  /**
   * Moves to a Service, failing when there is none of that name.
   *
   * @param name the Service's {@code metadata.name}
   * @return assertions on that Service
   */
  public ServiceAssert service(String name) {
    return new ServiceAssert(this, object("Service", name));
  }

  /**
   * Moves to a Secret, failing when there is none of that name. Its data is never printed.
   *
   * @param name the Secret's {@code metadata.name}
   * @return assertions on that Secret
   */
  public SecretAssert secret(String name) {
    return new SecretAssert(this, object("Secret", name));
  }

  /**
   * Moves to a PodDisruptionBudget, failing when there is none of that name.
   *
   * @param name its {@code metadata.name} (a role's name)
   * @return assertions on that budget
   */
  public PolicyAssert disruptionBudget(String name) {
    return new PolicyAssert(this, object("PodDisruptionBudget", name));
  }

  /**
   * Moves to a NetworkPolicy, failing when there is none of that name.
   *
   * @param name its {@code metadata.name}, for example {@code <lab>-isolation}
   * @return assertions on that policy
   */
  public PolicyAssert networkPolicy(String name) {
    return new PolicyAssert(this, object("NetworkPolicy", name));
  }

  /**
   * Checks an object of a kind and name is rendered.
   *
   * @param kind a Kubernetes kind
   * @param name its {@code metadata.name}
   * @return this assertion
   */
  public ManifestsAssert hasObject(String kind, String name) {
    object(kind, name);
    return this;
  }

  /**
   * Checks no object of a kind and name is rendered.
   *
   * @param kind a Kubernetes kind
   * @param name its {@code metadata.name}
   * @return this assertion
   */
  public ManifestsAssert hasNoObject(String kind, String name) {
    isNotNull();
    if (actual.find(kind, name).isPresent()) {
      failWithMessage(
          "%s",
          "Expected no "
              + kind
              + " named '"
              + name
              + "' for Kubernetes "
              + actual.target()
              + ", but it is rendered");
    }
    return this;
  }

  /** The manifests under test, for assertions that need other objects (selectors). */
  Manifests manifests() {
    return actual;
  }

  RenderedResource object(String kind, String name) {
    isNotNull();
    return actual
        .find(kind, name)
        .orElseGet(
            () -> {
              failWithMessage(
                  "%s",
                  "Expected a "
                      + kind
                      + " named '"
                      + name
                      + "' for Kubernetes "
                      + actual.target()
                      + ", but the rendered objects are:\n"
                      + ids(actual.resources()));
              return null;
            });
  }

  static String ids(List<RenderedResource> resources) {
    return resources.stream().map(r -> "  " + r.id()).collect(Collectors.joining("\n"));
  }
}
