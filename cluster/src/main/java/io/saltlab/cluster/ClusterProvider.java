package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.SaltLab;
import java.util.Optional;

/**
 * Supplies the VMs and cluster bootstrap under a lab, for tools that load a lab by class name: a
 * {@link io.saltlab.topology.LabProvider} that also implements this interface gets {@code
 * <out>/<target>/cluster/} from {@code saltlab render --class NAME}.
 *
 * <p>It is a separate interface so that the lab model ({@code saltlab-salt-topology}) does not
 * depend on the cluster bootstrap built on it.
 */
@FunctionalInterface
public interface ClusterProvider {

  /**
   * The cluster under the lab for one target. Built from the lab it is given, so the registry and
   * the master's node are typed once.
   *
   * @param lab the lab the provider's {@code lab()} returned
   * @param target the Kubernetes version being rendered, which may decide the box
   * @return the cluster, or empty when the lab has none for that target
   * @throws io.saltlab.topology.InvalidLabException when the cluster is invalid
   */
  Optional<LabCluster> cluster(SaltLab lab, KubernetesVersion target);
}
