package io.saltlab.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.Quantity;
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

  /**
   * Checks the workload's container requests an amount of a resource, whatever suffix it is written
   * with ({@code 0.5} is {@code 500m}).
   *
   * @param resource {@code cpu}, {@code memory} or {@code ephemeral-storage}
   * @param quantity a Kubernetes quantity, for example {@code 256Mi}
   * @return this assertion
   */
  public WorkloadAssert requests(String resource, String quantity) {
    return amount("requests", resource, quantity);
  }

  /**
   * Checks the workload's container is limited to an amount of a resource.
   *
   * @param resource {@code cpu}, {@code memory} or {@code ephemeral-storage}
   * @param quantity a Kubernetes quantity, for example {@code 1Gi}
   * @return this assertion
   */
  public WorkloadAssert limits(String resource, String quantity) {
    return amount("limits", resource, quantity);
  }

  private WorkloadAssert amount(String side, String resource, String quantity) {
    Quantity want = Quantity.parse(quantity);
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      JsonNode v = c.path("resources").path(side).path(resource);
      found.add(c.path("name").asText() + ": " + (v.isMissingNode() ? "none" : v.asText()));
      if (v.isValueNode() && Quantity.problem(v.asText()) == null) {
        if (Quantity.parse(v.asText()).compareTo(want) == 0) {
          return this;
        }
      }
    }
    return fail("to have " + side + "." + resource + " " + quantity, side + " " + found);
  }

  /**
   * Checks a probe of the container is an HTTP GET of a path on a port.
   *
   * @param probe {@code readinessProbe}, {@code livenessProbe} or {@code startupProbe}
   * @param path the request path, for example {@code /health}
   * @param port the port's name or number as written, for example {@code http}
   * @return this assertion
   */
  public WorkloadAssert hasHttpProbe(String probe, String path, String port) {
    return probe(probe, "httpGet " + path + " on " + port);
  }

  /**
   * Checks a probe of the container is a TCP connection to a port.
   *
   * @param probe {@code readinessProbe}, {@code livenessProbe} or {@code startupProbe}
   * @param port the port's name or number as written, for example {@code client}
   * @return this assertion
   */
  public WorkloadAssert hasTcpProbe(String probe, String port) {
    return probe(probe, "tcpSocket on " + port);
  }

  /**
   * Checks a probe of the container runs a command.
   *
   * @param probe {@code readinessProbe}, {@code livenessProbe} or {@code startupProbe}
   * @param command the command and its arguments
   * @return this assertion
   */
  public WorkloadAssert hasExecProbe(String probe, String... command) {
    return probe(probe, "exec " + String.join(" ", command));
  }

  private WorkloadAssert probe(String probe, String want) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      JsonNode p = c.path(probe);
      String seen = PodViews.probe(p);
      found.add(c.path("name").asText() + ": " + seen);
      if (want.equals(seen)) {
        return this;
      }
    }
    return fail("to have " + probe + " " + want, probe + " " + found);
  }

  /**
   * Checks the pods tolerate a taint key with an effect, in the field or, on 1.5, the alpha
   * annotation.
   *
   * @param key the taint's key
   * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
   * @return this assertion
   */
  public WorkloadAssert tolerates(String key, String effect) {
    JsonNode list = podSpec().path("tolerations");
    String annotation =
        workload()
            .tree()
            .path("spec")
            .path("template")
            .path("metadata")
            .path("annotations")
            .path("scheduler.alpha.kubernetes.io/tolerations")
            .asText(null);
    List<String> found = new ArrayList<>();
    for (JsonNode t : list) {
      found.add(t.path("key").asText() + ":" + t.path("effect").asText("(any)"));
      if (key.equals(t.path("key").asText()) && effect.equals(t.path("effect").asText())) {
        return this;
      }
    }
    if (annotation != null
        && annotation.contains("\"key\":\"" + key + "\"")
        && annotation.contains("\"effect\":\"" + effect + "\"")) {
      return this;
    }
    return fail("to tolerate " + key + ":" + effect, "tolerations " + found);
  }

  /**
   * Checks a container mounts a volume of a kind at a path.
   *
   * @param mountPath the container path, for example {@code /var/lib/zookeeper}
   * @param source the volume's kind: {@code persistentVolumeClaim}, {@code emptyDir}, {@code
   *     configMap}, {@code secret}, {@code hostPath}, or {@code volumeClaimTemplate} for a
   *     StatefulSet's per-member claim
   * @return this assertion
   */
  public WorkloadAssert mountsVolume(String mountPath, String source) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      for (JsonNode m : c.path("volumeMounts")) {
        String name = m.path("name").asText();
        JsonNode volume = volume(name);
        String kind =
            volume != null
                ? PodViews.firstSource(volume)
                : claimTemplate(name) != null ? "volumeClaimTemplate" : "(no volume)";
        found.add(m.path("mountPath").asText() + " <- " + kind);
        if (mountPath.equals(m.path("mountPath").asText()) && source.equals(kind)) {
          return this;
        }
      }
    }
    return fail("to mount a " + source + " at " + mountPath, "mounts " + found);
  }

  /**
   * Checks the StatefulSet has a per-member claim template of a size.
   *
   * @param name the template's name
   * @param size a quantity, for example {@code 1Gi}
   * @return this assertion
   */
  public WorkloadAssert hasClaimTemplate(String name, String size) {
    JsonNode claim = claimTemplate(name);
    JsonNode storage =
        claim == null
            ? null
            : claim.path("spec").path("resources").path("requests").path("storage");
    if (storage == null
        || !storage.isValueNode()
        || Quantity.problem(storage.asText()) != null
        || Quantity.parse(storage.asText()).compareTo(Quantity.parse(size)) != 0) {
      List<String> found = new ArrayList<>();
      workload()
          .tree()
          .path("spec")
          .path("volumeClaimTemplates")
          .forEach(
              t ->
                  found.add(
                      t.path("metadata").path("name").asText()
                          + " "
                          + t.path("spec")
                              .path("resources")
                              .path("requests")
                              .path("storage")
                              .asText()));
      return fail("to have a claim template " + name + " of " + size, "claim templates " + found);
    }
    return this;
  }

  /**
   * Checks a container takes an environment variable from a key of a Secret.
   *
   * @param variable the variable
   * @param secret the Secret's name
   * @param key the key
   * @return this assertion
   */
  public WorkloadAssert hasEnvFromSecret(String variable, String secret, String key) {
    return envSource(variable, "secretKeyRef " + secret + "/" + key);
  }

  /**
   * Checks a container takes an environment variable from a key of a ConfigMap.
   *
   * @param variable the variable
   * @param configMap the ConfigMap's name
   * @param key the key
   * @return this assertion
   */
  public WorkloadAssert hasEnvFromConfigMap(String variable, String configMap, String key) {
    return envSource(variable, "configMapKeyRef " + configMap + "/" + key);
  }

  /**
   * Checks a container takes an environment variable from a field of the pod.
   *
   * @param variable the variable
   * @param fieldPath for example {@code metadata.name}
   * @return this assertion
   */
  public WorkloadAssert hasEnvFromField(String variable, String fieldPath) {
    return envSource(variable, "fieldRef " + fieldPath);
  }

  private WorkloadAssert envSource(String variable, String want) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : podSpec().path("containers")) {
      for (JsonNode e : c.path("env")) {
        JsonNode from = e.path("valueFrom");
        String seen = PodViews.envSource(from);
        found.add(e.path("name").asText() + " <- " + seen);
        if (variable.equals(e.path("name").asText()) && want.equals(seen)) {
          return this;
        }
      }
    }
    return fail("to take " + variable + " from " + want, "env " + found);
  }

  /**
   * Checks the pod template carries an annotation.
   *
   * @param key the annotation's key
   * @param value its value
   * @return this assertion
   */
  public WorkloadAssert hasPodAnnotation(String key, String value) {
    JsonNode a =
        workload().tree().path("spec").path("template").path("metadata").path("annotations");
    if (!value.equals(a.path(key).asText(null))) {
      return fail("to annotate its pods " + key + "=" + value, "the pod annotations are " + a);
    }
    return this;
  }

  private JsonNode claimTemplate(String name) {
    for (JsonNode t : workload().tree().path("spec").path("volumeClaimTemplates")) {
      if (name.equals(t.path("metadata").path("name").asText())) {
        return t;
      }
    }
    return null;
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
