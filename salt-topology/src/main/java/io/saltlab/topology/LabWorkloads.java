package io.saltlab.topology;

import static io.saltlab.core.internal.tree.KubeTrees.addMount;
import static io.saltlab.core.internal.tree.KubeTrees.addSubPathMount;
import static io.saltlab.core.internal.tree.KubeTrees.addVolume;
import static io.saltlab.core.internal.tree.KubeTrees.named;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.tree.KubeTrees;
import io.saltlab.core.internal.tree.PodTrees;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the master's and the roles' workloads as Kubernetes object trees. Each is built bare, then
 * finished by the transformations of that workload alone ({@link KubeTrees}), in the order listed
 * in each method; the lab-wide ones ({@link LabTranslator#finish}) come next.
 */
final class LabWorkloads {
  /** Kubernetes' well-known node label, present on every node of every supported version. */
  static final String HOSTNAME_LABEL = PodTrees.HOSTNAME_LABEL;

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
  private static final String GENERATED_VOLUME = "salt-generated";

  private LabWorkloads() {}

  /**
   * The master: a Deployment of one pod pinned to the node of its host paths, replaced with
   * Recreate, probed on its return port, reading its generated files from its ConfigMap and the
   * token from the autosign Secret. Its digest covers only the configuration it reads at start, so
   * changing a role (its states, pillar, reactor: files the kubelet updates in the running pod)
   * never replaces it.
   *
   * @param data the lab's {@link MasterData}, computed once by the caller
   */
  static ObjectNode master(
      SaltLab lab, ApiVersions api, KubernetesVersion target, MasterData data) {
    SaltMaster master = lab.master();
    String name = master.name();
    String confKey = SaltConfig.configMapKey(SaltConfig.MASTER_CONF);
    ObjectNode container = container(name, master.image(), master.command(), master.args());
    port(container, "salt-pub", master.publishPort());
    port(container, "salt-ret", master.returnPort());
    String startup = digest(Map.of(confKey, data.files().get(SaltConfig.MASTER_CONF)));
    ObjectNode template = template(lab, name, MASTER_COMPONENT, Map.of(), startup, container);
    ObjectNode podSpec = (ObjectNode) template.get("spec");
    String hostPathType = api.supportsHostPathType() ? "DirectoryOrCreate" : null;
    for (SaltDirectory dir : SaltDirectory.values()) {
      addMount(container, dir.volumeName(), master.mountPath(dir), false);
      ObjectNode hostPath = addVolume(podSpec, dir.volumeName()).putObject("hostPath");
      hostPath.put("path", master.hostPath(dir));
      if (hostPathType != null) {
        hostPath.put("type", hostPathType);
      }
    }
    // The configuration is mounted on its own (subPath), so the user's other files in master.d
    // stay visible; a subPath mount is never updated, which is why the digest covers it.
    String configMap = LabNames.masterConfigMap(master);
    addVolume(podSpec, CONFIG_VOLUME).putObject("configMap").put("name", configMap);
    addSubPathMount(
        container, CONFIG_VOLUME, join(master.mountRoot(), SaltConfig.MASTER_CONF), confKey);
    // The rest as one directory, which the kubelet updates in place when the ConfigMap changes;
    // a large lab's parts join it there through a projected volume, updated in place the same way.
    ObjectNode generated = addVolume(podSpec, GENERATED_VOLUME);
    if (data.split()) {
      ArrayNode sources = generated.putObject("projected").putArray("sources");
      for (MasterData.Part part : data.parts()) {
        generatedItems(sources.addObject().putObject("configMap"), part);
      }
    } else {
      generatedItems(generated.putObject("configMap"), data.parts().get(0));
    }
    addMount(container, GENERATED_VOLUME, join(master.mountRoot(), SaltConfig.GENERATED_DIR), true);
    tokenVolume(podSpec, LabNames.autosignSecret(lab), SaltConfig.AUTOSIGN_GRAIN);
    addMount(container, AUTOSIGN_VOLUME, SaltConfig.autosignDirectory(lab), true);
    // The host paths exist on one node only: anywhere else the master starts without its keys.
    podSpec.putObject("nodeSelector").put(HOSTNAME_LABEL, master.node());
    // A TCP check on the return port, where minions authenticate: cheap, and it only passes once
    // the master accepts connections. The liveness delay leaves time for first-start key
    // generation.
    int retPort = master.returnPort();
    container.set("readinessProbe", KubeTrees.tcpProbe(retPort, 5, 10, 2, 3));
    container.set("livenessProbe", KubeTrees.tcpProbe(retPort, 30, 20, 5, 3));
    RoleSettings.container(container, master);
    RoleSettings.pod(template, master, target);
    ObjectNode deployment = deployment(lab, api, name, 1, template);
    // One master owns the host paths: a rolling update would run two masters on them at once.
    recreate(deployment);
    return deployment;
  }

  /**
   * A ConfigMap volume source (or projection) of the files a part holds under the generated
   * directory, each key at its path there.
   */
  private static void generatedItems(ObjectNode source, MasterData.Part part) {
    source.put("name", part.configMap());
    String prefix = SaltConfig.GENERATED_DIR + "/";
    for (String path : part.files().keySet()) {
      if (path.startsWith(prefix)) {
        ObjectNode item = KubeTrees.list(source, "items").addObject();
        item.put("key", SaltConfig.configMapKey(path));
        item.put("path", path.substring(prefix.length()));
      }
    }
  }

  /**
   * A role: a StatefulSet or a Deployment (by {@link AppRole#identity()}) whose minion reads its
   * generated {@code minion.d} file from the role's ConfigMap, the token grain from the autosign
   * Secret, and keeps its key pair on a volume claim of its own ({@link MinionKeys}).
   *
   * @param config the role's {@link SaltConfig#minionConfigFile}, computed once by the caller
   */
  static ObjectNode role(
      SaltLab lab, AppRole role, ApiVersions api, KubernetesVersion target, String config) {
    String name = role.name();
    ObjectNode container = container(name, lab.imageOf(role), role.command(), role.args());
    for (RolePort p : role.ports()) {
      port(container, p.name(), p.port());
    }
    ObjectNode template =
        template(
            lab,
            name,
            MINION_COMPONENT,
            role.labels(),
            digest(Map.of(SaltConfig.MINION_CONF_FILE, config)),
            container);
    ObjectNode podSpec = (ObjectNode) template.get("spec");
    PodTrees.addAnnotations((ObjectNode) template.get("metadata"), role.podAnnotations());
    RoleSettings.env(container, role);
    String configDir = lab.minionConfigDir();
    addVolume(podSpec, CONFIG_VOLUME)
        .putObject("configMap")
        .put("name", LabNames.minionConfigMap(role));
    // subPath: the rest of the image's minion.d stays, and stays writable (Salt writes
    // _schedule.conf there).
    addSubPathMount(
        container,
        CONFIG_VOLUME,
        join(configDir, "minion.d/" + SaltConfig.MINION_CONF_FILE),
        SaltConfig.MINION_CONF_FILE);
    tokenVolume(podSpec, LabNames.autosignSecret(lab), LabNames.GRAINS_KEY);
    addSubPathMount(container, AUTOSIGN_VOLUME, join(configDir, "grains"), LabNames.GRAINS_KEY);
    // The key pair outlives the pod, so a re-created minion is still the key the master accepted.
    addMount(container, LabNames.MINION_KEYS, SaltConfig.minionPkiDir(lab), false);
    if (role.identity() == MinionIdentity.FIXED) {
      addVolume(podSpec, LabNames.MINION_KEYS)
          .putObject("persistentVolumeClaim")
          .put("claimName", LabNames.minionKeyClaim(role, role.name()));
    }
    RoleSettings.volumes(container, podSpec, role);
    RoleSettings.container(container, role);
    RoleSettings.pod(template, role, target);
    RoleSettings.spread(template, role, Labels.selector(lab, name), target);
    ObjectNode workload;
    if (role.identity() == MinionIdentity.STATEFUL) {
      workload = statefulSet(lab, api, name, role.replicas(), template);
      ObjectNode spec = (ObjectNode) workload.get("spec");
      PodTrees.addClaimTemplate(
          spec, LabNames.MINION_KEYS, "ReadWriteOnce", MinionKeys.SIZE, null, false);
      RoleSettings.claimTemplates(spec, role, target);
    } else {
      workload = deployment(lab, api, name, role.replicas(), template);
      // Two pods must never run with the same fixed id: the old one goes before the new one
      // starts.
      recreate(workload);
    }
    ObjectNode metadata = (ObjectNode) workload.get("metadata");
    KubeTrees.addLabels(metadata, role.workloadLabels());
    PodTrees.addAnnotations(metadata, role.workloadAnnotations());
    return workload;
  }

  private static ObjectNode container(
      String name, String image, List<String> command, List<String> args) {
    ObjectNode container = named(name);
    container.put("image", image);
    KubeTrees.putStrings(container, "command", command);
    KubeTrees.putStrings(container, "args", args);
    container.put("tty", true);
    return container;
  }

  /** Appends a named TCP port to the container's ports. */
  private static void port(ObjectNode container, String name, int number) {
    ObjectNode port = named(name);
    port.put("containerPort", number);
    port.put("protocol", "TCP");
    KubeTrees.list(container, "ports").add(port);
  }

  /**
   * The autosign Secret mounted as a volume holding one of its keys, readable by its owner only:
   * saltlab's {@code AddKeyToPathVolumeDecorator} with a Secret source.
   */
  private static void tokenVolume(ObjectNode podSpec, String secretName, String key) {
    ObjectNode secret = addVolume(podSpec, AUTOSIGN_VOLUME).putObject("secret");
    secret.put("secretName", secretName);
    secret.put("defaultMode", TOKEN_FILE_MODE);
    ObjectNode item = secret.putArray("items").addObject();
    item.put("key", key);
    item.put("path", key);
    item.put("mode", TOKEN_FILE_MODE);
  }

  private static ObjectNode template(
      SaltLab lab,
      String name,
      String component,
      Map<String, String> extraLabels,
      String configDigest,
      ObjectNode container) {
    ObjectNode template = KubeTrees.object();
    ObjectNode metadata = template.putObject("metadata");
    KubeTrees.putStringMap(metadata, "labels", Labels.pod(lab, name, component, extraLabels));
    metadata.putObject("annotations").put(CONFIG_DIGEST_ANNOTATION, configDigest);
    ObjectNode spec = template.putObject("spec");
    spec.putArray("containers").add(container);
    spec.put("restartPolicy", "Always");
    return template;
  }

  private static ObjectNode deployment(
      SaltLab lab, ApiVersions api, String name, int replicas, ObjectNode template) {
    Map<String, String> selector = Labels.selector(lab, name);
    ObjectNode deployment =
        KubeTrees.resource(
            api.deployment(), "Deployment", LabTranslator.metadata(lab, name, selector));
    ObjectNode spec = deployment.putObject("spec");
    spec.put("replicas", replicas);
    KubeTrees.putStringMap(spec.putObject("selector"), "matchLabels", selector);
    spec.set("template", template);
    return deployment;
  }

  /**
   * A StatefulSet governed by the role's headless Service, which gives each pod the stable host
   * name {@code <role>-<ordinal>} its minion id comes from.
   */
  private static ObjectNode statefulSet(
      SaltLab lab, ApiVersions api, String name, int replicas, ObjectNode template) {
    Map<String, String> selector = Labels.selector(lab, name);
    ObjectNode statefulSet =
        KubeTrees.resource(
            api.statefulSet(), "StatefulSet", LabTranslator.metadata(lab, name, selector));
    ObjectNode spec = statefulSet.putObject("spec");
    spec.put("serviceName", name);
    spec.put("replicas", replicas);
    KubeTrees.putStringMap(spec.putObject("selector"), "matchLabels", selector);
    spec.set("template", template);
    return statefulSet;
  }

  /** Replaces pods old-before-new: saltlab's {@code ApplyRecreateStrategyDecorator}. */
  private static void recreate(ObjectNode deployment) {
    ((ObjectNode) deployment.get("spec")).putObject("strategy").put("type", "Recreate");
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
