package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Objects;

/**
 * Mounts one key of a volume as one file ({@code subPath}) in a container of the named workload.
 *
 * <p>dekorate's AddMountDecorator keeps one mount per volume, so several files of one ConfigMap
 * would replace each other; this decorator keeps one mount per mount path instead, which is what
 * the API server requires of a container.
 */
public final class AddSubPathMountDecorator extends ContainerDecorator {
  private final String volumeName;
  private final String mountPath;
  private final String subPath;

  /**
   * Creates the decorator; the file is mounted read-only.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param containerName the container that sees the file
   * @param volumeName the pod volume holding the file
   * @param mountPath the file's absolute path in the container
   * @param subPath the file's path inside the volume (a ConfigMap or Secret key)
   */
  public AddSubPathMountDecorator(
      String workloadName,
      String containerName,
      String volumeName,
      String mountPath,
      String subPath) {
    super(
        Objects.requireNonNull(workloadName, "workloadName"),
        Objects.requireNonNull(containerName, "containerName"));
    this.volumeName = Objects.requireNonNull(volumeName, "volumeName");
    this.mountPath = Objects.requireNonNull(mountPath, "mountPath");
    this.subPath = Objects.requireNonNull(subPath, "subPath");
  }

  /**
   * Adds the mount, replacing any mount at the same path.
   *
   * @param container the matched container
   */
  @Override
  protected void change(ContainerBuilder container) {
    container.removeMatchingFromVolumeMounts(m -> mountPath.equals(m.getMountPath()));
    VolumeMount mount = new VolumeMount();
    mount.setName(volumeName);
    mount.setMountPath(mountPath);
    mount.setSubPath(subPath);
    mount.setReadOnly(true);
    container.addToVolumeMounts(mount);
  }
}
