package io.saltlab.topology.spec.internal;

import static io.saltlab.topology.spec.internal.SpecKey.optional;
import static io.saltlab.topology.spec.internal.SpecKey.required;
import static io.saltlab.topology.spec.internal.SpecType.choice;
import static io.saltlab.topology.spec.internal.SpecType.flag;
import static io.saltlab.topology.spec.internal.SpecType.listOf;
import static io.saltlab.topology.spec.internal.SpecType.mapOf;
import static io.saltlab.topology.spec.internal.SpecType.text;
import static io.saltlab.topology.spec.internal.SpecType.textOrNumber;
import static io.saltlab.topology.spec.internal.SpecType.textOrWhole;
import static io.saltlab.topology.spec.internal.SpecType.whole;

/**
 * The keys of the settings roles and the master share (resources, probes, scheduling, security) and
 * of those only roles have (environment sources, volumes, exposure, disruption budget, annotations
 * and labels per object), named as the Java builder names them.
 */
final class SettingsKeys {
  private SettingsKeys() {}

  private static SpecSection amounts(String what) {
    SpecSection.Builder b = SpecSection.builder(what);
    b.key(optional("cpu", textOrNumber(), "CPU in cores, for example 500m (half a core) or 2."));
    b.key(optional("memory", textOrNumber(), "Memory in bytes, for example 512Mi or 1Gi."));
    b.key(
        optional(
            "ephemeral-storage",
            textOrNumber(),
            "Local scratch disk in bytes, for example 1Gi; from Kubernetes 1.10."));
    return b.build();
  }

  static final SpecSection RESOURCES =
      SpecSection.builder(
              "Requests and limits of the container, as Kubernetes quantities (500m, 1.5Gi,"
                  + " 2e3); a request may not exceed its limit.")
          .named("resources")
          .key(
              optional(
                  "requests",
                  amounts("What the scheduler reserves for the container."),
                  "What the scheduler reserves for the container."))
          .key(
              optional(
                  "limits",
                  amounts("The most the container may use."),
                  "The most the container may use."))
          .build();

  private static SpecSection portSection(String what) {
    return SpecSection.builder(what)
        .key(
            required(
                "port",
                textOrWhole(),
                "A port the container declares, by name (http) or number (8080)."))
        .build();
  }

  static final SpecSection PROBE =
      SpecSection.builder(
              "A probe: exactly one of tcp, http and exec, and optionally its timings; timings"
                  + " left out take the API server's defaults.")
          .named("probe")
          .key(
              optional(
                  "tcp", portSection("A TCP connection to a port."), "A TCP connection to a port."))
          .key(
              optional(
                  "http",
                  SpecSection.builder("An HTTP GET that passes on a status from 200 to 399.")
                      .key(
                          required(
                              "path",
                              text().matching("^/"),
                              "The request path, for example /health."))
                      .key(
                          required(
                              "port",
                              textOrWhole(),
                              "A port the container declares, by name (http) or number (8080)."))
                      .key(
                          optional(
                                  "scheme",
                                  choice(
                                      new SpecType.Choice("HTTP", "plain HTTP"),
                                      new SpecType.Choice(
                                          "HTTPS", "HTTPS, the certificate not checked")),
                                  "HTTP or HTTPS.")
                              .byDefault("HTTP"))
                      .build(),
                  "An HTTP GET that passes on a status from 200 to 399."))
          .key(
              optional(
                  "exec",
                  SpecSection.builder("A command run in the container; passes when it exits 0.")
                      .key(
                          required(
                              "command",
                              listOf(text()),
                              "The command and its arguments, without a shell unless it names"
                                  + " one."))
                      .build(),
                  "A command run in the container; passes when it exits 0."))
          .key(
              optional(
                      "initialDelaySeconds",
                      whole().between(0, Integer.MAX_VALUE),
                      "Seconds after the container starts before the first check.")
                  .byDefault(0))
          .key(
              optional(
                      "periodSeconds",
                      whole().between(1, Integer.MAX_VALUE),
                      "Seconds between checks.")
                  .byDefault(10))
          .key(
              optional(
                      "timeoutSeconds",
                      whole().between(1, Integer.MAX_VALUE),
                      "Seconds a check may take.")
                  .byDefault(1))
          .key(
              optional(
                      "successThreshold",
                      whole().between(1, Integer.MAX_VALUE),
                      "Consecutive successes that count as passing; 1 for liveness and startup"
                          + " probes.")
                  .byDefault(1))
          .key(
              optional(
                      "failureThreshold",
                      whole().between(1, Integer.MAX_VALUE),
                      "Consecutive failures that count as failing.")
                  .byDefault(3))
          .rule(
              SpecRule.exactlyOne(
                  "missing 'tcp', 'http' or 'exec': what the probe checks", "tcp", "http", "exec"))
          .build();

  static final SpecSection TOLERATION =
      SpecSection.builder("A taint the pods tolerate.")
          .named("toleration")
          .key(required("key", text(), "The taint's key, for example dedicated."))
          .key(
              optional(
                      "operator",
                      choice(
                          new SpecType.Choice("Equal", "the key has the given value"),
                          new SpecType.Choice("Exists", "the key exists, whatever its value")),
                      "How the taint is matched.")
                  .byDefault("Equal"))
          .key(optional("value", text(), "The taint's value, with operator Equal."))
          .key(
              optional(
                  "effect",
                  choice(
                      new SpecType.Choice("NoSchedule", "no new pods"),
                      new SpecType.Choice("PreferNoSchedule", "avoided when possible"),
                      new SpecType.Choice("NoExecute", "running pods are evicted")),
                  "The effect tolerated; every effect unless set."))
          .key(
              optional(
                  "tolerationSeconds",
                  whole().between(0, Integer.MAX_VALUE),
                  "With effect NoExecute: how long the pods stay once the taint appears."))
          .build();

  static final SpecSection POD_SECURITY =
      SpecSection.builder("The pods' securityContext; what is left out is not written.")
          .named("podSecurity")
          .key(
              optional(
                  "runAsNonRoot",
                  flag(),
                  "Whether the kubelet refuses to start a container as root."))
          .key(
              optional(
                  "runAsUser",
                  whole().between(0, Integer.MAX_VALUE),
                  "The user id containers run as."))
          .key(
              optional(
                  "runAsGroup",
                  whole().between(0, Integer.MAX_VALUE),
                  "The group id containers run as; from Kubernetes 1.14."))
          .key(
              optional(
                  "fsGroup",
                  whole().between(0, Integer.MAX_VALUE),
                  "The group that owns mounted volumes and is added to every container's groups."))
          .key(
              optional(
                  "seccompProfile",
                  choice(
                      new SpecType.Choice("RuntimeDefault", "the container runtime's profile"),
                      new SpecType.Choice("Unconfined", "no filtering")),
                  "The seccomp profile: the field from Kubernetes 1.19, the alpha annotation"
                      + " before."))
          .build();

  static final SpecSection CONTAINER_SECURITY =
      SpecSection.builder("The container's securityContext; what is left out is not written.")
          .named("containerSecurity")
          .key(
              optional(
                  "runAsNonRoot",
                  flag(),
                  "Whether the kubelet refuses to start the container as root."))
          .key(
              optional(
                  "runAsUser",
                  whole().between(0, Integer.MAX_VALUE),
                  "The user id the container runs as."))
          .key(
              optional(
                  "runAsGroup",
                  whole().between(0, Integer.MAX_VALUE),
                  "The group id the container runs as; from Kubernetes 1.14."))
          .key(
              optional(
                  "readOnlyRootFilesystem", flag(), "Whether the root file system is read-only."))
          .key(
              optional(
                  "allowPrivilegeEscalation",
                  flag(),
                  "Whether a process may gain more privileges than its parent; from Kubernetes"
                      + " 1.8."))
          .key(
              optional(
                  "capabilitiesAdd",
                  listOf(text().matching("^[A-Z][A-Z0-9_]*$")),
                  "Linux capabilities added, without the CAP_ prefix, for example"
                      + " NET_BIND_SERVICE."))
          .key(
              optional(
                  "capabilitiesDrop",
                  listOf(text().matching("^[A-Z][A-Z0-9_]*$")),
                  "Linux capabilities dropped, for example ALL."))
          .build();

  /** Adds the keys roles and the master share. */
  static SpecSection.Builder shared(SpecSection.Builder b) {
    return b.key(optional("resources", RESOURCES, RESOURCES.description()))
        .key(
            optional(
                "readinessProbe",
                PROBE,
                "When the pod receives traffic: until it passes, its Service sends it none."))
        .key(optional("livenessProbe", PROBE, "When the container is restarted: after it fails."))
        .key(
            optional(
                "startupProbe",
                PROBE,
                "Holds the other probes back until the container has started; from Kubernetes"
                    + " 1.18."))
        .key(
            optional(
                "nodeSelector",
                mapOf(text()),
                "Node labels the pods must run on, label: value, for example disktype: ssd."))
        .key(optional("tolerations", listOf(TOLERATION), "Taints the pods tolerate."))
        .key(
            optional(
                "priorityClassName",
                text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                "The PriorityClass of the pods, one that exists in the cluster; from Kubernetes"
                    + " 1.11."))
        .key(optional("podSecurity", POD_SECURITY, POD_SECURITY.description()))
        .key(optional("containerSecurity", CONTAINER_SECURITY, CONTAINER_SECURITY.description()));
  }
}
