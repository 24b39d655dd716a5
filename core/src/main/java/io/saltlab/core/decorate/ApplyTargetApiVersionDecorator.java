package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.KubernetesVersion;

/**
 * Sets the apiVersion of every Deployment, StatefulSet and DaemonSet to the one the target version
 * serves, as decided by {@link ApiVersionTable}.
 *
 * <p>Workloads are built once with the apps/v1 model, whose fields are a superset of the older
 * groups' fields that saltlab uses; only the apiVersion differs.
 */
public final class ApplyTargetApiVersionDecorator extends ResourceDecorator {
  private final ApiVersions versions;

  /**
   * Creates the decorator.
   *
   * @param target the cluster version whose API versions apply
   */
  public ApplyTargetApiVersionDecorator(KubernetesVersion target) {
    super(null);
    this.versions = ApiVersionTable.forTarget(target);
  }

  /**
   * Rewrites the apiVersion of a workload; other objects are left alone.
   *
   * @param parts any object's builder and its parts
   */
  @Override
  protected void change(ResourceParts parts) {
    VisitableBuilder<?, ?> builder = parts.resource();
    if (builder instanceof DeploymentBuilder) {
      ((DeploymentBuilder) builder).withApiVersion(versions.deployment());
    } else if (builder instanceof StatefulSetBuilder) {
      ((StatefulSetBuilder) builder).withApiVersion(versions.statefulSet());
    } else if (builder instanceof DaemonSetBuilder) {
      ((DaemonSetBuilder) builder).withApiVersion(versions.daemonSet());
    }
  }
}
