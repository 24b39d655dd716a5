package io.saltlab.topology;

import io.saltlab.core.KubernetesNames;
import io.saltlab.core.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of what roles and the master share ({@link WorkloadSettings}: resources, probes,
 * scheduling, security), each problem added to the lab's list with its field, the bad value, the
 * expected form and an example. The role-only settings are checked by {@link RoleSettingsChecks}.
 */
final class SettingsChecks {
  /** The largest user or group id Kubernetes accepts. */
  private static final long MAX_ID = Integer.MAX_VALUE;

  private final LabChecks c;

  private SettingsChecks(LabChecks c) {
    this.c = c;
  }

  /** The master's settings; its ports are {@code salt-pub} and {@code salt-ret}. */
  static void master(LabChecks c, SaltMaster m) {
    SettingsChecks s = new SettingsChecks(c);
    s.settings(
        "master",
        m,
        List.of(RolePort.of("salt-pub", m.publishPort()), RolePort.of("salt-ret", m.returnPort())));
    if (m.nodeSelector().containsKey(LabWorkloads.HOSTNAME_LABEL)) {
      c.add(
          "master.nodeSelector",
          LabWorkloads.HOSTNAME_LABEL,
          "no " + LabWorkloads.HOSTNAME_LABEL + ": the master is pinned to master.node already",
          "disktype");
    }
  }

  /** One role's settings, shared and role-only. */
  static void role(LabChecks c, SaltLab lab, String at, AppRole role) {
    new SettingsChecks(c).settings(at, role, role.ports());
    RoleSettingsChecks.role(c, lab, at, role);
  }

  /** What concerns several roles at once. */
  static void lab(LabChecks c, SaltLab lab) {
    RoleSettingsChecks.lab(c, lab);
  }

  private void settings(String at, WorkloadSettings w, List<RolePort> ports) {
    w.resources().ifPresent(r -> resources(at + ".resources", r));
    w.readinessProbe().ifPresent(p -> probe(at + ".readinessProbe", p, ports, false));
    w.livenessProbe().ifPresent(p -> probe(at + ".livenessProbe", p, ports, true));
    w.startupProbe().ifPresent(p -> probe(at + ".startupProbe", p, ports, true));
    for (Map.Entry<String, String> e : w.nodeSelector().entrySet()) {
      c.labelKey(at + ".nodeSelector", e.getKey());
      if (KubernetesNames.labelValue(e.getValue()) != null) {
        c.add(
            at + ".nodeSelector." + e.getKey(),
            e.getValue(),
            "a label value of at most 63 letters, digits, '-', '_' or '.'",
            "ssd");
      }
    }
    for (int i = 0; i < w.tolerations().size(); i++) {
      toleration(at + ".tolerations[" + i + "]", w.tolerations().get(i));
    }
    w.priorityClassName()
        .ifPresent(
            name -> {
              if (KubernetesNames.dns1123Subdomain(name) != null) {
                c.add(
                    at + ".priorityClassName",
                    name,
                    "the name of a PriorityClass, a DNS-1123 subdomain",
                    "lab-high");
              }
            });
    w.podSecurity().ifPresent(p -> podSecurity(at + ".podSecurity", p));
    w.containerSecurity().ifPresent(s -> containerSecurity(at + ".containerSecurity", s));
  }

  private void resources(String at, Resources r) {
    for (Map.Entry<ResourceName, String> e : r.requests().entrySet()) {
      quantity(at + ".requests." + e.getKey().key(), e.getValue(), example(e.getKey()));
    }
    for (Map.Entry<ResourceName, String> e : r.limits().entrySet()) {
      String field = at + ".limits." + e.getKey().key();
      Optional<Quantity> limit = quantity(field, e.getValue(), example(e.getKey()));
      String request = r.requests().get(e.getKey());
      if (limit.isPresent() && request != null && Quantity.problem(request) == null) {
        Quantity req = Quantity.parse(request);
        if (req.compareTo(limit.get()) > 0) {
          c.add(
              field,
              e.getValue(),
              "a limit at least as large as the request (" + req + ")",
              req.toString());
        }
      }
    }
  }

  private static String example(ResourceName name) {
    return name == ResourceName.CPU ? "500m" : "512Mi";
  }

  private Optional<Quantity> quantity(String field, String text, String example) {
    return quantity(c, field, text, example);
  }

  /** A quantity of 0 or more, parsed; problems reported. */
  static Optional<Quantity> quantity(LabChecks c, String field, String text, String example) {
    String problem = Quantity.problem(text);
    if (problem != null) {
      c.add(field, text, "a Kubernetes quantity (" + problem + ")", example);
      return Optional.empty();
    }
    Quantity q = Quantity.parse(text);
    if (q.value().signum() < 0) {
      c.add(field, text, "a quantity of 0 or more", example);
      return Optional.empty();
    }
    return Optional.of(q);
  }

  private void probe(String at, Probe p, List<RolePort> ports, boolean singleSuccess) {
    Probe.Action a = p.action();
    if (a instanceof Probe.Tcp t) {
      portRef(at + ".tcp.port", t.port(), ports);
    } else if (a instanceof Probe.Http h) {
      portRef(at + ".http.port", h.port(), ports);
      if (!h.path().startsWith("/") || h.path().chars().anyMatch(ch -> ch <= 0x20 || ch == 0x7f)) {
        c.add(
            at + ".http.path",
            h.path(),
            "an absolute request path without spaces or control characters",
            "/health");
      }
    } else {
      Probe.Exec e = (Probe.Exec) a;
      if (e.command().isEmpty()) {
        c.add(at + ".exec.command", "[]", "a command and its arguments", "zkOk.sh");
      }
      c.strings(at + ".exec.command", e.command());
    }
    atLeast(at + ".initialDelaySeconds", p.initialDelaySeconds(), 0);
    atLeast(at + ".periodSeconds", p.periodSeconds(), 1);
    atLeast(at + ".timeoutSeconds", p.timeoutSeconds(), 1);
    atLeast(at + ".successThreshold", p.successThreshold(), 1);
    atLeast(at + ".failureThreshold", p.failureThreshold(), 1);
    if (singleSuccess && p.successThreshold().filter(n -> n != 1).isPresent()) {
      c.add(
          at + ".successThreshold",
          String.valueOf(p.successThreshold().get()),
          "1: liveness and startup probes pass on one success",
          "1");
    }
  }

  private void atLeast(String field, Optional<Integer> value, int min) {
    if (value.isPresent() && value.get() < min) {
      c.add(field, String.valueOf(value.get()), "a whole number of " + min + " or more", "10");
    }
  }

  private void portRef(String field, Probe.PortRef ref, List<RolePort> ports) {
    if (ref.name().isPresent()) {
      Set<String> names = new TreeSet<>();
      ports.forEach(p -> names.add(p.name()));
      if (!names.contains(ref.name().get())) {
        c.add(
            field,
            ref.name().get(),
            names.isEmpty()
                ? "a port number: the container declares no named port"
                : "a port the container declares " + names,
            names.isEmpty() ? "8080" : names.iterator().next());
      }
    } else {
      c.port(field, ref.number());
    }
  }

  private void toleration(String at, Toleration t) {
    if (t.key().isEmpty() || KubernetesNames.qualifiedKey(t.key()) != null) {
      c.add(at + ".key", t.key(), "a taint key such as dedicated or example.com/gpu", "dedicated");
    }
    if (t.operator() == Toleration.Operator.Exists && t.value().isPresent()) {
      c.add(at + ".value", t.value().get(), "no value with operator Exists", null);
    }
    if (t.operator() == Toleration.Operator.Equal
        && (t.value().isEmpty() || KubernetesNames.labelValue(t.value().get()) != null)) {
      c.add(
          at + ".value",
          t.value().orElse(""),
          "the taint's value (a label value) with operator Equal",
          "lab");
    }
    if (t.tolerationSeconds().isPresent()) {
      if (t.effect().orElse(null) != Toleration.Effect.NoExecute) {
        c.add(
            at + ".tolerationSeconds",
            String.valueOf(t.tolerationSeconds().get()),
            "no tolerationSeconds unless the effect is NoExecute",
            null);
      } else if (t.tolerationSeconds().get() < 0) {
        c.add(
            at + ".tolerationSeconds",
            String.valueOf(t.tolerationSeconds().get()),
            "0 or more seconds",
            "300");
      }
    }
  }

  private void podSecurity(String at, PodSecurity p) {
    id(at + ".runAsUser", p.runAsUser());
    id(at + ".runAsGroup", p.runAsGroup());
    id(at + ".fsGroup", p.fsGroup());
    nonRootConflict(at, p.runAsNonRoot(), p.runAsUser());
  }

  private void containerSecurity(String at, ContainerSecurity s) {
    id(at + ".runAsUser", s.runAsUser());
    id(at + ".runAsGroup", s.runAsGroup());
    nonRootConflict(at, s.runAsNonRoot(), s.runAsUser());
    capabilities(at + ".capabilitiesAdd", s.capabilitiesAdd());
    capabilities(at + ".capabilitiesDrop", s.capabilitiesDrop());
  }

  private void nonRootConflict(String at, Optional<Boolean> nonRoot, Optional<Long> user) {
    if (nonRoot.orElse(false) && user.orElse(-1L) == 0) {
      c.add(
          at + ".runAsUser",
          "0",
          "a user other than root (0) with runAsNonRoot, or the kubelet never starts the container",
          "1000");
    }
  }

  private void id(String field, Optional<Long> id) {
    if (id.isPresent() && (id.get() < 0 || id.get() > MAX_ID)) {
      c.add(field, String.valueOf(id.get()), "an id between 0 and " + MAX_ID, "1000");
    }
  }

  private void capabilities(String field, List<String> names) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (!n.matches("[A-Z][A-Z0-9_]*") || n.startsWith("CAP_")) {
        c.add(
            field + "[" + i + "]",
            n,
            "a Linux capability in upper case without the CAP_ prefix, or ALL",
            "NET_BIND_SERVICE");
      } else if (seen.contains(n)) {
        c.add(field + "[" + i + "]", n, "a capability listed once", null);
      }
      seen.add(n);
    }
  }
}
