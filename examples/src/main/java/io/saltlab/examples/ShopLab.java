package io.saltlab.examples;

import io.saltlab.topology.AppRole;
import io.saltlab.topology.DisruptionBudget;
import io.saltlab.topology.EnvSource;
import io.saltlab.topology.Exposure;
import io.saltlab.topology.Probe;
import io.saltlab.topology.Registry;
import io.saltlab.topology.ResourceName;
import io.saltlab.topology.Resources;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.RoleVolume;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.Toleration;
import java.util.Map;

/**
 * A lab beyond the seed, as code: a 3-member zookeeper ensemble with per-member data and ids, a
 * 2-replica hazelcast spread over nodes, and two business apps with resources, probes, a database
 * password from an existing Secret and one NodePort, on nodes reserved for the lab, with a
 * disruption budget and the namespace isolated by a NetworkPolicy. {@code examples/shop-lab.yaml}
 * is the same lab as a spec file; a test keeps the two rendering the same bytes.
 *
 * <p>No credential passes through it: the registry's pull Secret and the apps' database Secret
 * already exist in the namespace, and the autosign token comes from the caller (the environment
 * variable {@code SALTLAB_AUTOSIGN_TOKEN} for {@link ShopLabProvider}).
 */
public final class ShopLab {
  private static final String REGISTRY = "registry.lab.local:5000";

  /** The taint of the nodes reserved for the lab, which its pods tolerate. */
  static final Toleration LAB_NODES =
      Toleration.equal("dedicated", "lab", Toleration.Effect.NoSchedule);

  private ShopLab() {}

  /**
   * The shop lab with the example autosign token, for tests and golden files.
   *
   * @return the lab
   */
  public static SaltLab lab() {
    return lab(SecretValue.of(SeedLab.EXAMPLE_TOKEN));
  }

  /**
   * The shop lab.
   *
   * @param autosignToken the token that lets the lab's minions in
   * @return the lab
   */
  public static SaltLab lab(SecretValue autosignToken) {
    return SaltLab.builder()
        .name("shop-lab")
        .registry(Registry.existing(REGISTRY, "registry-pull"))
        .autosignToken(autosignToken)
        .isolateNamespace(true)
        .master(
            SaltMaster.builder()
                .image(REGISTRY + "/salt/master:3006.9")
                .hostRoot("/home/vagrant/salt")
                .node("kube0")
                .resources(
                    Resources.builder()
                        .putRequests(ResourceName.CPU, "250m")
                        .putRequests(ResourceName.MEMORY, "256Mi")
                        .putLimits(ResourceName.MEMORY, "512Mi")
                        .build())
                .addTolerations(LAB_NODES)
                .build())
        .minionImage(REGISTRY + "/salt/minion:3006.9")
        .addRoles(zookeeper(), hazelcast())
        .addRoles(business("orders", 8080, "orders-db"))
        .addRoles(business("catalog", 8081, "catalog-db"))
        .build();
  }

  /**
   * Three members, each with its own claim for data; each learns its name (zookeeper-0, -1, -2,
   * also its Salt minion id) from the pod, and the zookeeper state derives the server id from it.
   */
  private static AppRole zookeeper() {
    return AppRole.builder()
        .name("zookeeper")
        .image(REGISTRY + "/salt/minion-zookeeper:3006.9")
        .replicas(3)
        .addPorts(
            RolePort.of("client", 2181), RolePort.of("peer", 2888), RolePort.of("election", 3888))
        .putEnvValueFrom("ZOO_MEMBER_NAME", EnvSource.pod(EnvSource.PodField.podName))
        .addVolumes(RoleVolume.perMember("data", "/var/lib/zookeeper", "1Gi"))
        .resources(
            Resources.builder()
                .putRequests(ResourceName.CPU, "250m")
                .putRequests(ResourceName.MEMORY, "512Mi")
                .putLimits(ResourceName.MEMORY, "1Gi")
                .build())
        .readinessProbe(Probe.tcp("client").withInitialDelaySeconds(10))
        .addTolerations(LAB_NODES)
        .disruptionBudget(DisruptionBudget.minAvailable("2"))
        .build();
  }

  private static AppRole hazelcast() {
    return AppRole.builder()
        .name("hazelcast")
        .image(REGISTRY + "/salt/minion-hazelcast:3006.9")
        .replicas(2)
        .addPorts(RolePort.of("member", 5701))
        .putEnv("JAVA_OPTS", "-Xmx512m")
        .spreadOverNodes(true)
        .resources(
            Resources.builder()
                .putRequests(ResourceName.CPU, "500m")
                .putRequests(ResourceName.MEMORY, "768Mi")
                .putLimits(ResourceName.MEMORY, "1Gi")
                .build())
        .livenessProbe(Probe.tcp("member").withInitialDelaySeconds(30))
        .addTolerations(LAB_NODES)
        .build();
  }

  /** A business app; orders is the one reached from outside the cluster, on node port 30080. */
  private static AppRole business(String name, int port, String database) {
    AppRole.Builder b =
        AppRole.builder()
            .name(name)
            .image(REGISTRY + "/salt/minion-business:3006.9")
            .addPorts(RolePort.of("http", port))
            .putEnv("APP_NAME", name)
            .putEnvValueFrom("DB_PASSWORD", EnvSource.secretKey(database, "password"))
            .putLabels("tier", "business")
            .putPodAnnotations("prometheus.io/scrape", "true")
            .putPodAnnotations("prometheus.io/port", String.valueOf(port))
            .resources(
                Resources.builder()
                    .putRequests(ResourceName.CPU, "100m")
                    .putRequests(ResourceName.MEMORY, "256Mi")
                    .putLimits(ResourceName.CPU, "1")
                    .putLimits(ResourceName.MEMORY, "512Mi")
                    .build())
            .readinessProbe(Probe.http("/health", "http").withPeriodSeconds(5))
            .livenessProbe(Probe.http("/health", "http").withInitialDelaySeconds(30))
            .addTolerations(LAB_NODES);
    if (name.equals("orders")) {
      b.exposure(Exposure.nodePort(Map.of("http", 30080)))
          .putServiceAnnotations("shop.example.com/entry-point", "true");
    }
    return b.build();
  }
}
