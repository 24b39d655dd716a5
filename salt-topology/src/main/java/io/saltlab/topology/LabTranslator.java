package io.saltlab.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.KubernetesFeature;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.RegistrySecretFormat;
import io.saltlab.core.internal.InOrder;
import io.saltlab.core.internal.tree.KubeTrees;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.ObjectSource;
import io.saltlab.core.validate.ValidationContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Translates a {@link SaltLab} into Kubernetes objects, as Jackson trees, and hands them to the
 * core renderer. The Salt files come from {@link SaltConfig}, the workloads from {@link
 * LabWorkloads}. Each object is built bare, finished by the transformations that concern it alone,
 * then by the lab-wide ones ({@link #finish}). Trees rather than fabric8 builders: the renderer
 * validates and writes trees anyway, and building them directly keeps a render's cost, above all a
 * short-lived process's, in saltlab's own few methods (see the README's Performance section).
 * {@link LabRendering#translate} gives the same objects as fabric8 objects.
 */
final class LabTranslator {
  /** Writes the pull Secret's JSON; jackson-core only, so a render never needs an ObjectMapper. */
  private static final JsonFactory JSON = new JsonFactory();

  private LabTranslator() {}

  static Manifests render(SaltLab lab, KubernetesVersion target, ValidationContext existing) {
    return render(lab, target, existing, MasterData.BUDGET);
  }

  /**
   * As {@link #render(SaltLab, KubernetesVersion, ValidationContext)}, with a master data budget.
   */
  static Manifests render(
      SaltLab lab, KubernetesVersion target, ValidationContext existing, int masterBudget) {
    // Created first: a validating renderer starts loading the target's schema in the background
    // while the objects are translated.
    ManifestRenderer renderer = renderer(lab, target, existing);
    // Customized between translation and validation: what a patch breaks is reported like the rest.
    return renderer.renderTrees(lab.customizations().apply(trees(lab, target, masterBudget)));
  }

  /**
   * The validating renderer; it accepts the pull Secret and the autosign Secret as existing when
   * the lab names them.
   */
  static ManifestRenderer renderer(SaltLab lab, KubernetesVersion target) {
    return renderer(lab, target, ValidationContext.empty());
  }

  /**
   * The validating renderer; what the lab names but does not render counts as existing, with the
   * caller's declarations of what the cluster holds besides.
   */
  static ManifestRenderer renderer(
      SaltLab lab, KubernetesVersion target, ValidationContext existing) {
    ManifestRenderer renderer = new ManifestRenderer(target);
    return renderer.withContext(lab(lab).include(existing).build());
  }

  /**
   * What the lab names but does not render, for validation: the existing pull and autosign Secrets,
   * and the Secrets and ConfigMaps roles read environment or volumes from.
   */
  private static ValidationContext.Builder lab(SaltLab lab) {
    ValidationContext.Builder b = ValidationContext.builder();
    String ns = lab.namespace();
    if (lab.registry().existingSecret()) {
      b.existingSecret(ns, lab.registry().secretName());
    }
    for (AppRole role : lab.roles()) {
      for (EnvSource s : role.envValueFrom().values()) {
        if (s instanceof EnvSource.SecretKey k) {
          b.existingSecret(ns, k.secretName());
        } else if (s instanceof EnvSource.ConfigMapKey k) {
          b.existingConfigMap(ns, k.configMapName());
        }
      }
      for (EnvFrom f : role.envFrom()) {
        f.secretName().ifPresent(n -> b.existingSecret(ns, n));
        f.configMapName().ifPresent(n -> b.existingConfigMap(ns, n));
      }
      for (RoleVolume v : role.volumes()) {
        if (v instanceof RoleVolume.ExistingSecret s) {
          b.existingSecret(ns, s.secretName());
        } else if (v instanceof RoleVolume.ExistingConfigMap m) {
          b.existingConfigMap(ns, m.configMapName());
        }
      }
    }
    lab.existingAutosignSecret().ifPresent(name -> b.existingSecret(ns, name));
    return b;
  }

  /**
   * The lab's objects for a target, finished. Roles are translated independently of each other, on
   * every core for large labs; the order of the objects does not depend on it.
   */
  static List<ObjectNode> trees(SaltLab lab, KubernetesVersion target) {
    return trees(lab, target, MasterData.BUDGET);
  }

  /**
   * The lab's objects for a target, with the master's data split over ConfigMaps of at most {@code
   * masterBudget} bytes ({@link MasterData#BUDGET} but in tests).
   */
  static List<ObjectNode> trees(SaltLab lab, KubernetesVersion target, int masterBudget) {
    List<ObjectNode> objects = new ArrayList<>(6 + 3 * lab.roles().size());
    forEach(lab, target, masterBudget, objects::add);
    return objects;
  }

  /**
   * The objects of {@link #trees} with the lab's customizations applied, as {@link #render} gives
   * them, produced on demand, for a renderer that does not hold them all: each call translates the
   * lab again, giving equal objects in the same order. A lab with customizations is held whole
   * while they are applied (a patch or visitor may concern any object, an extra object comes
   * anywhere).
   */
  static ObjectSource source(SaltLab lab, KubernetesVersion target) {
    if (lab.customizations().isEmpty()) {
      return sink -> forEach(lab, target, MasterData.BUDGET, sink);
    }
    return sink -> lab.customizations().apply(trees(lab, target)).forEach(sink);
  }

  /** Roles translated together, on every core; bounds the trees a source holds at once. */
  private static final int ROLE_CHUNK = 512;

  private static void forEach(
      SaltLab lab,
      KubernetesVersion target,
      int masterBudget,
      Consumer<? super ObjectNode> objects) {
    TargetChecks.check(lab, target);
    ApiVersions api = ApiVersionTable.forTarget(target);
    refuseWhatTheTargetLacks(lab, target, api);
    // The Salt files are derived once: the ConfigMaps carry them and the workloads' digests and
    // mounts follow them.
    MasterData masterData = MasterData.of(lab, masterBudget);
    refuseSplitWithoutProjectedVolumes(lab, target, masterData, masterBudget);
    objects.accept(finish(namespace(lab), lab));
    if (!lab.registry().existingSecret()) {
      objects.accept(finish(pullSecret(lab, api), lab));
    }
    if (lab.existingAutosignSecret().isEmpty()) {
      objects.accept(finish(autosignSecret(lab), lab));
    }
    for (MasterData.Part part : masterData.parts()) {
      objects.accept(
          finish(configMap(lab, part.configMap(), masterConfigMapData(part.files())), lab));
    }
    SaltMaster master = lab.master();
    List<ObjectNode> masterPorts =
        List.of(
            servicePort("salt-pub", master.publishPort()),
            servicePort("salt-ret", master.returnPort()));
    objects.accept(finish(service(lab, master.name(), masterPorts), lab));
    objects.accept(finish(LabWorkloads.master(lab, api, target, masterData), lab));
    List<AppRole> roles = lab.roles();
    for (int from = 0; from < roles.size(); from += ROLE_CHUNK) {
      List<AppRole> chunk = roles.subList(from, Math.min(roles.size(), from + ROLE_CHUNK));
      for (List<ObjectNode> roleObjects :
          InOrder.map(chunk, role -> role(lab, role, api, target))) {
        roleObjects.forEach(objects);
      }
    }
    if (lab.isolateNamespace()) {
      LabExtras.networkPolicies(lab, api).forEach(p -> objects.accept(finish(p, lab)));
    }
  }

  /**
   * Refuses, all at once, the roles the target cannot render right: on Kubernetes 1.5, which
   * requires a port on every Service, a STATEFUL role without ports would get a StatefulSet whose
   * {@code serviceName} names no Service.
   */
  private static void refuseWhatTheTargetLacks(
      SaltLab lab, KubernetesVersion target, ApiVersions api) {
    if (api.allowsServiceWithoutPorts()) {
      return;
    }
    List<LabProblem> problems = new ArrayList<>();
    for (int i = 0; i < lab.roles().size(); i++) {
      AppRole role = lab.roles().get(i);
      if (role.identity() == MinionIdentity.STATEFUL && role.ports().isEmpty()) {
        problems.add(
            new LabProblem(
                "roles[" + i + "].ports",
                null,
                "at least one port on Kubernetes "
                    + target
                    + ", where every Service needs one and a STATEFUL role's StatefulSet needs its"
                    + " headless Service (from 1.6 a Service may have no ports); or identity"
                    + " FIXED, which needs no Service",
                "{name: http, port: 8080}"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidLabException("lab '" + lab.name() + "' for Kubernetes " + target, problems);
    }
  }

  /**
   * Refuses a lab whose master data needs more than one ConfigMap on a target without projected
   * volumes (1.5), where they could not be mounted into the one directory Salt reads.
   */
  private static void refuseSplitWithoutProjectedVolumes(
      SaltLab lab, KubernetesVersion target, MasterData masterData, int masterBudget) {
    if (!masterData.split() || KubernetesFeature.PROJECTED_VOLUME.isOn(target)) {
      return;
    }
    throw new InvalidLabException(
        "lab '" + lab.name() + "' for Kubernetes " + target,
        List.of(
            new LabProblem(
                "roles",
                lab.roles().size() + " roles, " + masterData.dataBytes() + " bytes of Salt data",
                "a lab whose Salt data fits in one ConfigMap ("
                    + masterBudget
                    + " bytes) on Kubernetes "
                    + target
                    + ", which has no projected volumes to mount the "
                    + masterData.parts().size()
                    + " ConfigMaps this lab needs into one directory; or target "
                    + KubernetesFeature.PROJECTED_VOLUME.since()
                    + " or later",
                "fewer roles")));
  }

  /**
   * A role's Service (when it has one), ConfigMap, key claim (FIXED), key volumes and workload,
   * finished.
   */
  private static List<ObjectNode> role(
      SaltLab lab, AppRole role, ApiVersions api, KubernetesVersion target) {
    List<ObjectNode> objects = new ArrayList<>(4 + role.replicas());
    List<ObjectNode> ports = new ArrayList<>();
    for (RolePort p : role.ports()) {
      ports.add(servicePort(p.name(), p.port()));
    }
    // Kubernetes 1.5 requires ports on every Service; a FIXED role without ports then has no
    // Service (minions dial the master, nothing dials them). A STATEFUL one is refused before.
    if (role.exposure().type() != Exposure.Type.None
        && (!ports.isEmpty() || api.allowsServiceWithoutPorts())) {
      ObjectNode service = service(lab, role.name(), ports);
      LabExtras.exposure(service, role);
      objects.add(finish(service, lab));
    }
    LabExtras.filesConfigMaps(lab, role).forEach(c -> objects.add(finish(c, lab)));
    if (role.identity() == MinionIdentity.FIXED) {
      objects.add(finish(MinionKeys.claim(lab, role), lab));
    }
    for (String id : role.minionIds()) {
      objects.add(finish(MinionKeys.volume(lab, role, id, api), lab));
    }
    String minionConfig = SaltConfig.minionConfigFile(lab, role);
    objects.add(
        finish(
            configMap(
                lab,
                LabNames.minionConfigMap(role),
                Map.of(SaltConfig.MINION_CONF_FILE, minionConfig)),
            lab));
    objects.add(finish(LabWorkloads.role(lab, role, api, target, minionConfig), lab));
    role.disruptionBudget()
        .ifPresent(b -> objects.add(finish(LabExtras.disruptionBudget(lab, role, b, api), lab)));
    return objects;
  }

  /**
   * The lab-wide transformations, in this order, on every object: the {@code managed-by} and {@code
   * part-of} labels on each of its metadata (its own and its pod template's, as dekorate's {@code
   * AddLabelDecorator} does), and the pull Secret on its pod spec, if it has one.
   */
  static ObjectNode finish(ObjectNode object, SaltLab lab) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(Labels.MANAGED_BY, "saltlab");
    labels.put(Labels.PART_OF, lab.name());
    KubeTrees.addLabels((ObjectNode) object.get("metadata"), labels);
    JsonNode template = object.path("spec").path("template");
    if (template.isObject()) {
      KubeTrees.addLabels((ObjectNode) template.get("metadata"), labels);
      KubeTrees.addImagePullSecret((ObjectNode) template.get("spec"), lab.registry().secretName());
    }
    return object;
  }

  /**
   * The master's ConfigMap data: every file of the lab's {@link SaltConfig#masterFiles} under its
   * {@link SaltConfig#configMapKey} key.
   */
  static Map<String, String> masterConfigMapData(SortedMap<String, String> files) {
    Map<String, String> data = new TreeMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      data.put(SaltConfig.configMapKey(f.getKey()), f.getValue());
    }
    return data;
  }

  /**
   * The Secret that carries the lab token, in the two shapes Salt reads it: the master's autosign
   * file (named after the grain, one accepted value per line) and the minions' grains file. It is
   * the only object holding the token, base64-encoded as every Secret value.
   */
  static ObjectNode autosignSecret(SaltLab lab) {
    ObjectNode secret =
        KubeTrees.resource(
            "v1", "Secret", metadata(lab, LabNames.autosignSecret(lab.master()), null));
    secret.put("type", "Opaque");
    ObjectNode data = secret.putObject("data");
    data.put(SaltConfig.AUTOSIGN_GRAIN, base64(SaltConfig.autosignGrainFile(lab)));
    data.put(LabNames.GRAINS_KEY, base64(SaltConfig.minionGrainsFile(lab)));
    return secret;
  }

  private static ObjectNode configMap(SaltLab lab, String name, Map<String, String> data) {
    ObjectNode configMap = KubeTrees.resource("v1", "ConfigMap", metadata(lab, name, null));
    KubeTrees.putStringMap(configMap, "data", data);
    return configMap;
  }

  /**
   * The metadata of an object of the lab.
   *
   * @param lab the lab, whose namespace the object lives in
   * @param name the object's name
   * @param labels its labels, or null for none
   * @return the metadata
   */
  static ObjectNode metadata(SaltLab lab, String name, Map<String, String> labels) {
    ObjectNode metadata = KubeTrees.metadata(name, lab.namespace());
    if (labels != null) {
      KubeTrees.putStringMap(metadata, "labels", labels);
    }
    return metadata;
  }

  private static ObjectNode namespace(SaltLab lab) {
    return KubeTrees.resource("v1", "Namespace", KubeTrees.metadata(lab.namespace(), null));
  }

  /**
   * The pull Secret, shaped as {@code kubectl create secret docker-registry} shapes it for the
   * target: the same four fields, {@code auth} being base64 of {@code user:password}.
   */
  static ObjectNode pullSecret(SaltLab lab, ApiVersions api) {
    Registry registry = lab.registry();
    // Both present: LabChecks requires them unless the Secret exists, and then this is not called.
    String password = registry.password().orElseThrow().reveal();
    String username = registry.username().orElseThrow();
    RegistrySecretFormat format = api.registrySecretFormat();
    StringWriter json = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(json)) {
      g.writeStartObject();
      if (format == RegistrySecretFormat.DOCKERCONFIGJSON) {
        g.writeObjectFieldStart("auths");
      }
      g.writeObjectFieldStart(registry.server());
      g.writeStringField("username", username);
      g.writeStringField("password", password);
      if (registry.email().isPresent()) {
        g.writeStringField("email", registry.email().get());
      }
      g.writeStringField("auth", base64(username + ":" + password));
      g.writeEndObject();
      if (format == RegistrySecretFormat.DOCKERCONFIGJSON) {
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail.
      throw new UncheckedIOException(e);
    }
    ObjectNode secret =
        KubeTrees.resource("v1", "Secret", metadata(lab, registry.secretName(), null));
    secret.put("type", format.secretType());
    secret.putObject("data").put(format.dataKey(), base64(json.toString()));
    return secret;
  }

  private static ObjectNode service(SaltLab lab, String name, List<ObjectNode> ports) {
    Map<String, String> selector = Labels.selector(lab, name);
    ObjectNode service = KubeTrees.resource("v1", "Service", metadata(lab, name, selector));
    ObjectNode spec = service.putObject("spec");
    spec.put("clusterIP", "None");
    KubeTrees.putStringMap(spec, "selector", selector);
    if (!ports.isEmpty()) {
      spec.putArray("ports").addAll(ports);
    }
    return service;
  }

  private static ObjectNode servicePort(String name, int port) {
    ObjectNode servicePort = KubeTrees.named(name);
    servicePort.put("port", port);
    servicePort.put("targetPort", name);
    servicePort.put("protocol", "TCP");
    return servicePort;
  }

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
