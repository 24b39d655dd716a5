package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.PodSpecFluent;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Objects;

/**
 * Adds an {@code emptyDir} volume (default medium, no size limit) to the pod spec of the named
 * workload, as dekorate's {@code AddEmptyDirVolumeDecorator} does.
 */
public final class AddEmptyDirVolumeDecorator extends ResourceDecorator {
  private final String volumeName;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param volumeName the volume's name, referenced by {@code volumeMounts[].name}
   */
  public AddEmptyDirVolumeDecorator(String workloadName, String volumeName) {
    super(Objects.requireNonNull(workloadName, "workloadName"));
    this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
  }

  /**
   * Appends the volume to each pod spec of the workload.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (PodSpecFluent<?> spec : parts.all(PodSpecFluent.class)) {
      Volume volume = new Volume();
      volume.setName(volumeName);
      volume.setEmptyDir(new EmptyDirVolumeSource());
      // The pod spec copies the volume into a builder of its own.
      spec.addToVolumes(volume);
    }
  }
}
