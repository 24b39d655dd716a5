package io.saltlab.cli;

import io.saltlab.cluster.ClusterProvider;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.examples.SeedLab;
import io.saltlab.topology.AppRole;
import io.saltlab.topology.LabProvider;
import io.saltlab.topology.Registry;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SecretValue;
import java.util.Optional;

/**
 * The seed lab and its cluster, changed by the variable {@code SALTLAB_TEST_ROUND}: each round adds
 * a role of its own and names another registry, which the cluster's provisioning scripts log in to,
 * so that consecutive renders rewrite files both beside {@code cluster/} and inside it. For tests
 * that render many times with the jar.
 */
public final class VaryingSeedLab implements LabProvider, ClusterProvider {

  /** Called by the command line through reflection. */
  public VaryingSeedLab() {}

  private static String round() {
    String round = System.getenv("SALTLAB_TEST_ROUND");
    return round == null ? "0" : round;
  }

  @Override
  public SaltLab lab() {
    SaltLab seed = SeedLab.lab();
    return SaltLab.builder()
        .name(seed.name())
        .registry(
            Registry.builder()
                .server("registry-" + round() + ".lab.local:5000")
                .username("lab")
                .password(SecretValue.of(SeedLab.EXAMPLE_PASSWORD))
                .build())
        .master(seed.master())
        .autosignToken(seed.autosignToken())
        .minionImage(seed.minionImage())
        .addAllRoles(seed.roles())
        .addRoles(
            AppRole.builder().name("round-" + round()).addPorts(RolePort.of("app", 8080)).build())
        .build();
  }

  @Override
  public Optional<LabCluster> cluster(SaltLab lab, KubernetesVersion target) {
    return LabCluster.seedCluster(lab, target);
  }
}
