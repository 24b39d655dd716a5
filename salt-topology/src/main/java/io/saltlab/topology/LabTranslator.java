package io.saltlab.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.InOrder;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.RegistrySecretFormat;
import io.saltlab.core.decorate.AddImagePullSecretDecorator;
import io.saltlab.core.decorate.AddLabelDecorator;
import io.saltlab.core.decorate.ApplyTargetApiVersionDecorator;
import io.saltlab.core.decorate.Decorators;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.validate.ValidationContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Translates a {@link SaltLab} into fabric8 objects and the decorators that finish them, then
 * hands both to the core renderer. The Salt files come from {@link SaltConfig}, the workloads from
 * {@link LabWorkloads}. Each object is finished on its own builder: first the decorators that
 * concern that workload alone, then the lab-wide ones, in the order listed; then it is built once.
 * The cost stays linear in the number of roles, and no object is copied between decorators.
 */
final class LabTranslator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabTranslator() {}

  static Manifests render(SaltLab lab, KubernetesVersion target) {
    // Created first: a validating renderer starts loading the target's schema in the background
    // while the objects are translated.
    ManifestRenderer renderer = renderer(lab, target);
    return renderer.render(translate(lab, target));
  }

  /** The validating renderer; it accepts the pull Secret as existing when the lab names one. */
  static ManifestRenderer renderer(SaltLab lab, KubernetesVersion target) {
    ManifestRenderer renderer = new ManifestRenderer(target);
    Registry registry = lab.registry();
    return registry.existingSecret()
        ? renderer.withContext(
            ValidationContext.builder().existingSecret(lab.namespace(), registry.secretName()).build())
        : renderer;
  }

  /**
   * The lab's objects for a target, finished: each is built on one builder, its own decorators
   * applied, then the lab-wide ones, then built once. Roles are translated independently of each
   * other, on every core for large labs; the order of the objects does not depend on it.
   */
  static List<HasMetadata> translate(SaltLab lab, KubernetesVersion target) {
    ApiVersions api = ApiVersionTable.forTarget(target);
    List<Decorator<?>> labWide = labDecorators(lab, target);
    List<HasMetadata> objects = new ArrayList<>(6 + 3 * lab.roles().size());
    objects.add(finish(namespace(lab), labWide));
    if (!lab.registry().existingSecret()) {
      objects.add(finish(pullSecret(lab, api), labWide));
    }
    objects.add(finish(autosignSecret(lab), labWide));
    // The Salt files are derived once: the ConfigMaps carry them and the workloads' digests and
    // mounts follow them.
    SortedMap<String, String> hostTree = SaltConfig.hostTree(lab);
    objects.add(finish(configMap(lab, masterConfigMapName(lab.master()), masterConfigMapData(hostTree)), labWide));
    SaltMaster master = lab.master();
    objects.add(
        finish(
            service(
                lab,
                master.name(),
                List.of(
                    servicePort("salt-pub", master.publishPort()),
                    servicePort("salt-ret", master.returnPort()))),
            labWide));
    objects.add(finish(LabWorkloads.master(lab, api, hostTree), labWide));
    for (List<HasMetadata> roleObjects : InOrder.map(lab.roles(), role -> role(lab, role, api, labWide))) {
      objects.addAll(roleObjects);
    }
    return objects;
  }

  /** A role's Service (when it has one), ConfigMap and workload, finished. */
  private static List<HasMetadata> role(SaltLab lab, AppRole role, ApiVersions api, List<Decorator<?>> labWide) {
    List<HasMetadata> objects = new ArrayList<>(3);
    List<ServicePort> ports = new ArrayList<>();
    for (RolePort p : role.ports()) {
      ports.add(servicePort(p.name(), p.port()));
    }
    // Kubernetes 1.5 requires ports on every Service; a role without ports then has no Service
    // (minions dial the master, nothing dials them).
    if (!ports.isEmpty() || api.allowsServiceWithoutPorts()) {
      objects.add(finish(service(lab, role.name(), ports), labWide));
    }
    String minionConfig = SaltConfig.minionConfigFile(lab, role);
    objects.add(finish(configMap(lab, minionConfigMapName(role), Map.of(SaltConfig.MINION_CONF_FILE, minionConfig)), labWide));
    objects.add(finish(LabWorkloads.role(lab, role, api, minionConfig), labWide));
    return objects;
  }

  /** Applies the lab-wide decorators to an object's builder and builds the object. */
  private static HasMetadata finish(VisitableBuilder<? extends HasMetadata, ?> builder, List<Decorator<?>> labWide) {
    Decorators.apply(builder, labWide);
    return builder.build();
  }

  /** Name of the master's ConfigMap: {@code <master>-config}. */
  static String masterConfigMapName(SaltMaster master) {
    return master.name() + "-config";
  }

  /** Name of a role's ConfigMap: {@code <role>-minion-config}. */
  static String minionConfigMapName(AppRole role) {
    return role.name() + "-minion-config";
  }

  /** Name of the Secret holding the autosign token: {@code <master>-autosign}. */
  static String autosignSecretName(SaltMaster master) {
    return master.name() + "-autosign";
  }

  /** The Secret key of the minions' {@code grains} file. */
  static final String GRAINS_KEY = "grains";

  /**
   * The master's ConfigMap data: every file of the lab's {@link SaltConfig#hostTree} under its
   * {@link SaltConfig#configMapKey} key.
   */
  static Map<String, String> masterConfigMapData(SortedMap<String, String> hostTree) {
    Map<String, String> data = new TreeMap<>();
    for (Map.Entry<String, String> f : hostTree.entrySet()) {
      data.put(SaltConfig.configMapKey(f.getKey()), f.getValue());
    }
    return data;
  }

  /**
   * The Secret that carries the lab token, in the two shapes Salt reads it: the master's autosign
   * file (named after the grain, one accepted value per line) and the minions' grains file. It is
   * the only object holding the token, base64-encoded as every Secret value.
   */
  static SecretBuilder autosignSecret(SaltLab lab) {
    Map<String, String> data = new TreeMap<>();
    data.put(SaltConfig.AUTOSIGN_GRAIN, base64(SaltConfig.autosignGrainFile(lab)));
    data.put(GRAINS_KEY, base64(SaltConfig.minionGrainsFile(lab)));
    return new SecretBuilder()
        .withMetadata(metadata(lab, autosignSecretName(lab.master()), null))
        .withType("Opaque")
        .withData(data);
  }

  private static ConfigMapBuilder configMap(SaltLab lab, String name, Map<String, String> data) {
    return new ConfigMapBuilder().withMetadata(metadata(lab, name, null)).withData(new TreeMap<>(data));
  }

  /**
   * The metadata of an object of the lab, as a plain model object: builders copy what they are
   * given, so objects are assembled from plain parts and copied into a builder once.
   *
   * @param lab the lab, whose namespace the object lives in
   * @param name the object's name
   * @param labels its labels, or null for none
   * @return the metadata
   */
  static ObjectMeta metadata(SaltLab lab, String name, Map<String, String> labels) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(lab.namespace());
    if (labels != null) {
      metadata.setLabels(new TreeMap<>(labels));
    }
    return metadata;
  }

  /** The decorators that apply to every object, in the order they run. */
  static List<Decorator<?>> labDecorators(SaltLab lab, KubernetesVersion target) {
    return List.of(
        new AddLabelDecorator(Labels.MANAGED_BY, "saltlab"),
        new AddLabelDecorator(Labels.PART_OF, lab.name()),
        new AddImagePullSecretDecorator(null, lab.registry().secretName()),
        new ApplyTargetApiVersionDecorator(target));
  }

  private static NamespaceBuilder namespace(SaltLab lab) {
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(lab.namespace());
    return new NamespaceBuilder().withMetadata(metadata);
  }

  /**
   * The pull Secret, shaped as {@code kubectl create secret docker-registry} shapes it for the
   * target: the same four fields, {@code auth} being base64 of {@code user:password}.
   */
  static SecretBuilder pullSecret(SaltLab lab, ApiVersions api) {
    Registry registry = lab.registry();
    // Both present: LabChecks requires them unless the Secret exists, and then this is not called.
    String password = registry.password().orElseThrow().reveal();
    String username = registry.username().orElseThrow();
    ObjectNode entry = JSON.createObjectNode();
    entry.put("username", username);
    entry.put("password", password);
    registry.email().ifPresent(e -> entry.put("email", e));
    entry.put("auth", base64(username + ":" + password));
    ObjectNode config = JSON.createObjectNode();
    RegistrySecretFormat format = api.registrySecretFormat();
    if (format == RegistrySecretFormat.DOCKERCONFIGJSON) {
      config.putObject("auths").set(registry.server(), entry);
    } else {
      config.set(registry.server(), entry);
    }
    return new SecretBuilder()
        .withMetadata(metadata(lab, registry.secretName(), null))
        .withType(format.secretType())
        .withData(Map.of(format.dataKey(), base64(config.toString())));
  }

  private static ServiceBuilder service(SaltLab lab, String name, List<ServicePort> ports) {
    Map<String, String> selector = Labels.selector(lab, name);
    ServiceSpec spec = new ServiceSpec();
    spec.setClusterIP("None");
    spec.setSelector(new TreeMap<>(selector));
    spec.setPorts(ports);
    return new ServiceBuilder().withMetadata(metadata(lab, name, selector)).withSpec(spec);
  }

  private static ServicePort servicePort(String name, int port) {
    ServicePort servicePort = new ServicePort();
    servicePort.setName(name);
    servicePort.setPort(port);
    servicePort.setTargetPort(new IntOrString(name));
    servicePort.setProtocol("TCP");
    return servicePort;
  }

  static ContainerPort containerPort(String name, int port) {
    ContainerPort containerPort = new ContainerPort();
    containerPort.setName(name);
    containerPort.setContainerPort(port);
    containerPort.setProtocol("TCP");
    return containerPort;
  }

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
