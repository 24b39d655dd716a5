package io.saltlab.examples;

import io.saltlab.cluster.ClusterProvider;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;
import java.util.Optional;

/**
 * The seed lab as a {@link LabProvider} and {@link ClusterProvider}, so that {@code saltlab render
 * --class io.saltlab.examples.SeedLabProvider} shows how a lab kept in code, with the VMs under it,
 * is handed to the command line.
 */
public final class SeedLabProvider implements LabProvider, ClusterProvider {

  /** Creates the provider; tools call this through reflection. */
  public SeedLabProvider() {}

  /** The seed lab with its example password. */
  @Override
  public SaltLab lab() {
    return SeedLab.lab();
  }

  /**
   * The write-up's three VMs: CentOS 7 up to 1.30, Ubuntu 24.04 after (see {@link
   * LabCluster#seedCluster(SaltLab, KubernetesVersion)}).
   */
  @Override
  public Optional<LabCluster> cluster(SaltLab lab, KubernetesVersion target) {
    return LabCluster.seedCluster(lab, target);
  }
}
