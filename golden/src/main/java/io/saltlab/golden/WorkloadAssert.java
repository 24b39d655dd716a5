package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one rendered workload (Deployment, StatefulSet, DaemonSet); reached from {@link
 * ManifestsAssert#deployment(String)}. Every failure quotes the workload's YAML.
 */
public class WorkloadAssert extends AbstractAssert<WorkloadAssert, RenderedResource> {
  private final ManifestsAssert parent;

  /**
   * Creates the assertion.
   *
   * @param parent the manifests assertion to return to with {@link #and()}
   * @param actual the workload under test
   */
  protected WorkloadAssert(ManifestsAssert parent, RenderedResource actual) {
    super(actual, WorkloadAssert.class);
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
   * Checks a container mounts a hostPath volume of the node at a container path.
   *
   * @param mountPath the container path, for example {@code /salt/conf}
   * @param hostPath the node path, for example {@code /home/vagrant/salt/conf}
   * @return this assertion
   */
  public WorkloadAssert mountsHostPath(String mountPath, String hostPath) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      for (JsonNode m : c.path("volumeMounts")) {
        JsonNode volume = volume(m.path("name").asText());
        String source =
            volume == null
                ? "(no volume)"
                : volume.has("hostPath")
                    ? "hostPath " + volume.path("hostPath").path("path").asText()
                    : "non-hostPath volume";
        found.add(m.path("mountPath").asText() + " <- " + source);
        if (mountPath.equals(m.path("mountPath").asText())
            && volume != null
            && hostPath.equals(volume.path("hostPath").path("path").asText(null))) {
          return this;
        }
      }
    }
    return fail("to mount host path " + hostPath + " at " + mountPath, "mounts " + found);
  }

  /**
   * Checks the pods pull with a given image pull Secret.
   *
   * @param secretName the Secret's name
   * @return this assertion
   */
  public WorkloadAssert hasImagePullSecret(String secretName) {
    List<String> found = new ArrayList<>();
    for (JsonNode s : podSpec().path("imagePullSecrets")) {
      found.add(s.path("name").asText());
      if (secretName.equals(s.path("name").asText())) {
        return this;
      }
    }
    return fail("to pull images with Secret '" + secretName + "'", "imagePullSecrets " + found);
  }

  /**
   * Checks the number of replicas.
   *
   * @param replicas the expected {@code spec.replicas}
   * @return this assertion
   */
  public WorkloadAssert hasReplicas(int replicas) {
    JsonNode r = workload().tree().path("spec").path("replicas");
    if (!r.isInt() || r.intValue() != replicas) {
      return fail(
          "to have " + replicas + " replicas",
          "spec.replicas is " + (r.isMissingNode() ? "not set" : r.asText()));
    }
    return this;
  }

  /**
   * Checks some container declares a port with this number.
   *
   * @param port the container port
   * @return this assertion
   */
  public WorkloadAssert hasContainerPort(int port) {
    return hasContainerPort(null, port);
  }

  /**
   * Checks some container declares a named port with this number.
   *
   * @param name the port's name, or {@code null} for any name
   * @param port the container port
   * @return this assertion
   */
  public WorkloadAssert hasContainerPort(String name, int port) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      for (JsonNode p : c.path("ports")) {
        found.add(p.path("name").asText("(unnamed)") + ":" + p.path("containerPort").asText());
        if (p.path("containerPort").asInt(-1) == port
            && (name == null || name.equals(p.path("name").asText()))) {
          return this;
        }
      }
    }
    return fail(
        "to declare container port " + (name == null ? "" : name + ":") + port, "ports " + found);
  }

  /**
   * Checks some container runs this image.
   *
   * @param image the image reference
   * @return this assertion
   */
  public WorkloadAssert hasImage(String image) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      found.add(c.path("image").asText());
      if (image.equals(c.path("image").asText())) {
        return this;
      }
    }
    return fail("to run image " + image, "images " + found);
  }

  /**
   * Checks some container sets an environment variable to a value.
   *
   * @param name the variable's name
   * @param value its value
   * @return this assertion
   */
  public WorkloadAssert hasEnv(String name, String value) {
    for (JsonNode c : podSpec().path("containers")) {
      for (JsonNode e : c.path("env")) {
        if (name.equals(e.path("name").asText()) && value.equals(e.path("value").asText(null))) {
          return this;
        }
      }
    }
    return fail("to set " + name + "=" + value, "no container sets it so");
  }

  /**
   * Checks the object's {@code apiVersion}.
   *
   * @param apiVersion for example {@code apps/v1}
   * @return this assertion
   */
  public WorkloadAssert hasApiVersion(String apiVersion) {
    if (!apiVersion.equals(workload().apiVersion())) {
      return fail("to have apiVersion " + apiVersion, "it has " + workload().apiVersion());
    }
    return this;
  }

  private RenderedResource workload() {
    isNotNull();
    return actual;
  }

  private JsonNode podSpec() {
    return workload().tree().path("spec").path("template").path("spec");
  }

  private JsonNode volume(String name) {
    for (JsonNode v : podSpec().path("volumes")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    return null;
  }

  private WorkloadAssert fail(String expectation, String found) {
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
