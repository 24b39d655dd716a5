package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ObjectMetaFluent;
import java.util.Objects;

/**
 * Adds a label to every object, and to every metadata inside it (a workload's pod template
 * included), as dekorate's {@code AddLabelDecorator} does for a label without kinds.
 */
public final class AddLabelDecorator extends ResourceDecorator {
  private final String key;
  private final String value;

  /**
   * Creates the decorator for every object.
   *
   * @param key the label key, for example {@code app.kubernetes.io/managed-by}
   * @param value the label value
   */
  public AddLabelDecorator(String key, String value) {
    super(null);
    this.key = Objects.requireNonNull(key, "key");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Sets the label on each metadata of the object, replacing a label of the same key.
   *
   * @param parts the object's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (ObjectMetaFluent<?> metadata : parts.all(ObjectMetaFluent.class)) {
      metadata.addToLabels(key, value);
    }
  }
}
