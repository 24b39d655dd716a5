package io.saltlab.topology;

import io.saltlab.core.KubernetesNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the settings only roles have: volumes, environment sources, exposure, disruption
 * budget, annotations and labels of each object; and those that concern several roles (node ports,
 * derived ConfigMap names).
 */
final class RoleSettingsChecks {
  /** Annotation keys saltlab writes itself ({@code saltlab.io/salt-config-sha256}). */
  static final String RESERVED_PREFIX = "saltlab.io/";

  /** Volume names saltlab uses in every minion pod. */
  static final String RESERVED_VOLUME_PREFIX = "salt-";

  /** The default node port range of a cluster (kube-apiserver --service-node-port-range). */
  static final int NODE_PORT_MIN = 30000;

  static final int NODE_PORT_MAX = 32767;

  private final LabChecks c;
  private final SaltLab lab;

  private RoleSettingsChecks(LabChecks c, SaltLab lab) {
    this.c = c;
    this.lab = lab;
  }

  static void role(LabChecks c, SaltLab lab, String at, AppRole role) {
    RoleSettingsChecks r = new RoleSettingsChecks(c, lab);
    r.volumes(at, role);
    r.env(at, role);
    r.exposure(at, role);
    role.disruptionBudget().ifPresent(b -> r.budget(at + ".disruptionBudget", b));
    r.annotations(at + ".podAnnotations", role.podAnnotations());
    r.annotations(at + ".workloadAnnotations", role.workloadAnnotations());
    r.annotations(at + ".serviceAnnotations", role.serviceAnnotations());
    c.labels(at + ".workloadLabels", role.workloadLabels());
    c.labels(at + ".serviceLabels", role.serviceLabels());
  }

  static void lab(LabChecks c, SaltLab lab) {
    Map<Integer, String> nodePorts = new HashMap<>();
    Map<String, String> configMaps = new HashMap<>();
    configMaps.put(LabNames.masterConfigMap(lab.master()), "the master's ConfigMap");
    for (AppRole role : lab.roles()) {
      configMaps.put(LabNames.minionConfigMap(role), "the ConfigMap of role " + role.name());
    }
    for (int i = 0; i < lab.roles().size(); i++) {
      AppRole role = lab.roles().get(i);
      for (Map.Entry<String, Integer> e : role.exposure().nodePorts().entrySet()) {
        String other = nodePorts.putIfAbsent(e.getValue(), role.name());
        if (other != null) {
          c.add(
              "roles[" + i + "].exposure.nodePorts." + e.getKey(),
              String.valueOf(e.getValue()),
              "a node port no other role uses (" + other + " does)",
              null);
        }
      }
      for (int v = 0; v < role.volumes().size(); v++) {
        RoleVolume volume = role.volumes().get(v);
        if (volume instanceof RoleVolume.Files) {
          String name = LabNames.roleFiles(role, volume);
          String other = configMaps.putIfAbsent(name, "files " + volume.name());
          if (other != null) {
            c.add(
                "roles[" + i + "].volumes[" + v + "].name",
                volume.name(),
                "a name whose ConfigMap (" + name + ") is not " + other,
                "conf");
          }
        }
      }
    }
  }

  private void volumes(String at, AppRole role) {
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    List<String> saltPaths =
        List.of(
            join(lab.minionConfigDir(), "minion.d/" + SaltConfig.MINION_CONF_FILE),
            join(lab.minionConfigDir(), "grains"),
            SaltConfig.minionPkiDir(lab));
    for (int i = 0; i < role.volumes().size(); i++) {
      RoleVolume v = role.volumes().get(i);
      String vat = at + ".volumes[" + i + "]";
      if (KubernetesNames.dns1123Label(v.name()) != null) {
        c.add(vat + ".name", v.name(), "a volume name, a DNS-1123 label", "data");
      } else if (v.name().startsWith(RESERVED_VOLUME_PREFIX)) {
        c.add(
            vat + ".name",
            v.name(),
            "a name not starting with '"
                + RESERVED_VOLUME_PREFIX
                + "', which saltlab's volumes use",
            "data");
      } else if (!names.add(v.name())) {
        c.add(vat + ".name", v.name(), "a volume name not used twice in the role", null);
      }
      c.containerPath(vat + ".mountPath", v.mountPath(), "/data");
      if (!paths.add(v.mountPath())) {
        c.add(vat + ".mountPath", v.mountPath(), "a path no other volume of the role uses", null);
      }
      for (String salt : saltPaths) {
        if (contains(v.mountPath(), salt) || contains(salt, v.mountPath())) {
          c.add(
              vat + ".mountPath",
              v.mountPath(),
              "a path that neither holds nor lies in "
                  + salt
                  + ", which the minion's Salt files use",
              "/data");
          break;
        }
      }
      kind(vat, role, v);
    }
  }

  private void kind(String at, AppRole role, RoleVolume v) {
    if (v instanceof RoleVolume.PerMember p) {
      if (role.identity() != MinionIdentity.STATEFUL) {
        c.add(
            at + ".perMember",
            v.name(),
            "per-member data only in a role of identity STATEFUL, whose StatefulSet makes one claim"
                + " per pod; use existingClaim for a FIXED role",
            null);
      }
      SettingsChecks.quantity(c, at + ".perMember.size", p.size(), "1Gi");
      p.storageClass().ifPresent(s -> subdomain(at + ".perMember.storageClass", s, "standard"));
    } else if (v instanceof RoleVolume.ExistingClaim e) {
      subdomain(at + ".existingClaim", e.claimName(), "shared-data");
    } else if (v instanceof RoleVolume.EmptyDir e) {
      e.sizeLimit()
          .ifPresent(s -> SettingsChecks.quantity(c, at + ".emptyDir.sizeLimit", s, "64Mi"));
    } else if (v instanceof RoleVolume.Files f) {
      if (f.files().isEmpty()) {
        c.add(at + ".files", "{}", "at least one file name and its content", "app.properties");
      }
      for (Map.Entry<String, String> e : f.files().entrySet()) {
        if (KubernetesNames.configKey(e.getKey()) != null) {
          c.add(
              at + ".files",
              e.getKey(),
              "a file name of letters, digits, '-', '_' or '.' (a ConfigMap key)",
              "app.properties");
        }
        if (LabChecks.hasNul(e.getValue())) {
          c.add(at + ".files." + e.getKey(), "(content)", "text without NUL characters", null);
        }
      }
    } else if (v instanceof RoleVolume.ExistingSecret s) {
      subdomain(at + ".existingSecret", s.secretName(), "app-certs");
    } else if (v instanceof RoleVolume.ExistingConfigMap m) {
      subdomain(at + ".existingConfigMap", m.configMapName(), "app-config");
    }
  }

  private void env(String at, AppRole role) {
    for (Map.Entry<String, EnvSource> e : role.envValueFrom().entrySet()) {
      String field = at + ".env." + e.getKey();
      if (!KubernetesNames.isCIdentifier(e.getKey())) {
        c.add(
            at + ".env",
            e.getKey(),
            "an environment variable name of letters, digits and '_', not starting with a digit",
            "DB_PASSWORD");
      }
      if (role.env().containsKey(e.getKey())) {
        c.add(field, e.getKey(), "a variable set once, by a value or by a source", null);
      }
      EnvSource s = e.getValue();
      if (s instanceof EnvSource.SecretKey k) {
        subdomain(field + ".secret", k.secretName(), "orders-db");
        configKey(field + ".key", k.key());
      } else if (s instanceof EnvSource.ConfigMapKey k) {
        subdomain(field + ".configMap", k.configMapName(), "orders-settings");
        configKey(field + ".key", k.key());
      } else if (s instanceof EnvSource.FromPod p
          && p.field() == EnvSource.PodField.memberOrdinal
          && role.identity() != MinionIdentity.STATEFUL) {
        c.add(
            field + ".field",
            p.field().name(),
            "memberOrdinal only in a role of identity STATEFUL, whose members have ordinals",
            "podName");
      }
    }
    for (int i = 0; i < role.envFrom().size(); i++) {
      EnvFrom f = role.envFrom().get(i);
      String fat = at + ".envFrom[" + i + "]";
      f.secretName().ifPresent(n -> subdomain(fat + ".secret", n, "orders-db"));
      f.configMapName().ifPresent(n -> subdomain(fat + ".configMap", n, "orders-settings"));
      f.prefix()
          .ifPresent(
              p -> {
                if (!p.isEmpty() && !KubernetesNames.isCIdentifier(p)) {
                  c.add(
                      fat + ".prefix",
                      p,
                      "a prefix of letters, digits and '_', not starting with a digit",
                      "DB_");
                }
              });
    }
  }

  private void exposure(String at, AppRole role) {
    Exposure e = role.exposure();
    String field = at + ".exposure";
    if (e.type() == Exposure.Type.None && role.identity() == MinionIdentity.STATEFUL) {
      c.add(
          field + ".type",
          "None",
          "a Service for a STATEFUL role, whose StatefulSet names it (serviceName); use identity"
              + " FIXED for a role without a Service",
          "Headless");
    }
    boolean routed =
        e.type() == Exposure.Type.ClusterIP
            || e.type() == Exposure.Type.NodePort
            || e.type() == Exposure.Type.LoadBalancer;
    if (routed && role.ports().isEmpty()) {
      c.add(
          field + ".type",
          e.type().name(),
          "a role with ports for a " + e.type() + " Service",
          null);
    }
    if (!e.nodePorts().isEmpty() && e.type() != Exposure.Type.NodePort) {
      c.add(
          field + ".nodePorts",
          e.nodePorts().toString(),
          "no fixed node ports unless the type is NodePort",
          null);
    }
    Set<String> names = new TreeSet<>();
    role.ports().forEach(p -> names.add(p.name()));
    for (Map.Entry<String, Integer> p : e.nodePorts().entrySet()) {
      if (!names.contains(p.getKey())) {
        c.add(field + ".nodePorts", p.getKey(), "a port the role declares " + names, null);
      }
      if (p.getValue() < NODE_PORT_MIN || p.getValue() > NODE_PORT_MAX) {
        c.add(
            field + ".nodePorts." + p.getKey(),
            String.valueOf(p.getValue()),
            "a node port in the cluster's range, " + NODE_PORT_MIN + "-" + NODE_PORT_MAX,
            "30080");
      }
    }
  }

  private void budget(String at, DisruptionBudget b) {
    if (b.minAvailable().isPresent() == b.maxUnavailable().isPresent()) {
      c.add(at, b.toString(), "either minAvailable or maxUnavailable", "minAvailable: 1");
      return;
    }
    String field = at + (b.minAvailable().isPresent() ? ".minAvailable" : ".maxUnavailable");
    String v = b.minAvailable().orElseGet(() -> b.maxUnavailable().get());
    if (!v.matches("[0-9]{1,9}") && !v.matches("([0-9]|[1-9][0-9]|100)%")) {
      c.add(field, v, "a number of pods or a percentage from 0% to 100%", "1");
    }
  }

  private void annotations(String at, Map<String, String> annotations) {
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      String problem = KubernetesNames.qualifiedKey(e.getKey());
      if (problem != null) {
        c.add(
            at,
            e.getKey(),
            "an annotation key [prefix/]name (" + problem + ")",
            "example.com/owner");
      } else if (e.getKey().startsWith(RESERVED_PREFIX)) {
        c.add(at, e.getKey(), "a key outside " + RESERVED_PREFIX + ", which saltlab writes", null);
      }
      if (LabChecks.hasNul(e.getValue())) {
        c.add(at + "." + e.getKey(), e.getValue(), "a value without NUL characters", null);
      }
    }
  }

  private void subdomain(String field, String name, String example) {
    if (KubernetesNames.dns1123Subdomain(name) != null) {
      c.add(field, name, "an object name, a DNS-1123 subdomain", example);
    }
  }

  private void configKey(String field, String key) {
    String problem = KubernetesNames.configKey(key);
    if (problem != null) {
      c.add(field, key, "a key of letters, digits, '-', '_' or '.'", "password");
    }
  }

  /** Whether {@code outer} is {@code inner} or a directory above it. */
  private static boolean contains(String outer, String inner) {
    String o = outer.endsWith("/") ? outer : outer + "/";
    return inner.equals(outer) || inner.startsWith(o);
  }

  private static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
