package io.saltlab.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stages of {@link SaltLab#render(KubernetesVersion)}, one at a time, for benchmarks and for
 * tools that time, reuse, inspect or extend them:
 *
 * <ol>
 *   <li>build the model ({@link SaltLab#builder()}, which checks the lab);
 *   <li>{@link #trees}: the lab's Kubernetes objects for a target, finished, as Jackson trees;
 *   <li>{@link io.saltlab.core.customize.Customizations#apply}: the lab's {@link
 *       SaltLab#customizations()} on those trees;
 *   <li>{@link ManifestRenderer#renderTrees}: trees to YAML, validated unless the renderer is made
 *       with {@link ManifestRenderer#withoutValidation()};
 *   <li>validation on its own: {@code ManifestValidator.forTarget(target).validate(trees)} on the
 *       trees of {@link Manifests#resources()}.
 * </ol>
 *
 * <p>To change the objects (typed fabric8 edits, any fabric8 {@code Visitor} such as a dekorate
 * decorator on your own classpath, JSON or strategic-merge patches, extra objects), give the lab
 * {@link SaltLab#customizations()}: {@link SaltLab#render} applies them between {@link #trees} and
 * validation, and every tool that renders the lab carries them. {@link #trees} and {@link
 * #translate} give the objects before customization; they deliberately expose Jackson and fabric8
 * types, as the ways into the objects for tools built on those libraries.
 */
public final class LabRendering {

  /** The fabric8 class of each kind a lab renders; all are built for one target's apiVersions. */
  private static final Map<String, Class<? extends HasMetadata>> FABRIC8_CLASSES =
      Map.of(
          "Namespace", Namespace.class,
          "PersistentVolume", PersistentVolume.class,
          "PersistentVolumeClaim", PersistentVolumeClaim.class,
          "Secret", Secret.class,
          "ConfigMap", ConfigMap.class,
          "Service", Service.class,
          "Deployment", Deployment.class,
          "StatefulSet", StatefulSet.class);

  /** Only made when fabric8 objects are asked for: a plain render never needs it. */
  private static final class Fabric8 {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private LabRendering() {}

  /**
   * Translates a lab into its Kubernetes objects for a target, as trees: workloads, Services,
   * ConfigMaps, Secrets and the namespace, finished (labels, pull Secret, apiVersions of the
   * target), not yet validated nor sorted. Deliberately returns Jackson trees, the form saltlab
   * itself renders from.
   *
   * @param lab the lab
   * @param target the cluster version
   * @return one object node per object, in translation order; the caller owns them
   */
  public static List<ObjectNode> trees(SaltLab lab, KubernetesVersion target) {
    return LabTranslator.trees(lab, target);
  }

  /**
   * Translates a lab into fabric8 objects for a target: the objects of {@link #trees}, each
   * converted to its fabric8 class (workloads keep the target's apiVersion, for example {@code
   * extensions/v1beta1} for 1.6, in fabric8's {@code apps} classes); PodDisruptionBudgets and
   * NetworkPolicies, whose classes live in fabric8 modules saltlab does not bring, as fabric8's
   * {@code GenericKubernetesResource}.
   *
   * @param lab the lab
   * @param target the cluster version
   * @return the objects, in translation order; the caller owns them
   */
  public static List<HasMetadata> translate(SaltLab lab, KubernetesVersion target) {
    List<ObjectNode> trees = trees(lab, target);
    List<HasMetadata> objects = new ArrayList<>(trees.size());
    for (ObjectNode tree : trees) {
      objects.add(toFabric8(tree));
    }
    return objects;
  }

  private static HasMetadata toFabric8(JsonNode tree) {
    String kind = tree.path("kind").asText();
    // PodDisruptionBudget and NetworkPolicy have their classes in fabric8 modules saltlab does not
    // depend on; they come as fabric8's generic resource, which every Visitor also sees.
    Class<? extends HasMetadata> type =
        FABRIC8_CLASSES.getOrDefault(
            kind, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    try {
      return Fabric8.MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "saltlab's own " + kind + " does not fit fabric8's model: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Renders fabric8 objects, for example those of {@link #translate} after more decorators.
   *
   * @param objects the objects to render
   * @param renderer a renderer for the same target (validating or not)
   * @return the manifests
   * @throws io.saltlab.core.validate.ManifestValidationException when the renderer validates and
   *     finds a problem
   */
  public static Manifests render(List<HasMetadata> objects, ManifestRenderer renderer) {
    return renderer.render(objects);
  }
}
