package io.saltlab.examples;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
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
 * disruption budget and the namespace isolated by a NetworkPolicy; and what the typed model does
 * not cover, as {@linkplain #customizations() customizations}. {@code examples/shop-lab.yaml} is
 * the same lab as a spec file; a test keeps the two rendering the same bytes.
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
        .customizations(customizations())
        .build();
  }

  /**
   * What the shop lab changes beyond its typed model, one customization of each kind, applied in
   * this order after translation and validated with the rest: a typed fabric8 edit (zookeeper's
   * members wait for the salt-master in an init container), JSON patches (hazelcast's members start
   * together and get a minute to hand their partitions over; orders sleeps before it stops, so its
   * Service drops it first), strategic-merge patches (the business apps mount no API token, catalog
   * sleeps before it stops too) and an extra object (a ResourceQuota on the lab's namespace).
   *
   * <p>{@code examples/shop-lab.yaml} carries the same patches (inline, and as files under {@code
   * examples/shop-lab/}) and the same extra object; the typed edit needs code, so the spec file
   * makes it as the JSON patch it amounts to, its first patch, which gives the same bytes. Every
   * field set here exists from Kubernetes 1.7, the first target the shop lab renders for.
   *
   * @return the customizations
   */
  public static Customizations customizations() {
    return Customizations.builder()
        .edit(
            StatefulSet.class,
            "zookeeper",
            (StatefulSetBuilder s) ->
                s.editSpec()
                    .editTemplate()
                    .editSpec()
                    .addNewInitContainer()
                    .withName("wait-for-master")
                    .withImage(ZOOKEEPER_IMAGE)
                    .withCommand("sh", "-c", WAIT_FOR_MASTER)
                    .withNewResources()
                    .addToRequests("cpu", new Quantity("10m"))
                    .addToRequests("memory", new Quantity("16Mi"))
                    .addToLimits("memory", new Quantity("16Mi"))
                    .endResources()
                    .endInitContainer()
                    .endSpec()
                    .endTemplate()
                    .endSpec())
        .jsonPatch(Target.of("StatefulSet", "hazelcast"), HAZELCAST_PATCH)
        .jsonPatch(Target.of("StatefulSet", "orders"), ORDERS_PRE_STOP)
        .strategicMerge(Target.of("StatefulSet", "orders"), NO_API_TOKEN)
        .strategicMerge(Target.of("StatefulSet", "catalog"), CATALOG_PATCH)
        .addYaml(QUOTA)
        .build();
  }

  private static final String ZOOKEEPER_IMAGE = REGISTRY + "/salt/minion-zookeeper:3006.9";

  /**
   * The master's headless Service resolves only once the master is ready: until then a minion would
   * only spend its first key attempts, and the ensemble's ordered start would wait on it.
   */
  private static final String WAIT_FOR_MASTER =
      "until getent hosts salt-master.shop-lab.svc.cluster.local; do sleep 2; done";

  /** The members find each other whatever the order; a leaving one hands its partitions over. */
  private static final String HAZELCAST_PATCH =
      """
      - {op: add, path: /spec/podManagementPolicy, value: Parallel}
      - {op: add, path: /spec/template/spec/terminationGracePeriodSeconds, value: 60}
      """;

  /** The same text as examples/shop-lab/patches/orders-pre-stop.yaml. */
  static final String ORDERS_PRE_STOP =
      """
      # The container is addressed by its index: the test fails the render, naming both values,
      # should another container ever come first.
      - {op: test, path: /spec/template/spec/containers/0/name, value: orders}
      - op: add
        path: /spec/template/spec/containers/0/lifecycle
        value: {preStop: {exec: {command: [sleep, "5"]}}}
      """;

  /** Salt minions never call the Kubernetes API: no token in the apps' pods. */
  private static final String NO_API_TOKEN =
      "{spec: {template: {spec: {automountServiceAccountToken: false}}}}";

  /** The same text as examples/shop-lab/patches/catalog.yaml. */
  static final String CATALOG_PATCH =
      """
      # A strategic merge reaches the container by its name (containers merge on 'name').
      spec:
        template:
          spec:
            automountServiceAccountToken: false
            containers:
              - name: catalog
                lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
      """;

  /** The same text as examples/shop-lab/objects/quota.yaml. */
  static final String QUOTA =
      """
      # The lab runs on nodes shared with others: it takes at most this much of them. The API
      # server then refuses a pod of the namespace whose containers (init containers too) leave
      # these requests or limits unset; every container of the lab sets them.
      apiVersion: v1
      kind: ResourceQuota
      metadata:
        name: shop-lab-compute
        namespace: shop-lab
        labels:
          app.kubernetes.io/managed-by: saltlab
          app.kubernetes.io/part-of: shop-lab
      spec:
        hard:
          requests.cpu: "4"
          requests.memory: 6Gi
          limits.memory: 10Gi
      """;

  /**
   * Three members, each with its own claim for data; each learns its name (zookeeper-0, -1, -2,
   * also its Salt minion id) from the pod, and the zookeeper state derives the server id from it.
   */
  private static AppRole zookeeper() {
    return AppRole.builder()
        .name("zookeeper")
        .image(ZOOKEEPER_IMAGE)
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
