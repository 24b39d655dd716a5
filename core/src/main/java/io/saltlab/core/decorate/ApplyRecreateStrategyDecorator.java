package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.apps.DeploymentSpecFluent;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import java.util.Objects;

/**
 * Makes the named Deployment replace its pods with the {@code Recreate} strategy (the old pods stop
 * before new ones start), as dekorate's {@code ApplyDeploymentStrategyDecorator} does for {@code
 * Recreate}. Other workloads are left alone.
 */
public final class ApplyRecreateStrategyDecorator extends ResourceDecorator {

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the Deployment to change
   */
  public ApplyRecreateStrategyDecorator(String workloadName) {
    super(Objects.requireNonNull(workloadName, "workloadName"));
  }

  /**
   * Replaces the Deployment's strategy with {@code type: Recreate}.
   *
   * @param parts the workload's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    for (DeploymentSpecFluent<?> spec : parts.all(DeploymentSpecFluent.class)) {
      DeploymentStrategy strategy = new DeploymentStrategy();
      strategy.setType("Recreate");
      spec.withStrategy(strategy);
    }
  }
}
