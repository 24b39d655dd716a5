package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Objects;

/**
 * Sets an environment variable to a literal value in a container of the named workload, replacing a
 * variable of the same name, as dekorate's {@code AddEnvVarDecorator} does for a name and value.
 */
public final class AddEnvVarDecorator extends ContainerDecorator {
  private final String name;
  private final String value;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param containerName the container whose environment to set
   * @param name the variable's name
   * @param value its value
   */
  public AddEnvVarDecorator(String workloadName, String containerName, String name, String value) {
    super(
        Objects.requireNonNull(workloadName, "workloadName"),
        Objects.requireNonNull(containerName, "containerName"));
    this.name = Objects.requireNonNull(name, "name");
    this.value = value;
  }

  /**
   * Appends the variable after removing any of the same name.
   *
   * @param container the matched container
   */
  @Override
  protected void change(ContainerBuilder container) {
    container.removeMatchingFromEnv(e -> name.equals(e.getName()));
    EnvVar env = new EnvVar();
    env.setName(name);
    env.setValue(value);
    container.addToEnv(env);
  }
}
