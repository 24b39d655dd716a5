package io.saltlab.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.KubernetesFeature;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.Quantity;
import io.saltlab.core.internal.tree.KubeTrees;
import io.saltlab.core.internal.tree.PodTrees;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the {@link WorkloadSettings} of roles and the master, and the role-only settings
 * (environment sources, volumes, spreading, annotations), into a workload's trees through the tree
 * vocabulary ({@link PodTrees}). {@link TargetChecks} has refused what the target lacks before this
 * runs; where the table gives an older form (an annotation), it is chosen here.
 */
final class RoleSettings {
  /** The alpha annotations that stood for fields before these existed. */
  static final String TOLERATIONS_ANNOTATION = "scheduler.alpha.kubernetes.io/tolerations";

  static final String AFFINITY_ANNOTATION = "scheduler.alpha.kubernetes.io/affinity";
  static final String SECCOMP_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";

  private RoleSettings() {}

  /** Resources, probes and the container's securityContext. */
  static void container(ObjectNode container, WorkloadSettings w) {
    w.resources()
        .ifPresent(
            r -> PodTrees.setResources(container, amounts(r.requests()), amounts(r.limits())));
    w.readinessProbe().ifPresent(p -> container.set("readinessProbe", probe(p)));
    w.livenessProbe().ifPresent(p -> container.set("livenessProbe", probe(p)));
    w.startupProbe().ifPresent(p -> container.set("startupProbe", probe(p)));
    w.containerSecurity().ifPresent(s -> container.set("securityContext", containerSecurity(s)));
  }

  private static Map<String, String> amounts(Map<ResourceName, String> amounts) {
    Map<String, String> out = new TreeMap<>();
    amounts.forEach((k, v) -> out.put(k.key(), Quantity.parse(v).toString()));
    return out;
  }

  /** A probe, its timings left out when unset or the API's default. */
  static ObjectNode probe(Probe p) {
    ObjectNode probe;
    if (p.action() instanceof Probe.Tcp t) {
      probe = PodTrees.portProbe("tcpSocket", t.port().name().orElse(null), t.port().number());
    } else if (p.action() instanceof Probe.Http h) {
      probe = PodTrees.portProbe("httpGet", h.port().name().orElse(null), h.port().number());
      ObjectNode get = (ObjectNode) probe.get("httpGet");
      get.put("path", h.path());
      if (h.https()) {
        get.put("scheme", "HTTPS");
      }
    } else {
      probe = PodTrees.execProbe(((Probe.Exec) p.action()).command());
    }
    PodTrees.putTiming(
        probe, "initialDelaySeconds", p.initialDelaySeconds().orElse(null), Probe.DEFAULT_DELAY);
    PodTrees.putTiming(
        probe, "periodSeconds", p.periodSeconds().orElse(null), Probe.DEFAULT_PERIOD);
    PodTrees.putTiming(
        probe, "timeoutSeconds", p.timeoutSeconds().orElse(null), Probe.DEFAULT_TIMEOUT);
    PodTrees.putTiming(
        probe, "successThreshold", p.successThreshold().orElse(null), Probe.DEFAULT_SUCCESS);
    PodTrees.putTiming(
        probe, "failureThreshold", p.failureThreshold().orElse(null), Probe.DEFAULT_FAILURE);
    return probe;
  }

  private static ObjectNode containerSecurity(ContainerSecurity s) {
    ObjectNode c = KubeTrees.object();
    PodTrees.putIfSet(c, "allowPrivilegeEscalation", s.allowPrivilegeEscalation().orElse(null));
    if (!s.capabilitiesAdd().isEmpty() || !s.capabilitiesDrop().isEmpty()) {
      ObjectNode caps = c.putObject("capabilities");
      PodTrees.putList(caps, "add", s.capabilitiesAdd());
      PodTrees.putList(caps, "drop", s.capabilitiesDrop());
    }
    PodTrees.putIfSet(c, "readOnlyRootFilesystem", s.readOnlyRootFilesystem().orElse(null));
    PodTrees.putIfSet(c, "runAsGroup", s.runAsGroup().orElse(null));
    PodTrees.putIfSet(c, "runAsNonRoot", s.runAsNonRoot().orElse(null));
    PodTrees.putIfSet(c, "runAsUser", s.runAsUser().orElse(null));
    return c;
  }

  /**
   * Node selector, tolerations, priority class and the pod's securityContext, on a pod template.
   */
  static void pod(ObjectNode template, WorkloadSettings w, KubernetesVersion target) {
    ObjectNode podSpec = (ObjectNode) template.get("spec");
    ObjectNode metadata = (ObjectNode) template.get("metadata");
    if (!w.nodeSelector().isEmpty()) {
      ObjectNode selector = podSpec.withObjectProperty("nodeSelector");
      w.nodeSelector().forEach(selector::put);
    }
    if (!w.tolerations().isEmpty()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (Toleration t : w.tolerations()) {
        list.add(
            PodTrees.toleration(
                t.key(),
                t.operator().name(),
                t.value().orElse(null),
                t.effect().map(Enum::name).orElse(null),
                t.tolerationSeconds().orElse(null)));
      }
      if (KubernetesFeature.TOLERATIONS.isOn(target)) {
        podSpec.set("tolerations", list);
      } else {
        PodTrees.addAnnotations(metadata, Map.of(TOLERATIONS_ANNOTATION, list.toString()));
      }
    }
    w.priorityClassName().ifPresent(p -> podSpec.put("priorityClassName", p));
    w.podSecurity().ifPresent(s -> podSecurity(podSpec, metadata, s, target));
  }

  private static void podSecurity(
      ObjectNode podSpec, ObjectNode metadata, PodSecurity s, KubernetesVersion target) {
    ObjectNode c = KubeTrees.object();
    PodTrees.putIfSet(c, "fsGroup", s.fsGroup().orElse(null));
    PodTrees.putIfSet(c, "runAsGroup", s.runAsGroup().orElse(null));
    PodTrees.putIfSet(c, "runAsNonRoot", s.runAsNonRoot().orElse(null));
    PodTrees.putIfSet(c, "runAsUser", s.runAsUser().orElse(null));
    if (s.seccompProfile().isPresent()) {
      PodSecurity.Seccomp profile = s.seccompProfile().get();
      if (KubernetesFeature.SECCOMP_PROFILE.isOn(target)) {
        c.putObject("seccompProfile").put("type", profile.name());
      } else {
        // docker/default was the runtime's profile until runtime/default replaced it in 1.11.
        String value =
            profile == PodSecurity.Seccomp.Unconfined
                ? "unconfined"
                : target.isAtLeast(11) ? "runtime/default" : "docker/default";
        PodTrees.addAnnotations(metadata, Map.of(SECCOMP_ANNOTATION, value));
      }
    }
    podSpec.set("securityContext", c);
  }

  /** The role's environment, literal values and sources together, sorted by name. */
  static void env(ObjectNode container, AppRole role) {
    Map<String, Object> all = new TreeMap<>(role.env());
    all.putAll(role.envValueFrom());
    for (Map.Entry<String, Object> e : all.entrySet()) {
      if (e.getValue() instanceof String literal) {
        KubeTrees.addEnvVar(container, e.getKey(), literal);
      } else if (e.getValue() instanceof EnvSource.SecretKey k) {
        PodTrees.addEnvFromKey(container, e.getKey(), "secretKeyRef", k.secretName(), k.key());
      } else if (e.getValue() instanceof EnvSource.ConfigMapKey k) {
        PodTrees.addEnvFromKey(
            container, e.getKey(), "configMapKeyRef", k.configMapName(), k.key());
      } else {
        PodTrees.addEnvFromField(
            container, e.getKey(), ((EnvSource.FromPod) e.getValue()).field().fieldPath());
      }
    }
    for (EnvFrom f : role.envFrom()) {
      if (f.secretName().isPresent()) {
        PodTrees.addEnvFrom(container, "secretRef", f.secretName().get(), f.prefix().orElse(null));
      } else {
        PodTrees.addEnvFrom(
            container, "configMapRef", f.configMapName().get(), f.prefix().orElse(null));
      }
    }
  }

  /** The role's volumes and their mounts; per-member claims go to the StatefulSet (later). */
  static void volumes(ObjectNode container, ObjectNode podSpec, AppRole role) {
    for (RoleVolume v : role.volumes()) {
      boolean readOnly = true;
      if (v instanceof RoleVolume.PerMember) {
        readOnly = false;
      } else if (v instanceof RoleVolume.ExistingClaim c) {
        ObjectNode claim = PodTrees.addVolumeSource(podSpec, v.name(), "persistentVolumeClaim");
        claim.put("claimName", c.claimName());
        if (c.readOnly()) {
          claim.put("readOnly", true);
        }
        readOnly = c.readOnly();
      } else if (v instanceof RoleVolume.EmptyDir e) {
        ObjectNode dir = PodTrees.addVolumeSource(podSpec, v.name(), "emptyDir");
        if (e.inMemory()) {
          dir.put("medium", "Memory");
        }
        e.sizeLimit().ifPresent(s -> dir.put("sizeLimit", Quantity.parse(s).toString()));
        readOnly = false;
      } else if (v instanceof RoleVolume.Files) {
        PodTrees.addVolumeSource(podSpec, v.name(), "configMap")
            .put("name", LabNames.roleFiles(role, v));
      } else if (v instanceof RoleVolume.ExistingSecret s) {
        PodTrees.addVolumeSource(podSpec, v.name(), "secret").put("secretName", s.secretName());
      } else if (v instanceof RoleVolume.ExistingConfigMap m) {
        PodTrees.addVolumeSource(podSpec, v.name(), "configMap").put("name", m.configMapName());
      }
      KubeTrees.addMount(container, v.name(), v.mountPath(), readOnly);
    }
  }

  /** The per-member claim templates of a STATEFUL role's StatefulSet. */
  static void claimTemplates(ObjectNode statefulSetSpec, AppRole role, KubernetesVersion target) {
    for (RoleVolume v : role.volumes()) {
      if (v instanceof RoleVolume.PerMember p) {
        PodTrees.addClaimTemplate(
            statefulSetSpec,
            p.name(),
            p.accessMode().name(),
            Quantity.parse(p.size()).toString(),
            p.storageClass().orElse(null),
            !KubernetesFeature.STORAGE_CLASS_NAME.isOn(target));
      }
    }
  }

  /**
   * Spreading over nodes: anti-affinity everywhere, a spread constraint where the target has it.
   */
  static void spread(
      ObjectNode template, AppRole role, Map<String, String> selector, KubernetesVersion target) {
    if (!role.spreadOverNodes()) {
      return;
    }
    ObjectNode podSpec = (ObjectNode) template.get("spec");
    ObjectNode affinity = PodTrees.preferredAntiAffinity(selector);
    if (KubernetesFeature.AFFINITY.isOn(target)) {
      podSpec.set("affinity", affinity);
    } else {
      PodTrees.addAnnotations(
          (ObjectNode) template.get("metadata"), Map.of(AFFINITY_ANNOTATION, affinity.toString()));
    }
    if (KubernetesFeature.TOPOLOGY_SPREAD.isOn(target)) {
      PodTrees.addNodeSpread(podSpec, selector);
    }
  }
}
