package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.saltlab.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns fabric8 objects into {@link Manifests} for one target version: applies decorators in the
 * order given, converts each object to a tree, sorts by {@link ResourceOrder} and writes YAML.
 *
 * <p>Instances are immutable and thread-safe; one renderer can serve many labs.
 */
public final class ManifestRenderer {
  /** Jackson is only used to turn fabric8 objects into trees; YAML text comes from {@link YamlWriter}. */
  private static final ObjectMapper TREES = new ObjectMapper();

  private final KubernetesVersion target;
  private final YamlWriter writer = new YamlWriter();

  /**
   * Creates a renderer for a target.
   *
   * @param target the cluster version the output is for
   */
  public ManifestRenderer(KubernetesVersion target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The target version this renderer writes for. */
  public KubernetesVersion target() {
    return target;
  }

  /**
   * Decorates and renders objects.
   *
   * @param objects the objects, each already built; they are not modified
   * @param decorators transformations applied to the whole list, in this order
   * @return the rendered manifests in the fixed order
   */
  public Manifests render(List<? extends HasMetadata> objects, List<? extends Decorator<?>> decorators) {
    KubernetesListBuilder list = new KubernetesListBuilder().withItems(new ArrayList<>(objects));
    for (Decorator<?> decorator : decorators) {
      list.accept(decorator);
    }
    KubernetesList built = list.build();
    List<JsonNode> trees = new ArrayList<>(built.getItems().size());
    for (HasMetadata item : built.getItems()) {
      trees.add(TREES.valueToTree(item));
    }
    return renderTrees(trees);
  }

  /**
   * Renders objects already in tree form (for example read from YAML), sorting them into the
   * fixed order.
   *
   * @param trees one Jackson object node per Kubernetes object; not modified
   * @return the rendered manifests
   */
  public Manifests renderTrees(List<JsonNode> trees) {
    List<RenderedResource> resources = new ArrayList<>(trees.size());
    for (JsonNode tree : trees) {
      resources.add(new RenderedResource(tree, writer.write(tree)));
    }
    resources.sort(ResourceOrder.COMPARATOR);
    return new Manifests(target, resources);
  }
}
