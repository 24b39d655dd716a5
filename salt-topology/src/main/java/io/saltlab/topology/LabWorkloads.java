package io.saltlab.topology;

import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.decorate.AddEmptyDirVolumeDecorator;
import io.saltlab.core.decorate.AddEnvVarDecorator;
import io.saltlab.core.decorate.AddHostPathVolumeDecorator;
import io.saltlab.core.decorate.AddKeyToPathVolumeDecorator;
import io.saltlab.core.decorate.AddKeyToPathVolumeDecorator.Source;
import io.saltlab.core.decorate.AddMountDecorator;
import io.saltlab.core.decorate.AddNodeSelectorDecorator;
import io.saltlab.core.decorate.AddSubPathMountDecorator;
import io.saltlab.core.decorate.AddTcpProbeDecorator;
import io.saltlab.core.decorate.ApplyRecreateStrategyDecorator;
import io.saltlab.core.decorate.Decorators;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the master's and the roles' workloads. Each is built bare, then finished by the
 * decorators of that workload alone, in the order listed in each method, so that the cost stays
 * linear in the number of roles. The builders are returned unbuilt: the lab-wide decorators
 * finish them next.
 */
final class LabWorkloads {
  /** Kubernetes' well-known node label, present on every node of every supported version. */
  static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

  /**
   * Pod-template annotation holding a digest of the workload's Salt configuration: Salt reads its
   * configuration at start only, so a changed configuration must replace the pods. Never a digest
   * of the token, which could be guessed back from it.
   */
  static final String CONFIG_DIGEST_ANNOTATION = "saltlab.io/salt-config-sha256";

  /** Octal 0400: only the Salt process's user (root) reads the token files. */
  static final int TOKEN_FILE_MODE = 0400;

  private static final String MASTER_COMPONENT = "salt-master";
  private static final String MINION_COMPONENT = "salt-minion";
  private static final String AUTOSIGN_VOLUME = "salt-autosign";
  private static final String CONFIG_VOLUME = "salt-config";
  private static final String MINION_PKI_VOLUME = "salt-minion-pki";

  private LabWorkloads() {}

  /**
   * The master: a Deployment of one pod pinned to the node of its host paths, replaced with
   * Recreate, probed on its return port, reading its generated files from its ConfigMap and the
   * token from the autosign Secret.
   *
   * @param hostTree the lab's {@link SaltConfig#hostTree(SaltLab)}, computed once by the caller
   */
  static DeploymentBuilder master(SaltLab lab, ApiVersions api, SortedMap<String, String> hostTree) {
    SaltMaster master = lab.master();
    String name = master.name();
    Map<String, String> files = LabTranslator.masterConfigMapData(hostTree);
    DeploymentBuilder builder =
        deployment(
            lab,
            name,
            1,
            template(
                lab,
                name,
                MASTER_COMPONENT,
                Map.of(),
                digest(files),
                master.image(),
                master.command(),
                master.args(),
                List.of(
                    LabTranslator.containerPort("salt-pub", master.publishPort()),
                    LabTranslator.containerPort("salt-ret", master.returnPort()))));
    List<Decorator<?>> decorators = new ArrayList<>();
    String hostPathType = api.supportsHostPathType() ? "DirectoryOrCreate" : null;
    for (SaltDirectory dir : SaltDirectory.values()) {
      decorators.add(new AddMountDecorator(name, name, dir.volumeName(), master.mountPath(dir), false));
      decorators.add(
          new AddHostPathVolumeDecorator(name, dir.volumeName(), master.hostPath(dir), hostPathType));
    }
    // Each generated file is mounted on its own (subPath) at the same place it has in the host
    // tree, so the user's other files in those directories stay visible to the master.
    decorators.add(
        new AddKeyToPathVolumeDecorator(
            name, Source.CONFIG_MAP, CONFIG_VOLUME, LabTranslator.masterConfigMapName(master), null, Map.of(), null));
    for (String path : hostTree.keySet()) {
      decorators.add(
          new AddSubPathMountDecorator(
              name, name, CONFIG_VOLUME, join(master.mountRoot(), path), SaltConfig.configMapKey(path)));
    }
    decorators.add(
        new AddKeyToPathVolumeDecorator(
            name,
            Source.SECRET,
            AUTOSIGN_VOLUME,
            LabTranslator.autosignSecretName(master),
            TOKEN_FILE_MODE,
            Map.of(SaltConfig.AUTOSIGN_GRAIN, SaltConfig.AUTOSIGN_GRAIN),
            TOKEN_FILE_MODE));
    decorators.add(new AddMountDecorator(name, name, AUTOSIGN_VOLUME, SaltConfig.autosignDirectory(lab), true));
    // The host paths exist on one node only: anywhere else the master starts without its keys.
    decorators.add(new AddNodeSelectorDecorator(name, HOSTNAME_LABEL, master.node()));
    // A TCP check on the return port, where minions authenticate: cheap, and it only passes once
    // the master accepts connections. The liveness delay leaves time for first-start key generation.
    int retPort = master.returnPort();
    decorators.add(new AddTcpProbeDecorator(name, name, AddTcpProbeDecorator.Kind.READINESS, retPort, 5, 10, 2, 3));
    decorators.add(new AddTcpProbeDecorator(name, name, AddTcpProbeDecorator.Kind.LIVENESS, retPort, 30, 20, 5, 3));
    // One master owns the host paths: a rolling update would run two masters on them at once.
    decorators.add(new ApplyRecreateStrategyDecorator(name));
    Decorators.apply(builder, decorators);
    return builder;
  }

  /**
   * A role: a StatefulSet or a Deployment (by {@link AppRole#identity()}) whose minion reads its
   * generated {@code minion.d} file from the role's ConfigMap, the token grain from the autosign
   * Secret, and keeps its key pair on an emptyDir.
   *
   * @param config the role's {@link SaltConfig#minionConfigFile}, computed once by the caller
   */
  static VisitableBuilder<? extends HasMetadata, ?> role(SaltLab lab, AppRole role, ApiVersions api, String config) {
    String name = role.name();
    List<ContainerPort> ports = new ArrayList<>();
    for (RolePort p : role.ports()) {
      ports.add(LabTranslator.containerPort(p.name(), p.port()));
    }
    PodTemplateSpec template =
        template(
            lab,
            name,
            MINION_COMPONENT,
            role.labels(),
            digest(Map.of(SaltConfig.MINION_CONF_FILE, config)),
            lab.imageOf(role),
            role.command(),
            role.args(),
            ports);
    List<Decorator<?>> decorators = new ArrayList<>();
    for (Map.Entry<String, String> e : role.env().entrySet()) {
      decorators.add(new AddEnvVarDecorator(name, name, e.getKey(), e.getValue()));
    }
    String configDir = lab.minionConfigDir();
    decorators.add(
        new AddKeyToPathVolumeDecorator(
            name, Source.CONFIG_MAP, CONFIG_VOLUME, LabTranslator.minionConfigMapName(role), null, Map.of(), null));
    // subPath: the rest of the image's minion.d stays, and stays writable (Salt writes
    // _schedule.conf there).
    decorators.add(
        new AddSubPathMountDecorator(
            name,
            name,
            CONFIG_VOLUME,
            join(configDir, "minion.d/" + SaltConfig.MINION_CONF_FILE),
            SaltConfig.MINION_CONF_FILE));
    decorators.add(
        new AddKeyToPathVolumeDecorator(
            name,
            Source.SECRET,
            AUTOSIGN_VOLUME,
            LabTranslator.autosignSecretName(lab.master()),
            TOKEN_FILE_MODE,
            Map.of(LabTranslator.GRAINS_KEY, LabTranslator.GRAINS_KEY),
            TOKEN_FILE_MODE));
    decorators.add(
        new AddSubPathMountDecorator(name, name, AUTOSIGN_VOLUME, join(configDir, "grains"), LabTranslator.GRAINS_KEY));
    // The key pair outlives container restarts, so a restarted minion is still the key the
    // master accepted.
    decorators.add(new AddEmptyDirVolumeDecorator(name, MINION_PKI_VOLUME));
    decorators.add(new AddMountDecorator(name, name, MINION_PKI_VOLUME, SaltConfig.minionPkiDir(lab), false));
    VisitableBuilder<? extends HasMetadata, ?> builder;
    if (role.identity() == MinionIdentity.STATEFUL) {
      builder = statefulSet(lab, name, role.replicas(), template);
    } else {
      builder = deployment(lab, name, role.replicas(), template);
      // Two pods must never run with the same fixed id: the old one goes before the new one starts.
      decorators.add(new ApplyRecreateStrategyDecorator(name));
    }
    Decorators.apply(builder, decorators);
    return builder;
  }

  private static PodTemplateSpec template(
      SaltLab lab,
      String name,
      String component,
      Map<String, String> extraLabels,
      String configDigest,
      String image,
      List<String> command,
      List<String> args,
      List<ContainerPort> ports) {
    // Plain model objects: the workload's builder copies them once (nested builders would copy
    // each level again on every end...()).
    Container container = new Container();
    container.setName(name);
    container.setImage(image);
    container.setCommand(new ArrayList<>(command));
    container.setArgs(new ArrayList<>(args));
    container.setPorts(ports);
    container.setTty(true);
    PodSpec spec = new PodSpec();
    spec.setContainers(new ArrayList<>(List.of(container)));
    spec.setRestartPolicy("Always");
    ObjectMeta metadata = new ObjectMeta();
    metadata.setLabels(Labels.pod(lab, name, component, extraLabels));
    metadata.setAnnotations(new TreeMap<>(Map.of(CONFIG_DIGEST_ANNOTATION, configDigest)));
    PodTemplateSpec template = new PodTemplateSpec();
    template.setMetadata(metadata);
    template.setSpec(spec);
    return template;
  }

  private static DeploymentBuilder deployment(SaltLab lab, String name, int replicas, PodTemplateSpec template) {
    Map<String, String> selector = Labels.selector(lab, name);
    DeploymentSpec spec = new DeploymentSpec();
    spec.setReplicas(replicas);
    spec.setSelector(selector(selector));
    spec.setTemplate(template);
    Deployment deployment = new Deployment();
    deployment.setMetadata(LabTranslator.metadata(lab, name, selector));
    deployment.setSpec(spec);
    return new DeploymentBuilder(deployment);
  }

  /**
   * A StatefulSet governed by the role's headless Service, which gives each pod the stable host
   * name {@code <role>-<ordinal>} its minion id comes from.
   */
  private static StatefulSetBuilder statefulSet(SaltLab lab, String name, int replicas, PodTemplateSpec template) {
    Map<String, String> selector = Labels.selector(lab, name);
    StatefulSetSpec spec = new StatefulSetSpec();
    spec.setServiceName(name);
    spec.setReplicas(replicas);
    spec.setSelector(selector(selector));
    spec.setTemplate(template);
    StatefulSet statefulSet = new StatefulSet();
    statefulSet.setMetadata(LabTranslator.metadata(lab, name, selector));
    statefulSet.setSpec(spec);
    return new StatefulSetBuilder(statefulSet);
  }

  private static LabelSelector selector(Map<String, String> matchLabels) {
    LabelSelector selector = new LabelSelector();
    selector.setMatchLabels(new TreeMap<>(matchLabels));
    return selector;
  }

  /** SHA-256 of the files in key order, as hex. */
  static String digest(Map<String, String> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
