package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ContainerBuilder;

/**
 * Base of the decorators that change one container (by name) of the named workload, like dekorate's
 * {@code ApplicationContainerDecorator}: every container and init container of that name in the
 * workload's pod specs is changed.
 */
public abstract class ContainerDecorator extends ResourceDecorator {

  private final String containerName;

  /**
   * Creates a decorator for a container of a workload.
   *
   * @param workloadName {@code metadata.name} of the workload, or null for every workload
   * @param containerName the container's name, or null for every container
   */
  protected ContainerDecorator(String workloadName, String containerName) {
    super(workloadName);
    this.containerName = containerName;
  }

  /**
   * Changes each container of the right name.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected final void change(ResourceParts parts) {
    for (ContainerBuilder container : parts.all(ContainerBuilder.class)) {
      if (containerName == null
          || containerName.isEmpty()
          || containerName.equals(container.getName())) {
        change(container);
      }
    }
  }

  /**
   * Makes the change on one matched container.
   *
   * @param container the container's builder
   */
  protected abstract void change(ContainerBuilder container);
}
