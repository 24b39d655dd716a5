package io.saltlab.topology;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.cluster.LabCluster;
import java.util.Optional;

/**
 * Supplies a lab to tools that only know a class name, such as {@code saltlab render --class
 * com.acme.MyLab}: the tool loads the class from its classpath, creates it with its public
 * no-argument constructor and calls {@link #lab()}.
 *
 * <p>Keeping a lab in code (rather than a spec file) gives it the compiler's checks and lets it be
 * computed, for example one role per entry of a list.
 */
@FunctionalInterface
public interface LabProvider {

  /**
   * Builds the lab.
   *
   * @return the lab; building it may throw {@link InvalidLabException} listing every problem
   */
  SaltLab lab();

  /**
   * The VMs and cluster bootstrap under the lab for one target, if the lab has them; {@code saltlab
   * render} then also writes them into {@code <out>/<target>/cluster/}. Built from the lab it is
   * given, so the registry and the master's node are typed once.
   *
   * @param lab the lab {@link #lab()} returned
   * @param target the Kubernetes version being rendered, which may decide the box
   * @return the cluster, or empty when the lab runs on a cluster made elsewhere (the default)
   */
  default Optional<LabCluster> cluster(SaltLab lab, KubernetesVersion target) {
    return Optional.empty();
  }
}
