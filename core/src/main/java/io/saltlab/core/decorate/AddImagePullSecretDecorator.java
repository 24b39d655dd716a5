package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpecFluent;
import java.util.Objects;

/**
 * Adds an image pull Secret to every pod spec of every object (or of the named one), unless the pod
 * spec names it already, as dekorate's {@code AddImagePullSecretDecorator} does.
 */
public final class AddImagePullSecretDecorator extends ResourceDecorator {
  private final String secretName;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change, or null for every one
   * @param secretName the pull Secret's name
   */
  public AddImagePullSecretDecorator(String workloadName, String secretName) {
    super(workloadName);
    this.secretName = Objects.requireNonNull(secretName, "secretName");
  }

  /**
   * Appends the Secret to each pod spec that does not name it yet.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (PodSpecFluent<?> spec : parts.all(PodSpecFluent.class)) {
      if (!spec.hasMatchingImagePullSecret(s -> secretName.equals(s.getName()))) {
        LocalObjectReference reference = new LocalObjectReference();
        reference.setName(secretName);
        spec.addToImagePullSecrets(reference);
      }
    }
  }
}
