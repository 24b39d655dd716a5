package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.PodSpecFluent;
import java.util.Objects;

/**
 * Pins the pods of the named workload with a node selector entry, replacing an entry of the same
 * key, as dekorate's {@code AddNodeSelectorDecorator} does.
 */
public final class AddNodeSelectorDecorator extends ResourceDecorator {
  private final String key;
  private final String value;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param key a node label key, for example {@code kubernetes.io/hostname}
   * @param value the label value the node must carry
   */
  public AddNodeSelectorDecorator(String workloadName, String key, String value) {
    super(Objects.requireNonNull(workloadName, "workloadName"));
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Sets the entry in each pod spec of the workload.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (PodSpecFluent<?> spec : parts.all(PodSpecFluent.class)) {
      spec.removeFromNodeSelector(key);
      spec.addToNodeSelector(key, value);
    }
  }
}
