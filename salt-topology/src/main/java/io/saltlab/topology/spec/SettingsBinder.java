package io.saltlab.topology.spec;

import io.saltlab.topology.AppRole;
import io.saltlab.topology.ContainerSecurity;
import io.saltlab.topology.DisruptionBudget;
import io.saltlab.topology.EnvFrom;
import io.saltlab.topology.EnvSource;
import io.saltlab.topology.Exposure;
import io.saltlab.topology.PodSecurity;
import io.saltlab.topology.Probe;
import io.saltlab.topology.ResourceName;
import io.saltlab.topology.Resources;
import io.saltlab.topology.RoleVolume;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.Toleration;
import io.saltlab.topology.spec.internal.SpecValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Binds the settings keys of roles and the master ({@code resources}, probes, scheduling, security;
 * for roles also environment sources, volumes, exposure...) to the model's values. Values are taken
 * as written: the lab's checks judge them and their problems point back at these lines.
 */
final class SettingsBinder {
  private SettingsBinder() {}

  static void master(SpecValue m, SaltMaster.Builder b) {
    m.get("resources").map(SettingsBinder::resources).ifPresent(b::resources);
    m.get("readinessProbe").flatMap(SettingsBinder::probe).ifPresent(b::readinessProbe);
    m.get("livenessProbe").flatMap(SettingsBinder::probe).ifPresent(b::livenessProbe);
    m.get("startupProbe").flatMap(SettingsBinder::probe).ifPresent(b::startupProbe);
    m.textMap("nodeSelector").ifPresent(b::putAllNodeSelector);
    b.addAllTolerations(tolerations(m));
    m.text("priorityClassName").ifPresent(b::priorityClassName);
    m.get("podSecurity").map(SettingsBinder::podSecurity).ifPresent(b::podSecurity);
    m.get("containerSecurity")
        .map(SettingsBinder::containerSecurity)
        .ifPresent(b::containerSecurity);
  }

  static void role(SpecValue m, AppRole.Builder b) {
    m.get("resources").map(SettingsBinder::resources).ifPresent(b::resources);
    m.get("readinessProbe").flatMap(SettingsBinder::probe).ifPresent(b::readinessProbe);
    m.get("livenessProbe").flatMap(SettingsBinder::probe).ifPresent(b::livenessProbe);
    m.get("startupProbe").flatMap(SettingsBinder::probe).ifPresent(b::startupProbe);
    m.textMap("nodeSelector").ifPresent(b::putAllNodeSelector);
    b.addAllTolerations(tolerations(m));
    m.text("priorityClassName").ifPresent(b::priorityClassName);
    m.get("podSecurity").map(SettingsBinder::podSecurity).ifPresent(b::podSecurity);
    m.get("containerSecurity")
        .map(SettingsBinder::containerSecurity)
        .ifPresent(b::containerSecurity);
    env(m, b);
    for (SpecValue f : m.list("envFrom")) {
      EnvFrom from =
          f.text("secret").isPresent()
              ? EnvFrom.secret(f.text("secret").get())
              : EnvFrom.configMap(f.text("configMap").orElse(""));
      b.addEnvFrom(f.text("prefix").map(from::withPrefix).orElse(from));
    }
    for (SpecValue v : m.list("volumes")) {
      volume(v).ifPresent(b::addVolumes);
    }
    m.get("exposure").map(SettingsBinder::exposure).ifPresent(b::exposure);
    m.flag("spreadOverNodes").ifPresent(b::spreadOverNodes);
    m.get("disruptionBudget")
        .map(d -> new DisruptionBudget(d.text("minAvailable"), d.text("maxUnavailable")))
        .ifPresent(b::disruptionBudget);
    m.textMap("podAnnotations").ifPresent(b::putAllPodAnnotations);
    m.textMap("workloadLabels").ifPresent(b::putAllWorkloadLabels);
    m.textMap("workloadAnnotations").ifPresent(b::putAllWorkloadAnnotations);
    m.textMap("serviceLabels").ifPresent(b::putAllServiceLabels);
    m.textMap("serviceAnnotations").ifPresent(b::putAllServiceAnnotations);
  }

  /** Literal values go to {@code env}, sourced ones to {@code envValueFrom}. */
  private static void env(SpecValue m, AppRole.Builder b) {
    Optional<SpecValue> env = m.get("env");
    if (env.isEmpty()) {
      return;
    }
    Map<String, String> literal = new TreeMap<>();
    for (Map.Entry<String, SpecValue> e : env.get().entries().entrySet()) {
      SpecValue v = e.getValue();
      if (!v.isSection()) {
        literal.put(e.getKey(), v.asText());
      } else if (v.text("field").isPresent()) {
        b.putEnvValueFrom(
            e.getKey(), EnvSource.pod(EnvSource.PodField.valueOf(v.text("field").get())));
      } else if (v.text("secret").isPresent()) {
        b.putEnvValueFrom(
            e.getKey(), EnvSource.secretKey(v.text("secret").get(), v.text("key").orElse("")));
      } else if (v.text("configMap").isPresent()) {
        b.putEnvValueFrom(
            e.getKey(),
            EnvSource.configMapKey(v.text("configMap").get(), v.text("key").orElse("")));
      }
    }
    b.putAllEnv(literal);
  }

  private static Resources resources(SpecValue r) {
    Resources.Builder b = Resources.builder();
    r.get("requests").ifPresent(q -> amounts(q).forEach(b::putRequests));
    r.get("limits").ifPresent(q -> amounts(q).forEach(b::putLimits));
    return b.build();
  }

  private static Map<ResourceName, String> amounts(SpecValue q) {
    Map<ResourceName, String> out = new TreeMap<>();
    for (ResourceName name : ResourceName.values()) {
      q.text(name.key()).ifPresent(v -> out.put(name, v));
    }
    return out;
  }

  private static Optional<Probe> probe(SpecValue p) {
    Probe probe;
    if (p.get("tcp").isPresent()) {
      probe = port(p.get("tcp").get().text("port").orElse("0"), true, null);
    } else if (p.get("http").isPresent()) {
      SpecValue h = p.get("http").get();
      probe = port(h.text("port").orElse("0"), false, h.text("path").orElse("/"));
      if (h.text("scheme").filter("HTTPS"::equals).isPresent()) {
        probe = probe.overHttps();
      }
    } else if (p.get("exec").isPresent()) {
      probe =
          Probe.exec(p.get("exec").get().texts("command").orElse(List.of()).toArray(String[]::new));
    } else {
      return Optional.empty();
    }
    probe = p.whole("initialDelaySeconds").map(probe::withInitialDelaySeconds).orElse(probe);
    probe = p.whole("periodSeconds").map(probe::withPeriodSeconds).orElse(probe);
    probe = p.whole("timeoutSeconds").map(probe::withTimeoutSeconds).orElse(probe);
    probe = p.whole("successThreshold").map(probe::withSuccessThreshold).orElse(probe);
    probe = p.whole("failureThreshold").map(probe::withFailureThreshold).orElse(probe);
    return Optional.of(probe);
  }

  private static Probe port(String port, boolean tcp, String path) {
    boolean number = port.matches("[0-9]{1,9}");
    if (tcp) {
      return number ? Probe.tcp(Integer.parseInt(port)) : Probe.tcp(port);
    }
    return number ? Probe.http(path, Integer.parseInt(port)) : Probe.http(path, port);
  }

  private static List<Toleration> tolerations(SpecValue m) {
    List<Toleration> out = new ArrayList<>();
    for (SpecValue t : m.list("tolerations")) {
      out.add(
          new Toleration(
              t.text("key").orElse(""),
              Toleration.Operator.valueOf(t.text("operator").orElse("Equal")),
              t.text("value"),
              t.text("effect").map(Toleration.Effect::valueOf),
              t.whole("tolerationSeconds").map(Integer::longValue)));
    }
    return out;
  }

  private static PodSecurity podSecurity(SpecValue s) {
    PodSecurity.Builder b = PodSecurity.builder();
    s.flag("runAsNonRoot").ifPresent(b::runAsNonRoot);
    s.whole("runAsUser").map(Integer::longValue).ifPresent(b::runAsUser);
    s.whole("runAsGroup").map(Integer::longValue).ifPresent(b::runAsGroup);
    s.whole("fsGroup").map(Integer::longValue).ifPresent(b::fsGroup);
    s.text("seccompProfile").map(PodSecurity.Seccomp::valueOf).ifPresent(b::seccompProfile);
    return b.build();
  }

  private static ContainerSecurity containerSecurity(SpecValue s) {
    ContainerSecurity.Builder b = ContainerSecurity.builder();
    s.flag("runAsNonRoot").ifPresent(b::runAsNonRoot);
    s.whole("runAsUser").map(Integer::longValue).ifPresent(b::runAsUser);
    s.whole("runAsGroup").map(Integer::longValue).ifPresent(b::runAsGroup);
    s.flag("readOnlyRootFilesystem").ifPresent(b::readOnlyRootFilesystem);
    s.flag("allowPrivilegeEscalation").ifPresent(b::allowPrivilegeEscalation);
    s.texts("capabilitiesAdd").ifPresent(b::addAllCapabilitiesAdd);
    s.texts("capabilitiesDrop").ifPresent(b::addAllCapabilitiesDrop);
    return b.build();
  }

  private static Optional<RoleVolume> volume(SpecValue v) {
    Optional<String> name = v.text("name");
    Optional<String> path = v.text("mountPath");
    if (name.isEmpty() || path.isEmpty()) {
      return Optional.empty();
    }
    String n = name.get();
    String p = path.get();
    if (v.get("perMember").isPresent()) {
      SpecValue m = v.get("perMember").get();
      RoleVolume.PerMember claim = RoleVolume.perMember(n, p, m.text("size").orElse(""));
      claim = m.text("storageClass").map(claim::withStorageClass).orElse(claim);
      claim =
          m.text("accessMode")
              .map(RoleVolume.AccessMode::valueOf)
              .map(claim::withAccessMode)
              .orElse(claim);
      return Optional.of(claim);
    }
    if (v.get("existingClaim").isPresent()) {
      SpecValue c = v.get("existingClaim").get();
      return Optional.of(
          new RoleVolume.ExistingClaim(
              n, p, c.text("claimName").orElse(""), c.flag("readOnly").orElse(false)));
    }
    if (v.get("emptyDir").isPresent()) {
      SpecValue e = v.get("emptyDir").get();
      return Optional.of(
          new RoleVolume.EmptyDir(n, p, e.flag("inMemory").orElse(false), e.text("sizeLimit")));
    }
    if (v.get("files").isPresent()) {
      return Optional.of(RoleVolume.files(n, p, v.textMap("files").orElse(Map.of())));
    }
    if (v.text("existingSecret").isPresent()) {
      return Optional.of(RoleVolume.existingSecret(n, p, v.text("existingSecret").get()));
    }
    return v.text("existingConfigMap").map(c -> RoleVolume.existingConfigMap(n, p, c));
  }

  private static Exposure exposure(SpecValue e) {
    Exposure.Type type = e.text("type").map(Exposure.Type::valueOf).orElse(Exposure.Type.Headless);
    Map<String, Integer> nodePorts = new TreeMap<>();
    e.get("nodePorts").ifPresent(m -> m.entries().forEach((k, v) -> nodePorts.put(k, v.asWhole())));
    return new Exposure(type, new TreeMap<>(nodePorts));
  }
}
