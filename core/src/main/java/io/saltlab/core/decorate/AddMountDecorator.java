package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Objects;

/**
 * Mounts a whole volume in a container of the named workload, replacing any mount of the same
 * volume, as dekorate's {@code AddMountDecorator} does; {@code readOnly} is always written.
 */
public final class AddMountDecorator extends ContainerDecorator {
  private final String volumeName;
  private final String mountPath;
  private final boolean readOnly;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param containerName the container that sees the volume
   * @param volumeName the pod volume to mount
   * @param mountPath the absolute directory in the container
   * @param readOnly whether the container may only read
   */
  public AddMountDecorator(
      String workloadName,
      String containerName,
      String volumeName,
      String mountPath,
      boolean readOnly) {
    super(
        Objects.requireNonNull(workloadName, "workloadName"),
        Objects.requireNonNull(containerName, "containerName"));
    this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
    this.mountPath = Objects.requireNonNull(mountPath, "mountPath");
    this.readOnly = readOnly;
  }

  /**
   * Adds the mount, replacing any mount of the same volume.
   *
   * @param container the matched container
   */
  @Override
  protected void change(ContainerBuilder container) {
    container.removeMatchingFromVolumeMounts(m -> volumeName.equals(m.getName()));
    VolumeMount mount = new VolumeMount();
    mount.setName(volumeName);
    mount.setMountPath(mountPath);
    mount.setReadOnly(readOnly);
    container.addToVolumeMounts(mount);
  }
}
