package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/**
 * Object trees as fabric8 objects and back, for the typed customizations. Only made when a lab has
 * typed edits or visitors: a plain render never converts.
 */
public final class Fabric8Objects {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Workload kinds whose older apiVersions ({@code extensions/v1beta1}, {@code apps/v1beta1}...)
   * have no fabric8 class of their own on the classpath: their fields are those of {@code apps/v1}
   * for everything a lab holds, so they are read as the {@code apps/v1} class and keep their
   * apiVersion.
   */
  private static final Map<String, Class<? extends HasMetadata>> WORKLOADS =
      Map.of(
          "Deployment", Deployment.class,
          "StatefulSet", StatefulSet.class,
          "DaemonSet", DaemonSet.class,
          "ReplicaSet", ReplicaSet.class);

  private Fabric8Objects() {}

  /**
   * A tree as an object of a given fabric8 class.
   *
   * @throws PatchException when the tree does not fit the class
   */
  static <T extends HasMetadata> T read(ObjectNode tree, Class<T> type) throws PatchException {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new PatchException(
          "it cannot be read as a " + type.getName() + ": " + e.getOriginalMessage());
    }
  }

  /**
   * A tree as the fabric8 object of its apiVersion and kind: the model class fabric8 registers for
   * them, else the {@code apps/v1} class of a workload, else a {@link GenericKubernetesResource}.
   *
   * @throws PatchException when the tree does not fit the class
   */
  static HasMetadata read(ObjectNode tree) throws PatchException {
    try {
      KubernetesResource r = MAPPER.treeToValue(tree, KubernetesResource.class);
      if (r instanceof GenericKubernetesResource) {
        Class<? extends HasMetadata> workload = WORKLOADS.get(tree.path("kind").asText());
        if (workload != null) {
          return MAPPER.treeToValue(tree, workload);
        }
      }
      if (r instanceof HasMetadata) {
        return (HasMetadata) r;
      }
      return MAPPER.treeToValue(tree, GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new PatchException("it cannot be read as a fabric8 object: " + e.getOriginalMessage());
    }
  }

  /**
   * An object (fabric8 or any Jackson-serializable value) as a tree.
   *
   * @param object the object
   * @return its tree
   */
  public static ObjectNode tree(Object object) {
    return MAPPER.valueToTree(object);
  }
}
