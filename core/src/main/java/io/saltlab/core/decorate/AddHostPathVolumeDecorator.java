package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.HostPathVolumeSource;
import io.fabric8.kubernetes.api.model.PodSpecFluent;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Objects;

/**
 * Adds a {@code hostPath} volume to the pod spec of the named workload; dekorate has decorators for
 * many volume sources but not this one.
 *
 * <p>The {@code type} is only written when given, because API servers before 1.8 reject it.
 */
public final class AddHostPathVolumeDecorator extends ResourceDecorator {
  private final String volumeName;
  private final String path;
  private final String type;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param volumeName the volume's name, referenced by {@code volumeMounts[].name}
   * @param path the absolute directory on the node
   * @param type the hostPath type such as {@code Directory}, or {@code null} to leave it out
   */
  public AddHostPathVolumeDecorator(
      String workloadName, String volumeName, String path, String type) {
    super(Objects.requireNonNull(workloadName, "workloadName"));
    this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
    this.path = Objects.requireNonNull(path, "path");
    this.type = type;
  }

  /**
   * Appends the volume to every pod spec of the workload.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (PodSpecFluent<?> spec : parts.all(PodSpecFluent.class)) {
      HostPathVolumeSource hostPath = new HostPathVolumeSource();
      hostPath.setPath(path);
      hostPath.setType(type);
      Volume volume = new Volume();
      volume.setName(volumeName);
      volume.setHostPath(hostPath);
      // The pod spec copies the volume into a builder of its own.
      spec.addToVolumes(volume);
    }
  }
}
