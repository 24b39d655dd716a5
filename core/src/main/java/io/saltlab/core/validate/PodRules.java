package io.saltlab.core.validate;

import static io.saltlab.core.validate.Rules.dnsLabel;
import static io.saltlab.core.validate.Rules.dnsSubdomain;
import static io.saltlab.core.validate.Rules.nonNegative;
import static io.saltlab.core.validate.Rules.oneOf;
import static io.saltlab.core.validate.Rules.oneOfSince;
import static io.saltlab.core.validate.Rules.port;
import static io.saltlab.core.validate.Rules.portNumberOrName;
import static io.saltlab.core.validate.Rules.positive;
import static io.saltlab.core.validate.Rules.quantity;
import static io.saltlab.core.validate.Rules.range;
import static io.saltlab.core.validate.Rules.relativePath;
import static io.saltlab.core.validate.Rules.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesNames;
import io.saltlab.core.validate.Shape.At;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value rules of pods and pod templates, mirroring k8s.io/kubernetes pkg/apis/core/validation
 * (ValidatePodSpec and what it calls). Each rule's comment names the field and what the API server
 * answers. Names, ports, volumes and references already checked by {@link CrossChecks} are not
 * repeated here.
 */
final class PodRules {

  private PodRules() {}

  /** The protocols of container and Service ports; SCTP is on by default from 1.19 (beta). */
  static final Shape.ValueRule PROTOCOL = oneOfSince("TCP", 5, "UDP", 5, "SCTP", 19);

  // ValidateResourceRequirements: each quantity parses and is not negative, and a request is not
  // above its limit ("must be less than or equal to <resource> limit").
  static final Shape RESOURCES =
      new Shape("ResourceRequirements")
          .value("requests", PodRules::quantities)
          .value("limits", PodRules::quantities)
          .rule(PodRules::requestsWithinLimits);

  // validateHandler: exactly one handler ("may not specify more than 1 handler type");
  // HTTPGetAction: port number or IANA name, scheme HTTP or HTTPS; TCPSocketAction: port likewise.
  static final Shape HTTP_GET =
      new Shape("HTTPGetAction")
          .value("port", portNumberOrName())
          .value("scheme", oneOf("HTTP", "HTTPS"));
  static final Shape TCP_SOCKET = new Shape("TCPSocketAction").value("port", portNumberOrName());
  static final Shape GRPC = new Shape("GRPCAction").value("port", port());

  // validateProbe: delays, timeouts, periods and thresholds are not negative (0 means the
  // default); liveness and startup probes need successThreshold 1 ("must be 1").
  static final Shape PROBE = probe(false);
  static final Shape PROBE_SUCCESS_ONCE = probe(true);

  static final Shape LIFECYCLE_HANDLER =
      new Shape("LifecycleHandler")
          .object("httpGet", HTTP_GET)
          .object("tcpSocket", TCP_SOCKET)
          .rule((run, o, at) -> oneHandler(run, o, at, "exec", "httpGet", "tcpSocket", "sleep"));
  static final Shape LIFECYCLE =
      new Shape("Lifecycle")
          .object("postStart", LIFECYCLE_HANDLER)
          .object("preStop", LIFECYCLE_HANDLER);

  // ContainerPort: hostPort 1-65535 when set; protocol TCP, UDP or SCTP.
  static final Shape CONTAINER_PORT =
      new Shape("ContainerPort").value("hostPort", range(0, 65535)).value("protocol", PROTOCOL);

  // EnvVar.name: validateEnvVarName, which changed with the releases (see Formats.envVarName).
  static final Shape ENV_VAR =
      new Shape("EnvVar")
          .value("name", PodRules::envVarName)
          .object(
              "valueFrom",
              new Shape("EnvVarSource")
                  .rule(
                      (run, o, at) ->
                          exactlyOne(
                              run,
                              o,
                              at,
                              "valueFrom",
                              "fieldRef",
                              "resourceFieldRef",
                              "configMapKeyRef",
                              "secretKeyRef",
                              "fileKeyRef")));

  // VolumeMount: mountPropagation None, HostToContainer or Bidirectional; subPath relative without
  // '..' ("must not contain '..'"); subPath and subPathExpr are mutually exclusive.
  static final Shape VOLUME_MOUNT =
      new Shape("VolumeMount")
          .value("subPath", relativePath())
          .value("mountPropagation", oneOf("None", "HostToContainer", "Bidirectional"))
          .rule(
              (run, o, at) -> {
                if (o.hasNonNull("subPath") && o.hasNonNull("subPathExpr")) {
                  run.error(
                      "mutually-exclusive",
                      at.child("subPathExpr"),
                      o.get("subPathExpr"),
                      "subPath and subPathExpr are mutually exclusive",
                      "one of them",
                      null);
                }
              });

  static final Shape SECURITY_CONTEXT =
      new Shape("SecurityContext")
          .value("runAsUser", nonNegative())
          .value("runAsGroup", nonNegative())
          .value("procMount", oneOf("Default", "Unmasked"))
          .object(
              "seccompProfile",
              new Shape("SeccompProfile")
                  .value("type", oneOf("RuntimeDefault", "Unconfined", "Localhost")));

  // validateContainers: imagePullPolicy Always, IfNotPresent or Never; terminationMessagePolicy
  // File or FallbackToLogsOnError; an image is required ("spec.containers[0].image: Required
  // value"). Warnings: an image without tag or with :latest moves under you.
  static final Shape CONTAINER =
      new Shape("Container")
          .value("imagePullPolicy", oneOf("Always", "IfNotPresent", "Never"))
          .value("terminationMessagePolicy", oneOf("File", "FallbackToLogsOnError"))
          .value("image", PodRules::imageTag)
          .list("ports", CONTAINER_PORT)
          .list("env", ENV_VAR)
          .list("volumeMounts", VOLUME_MOUNT)
          .object("resources", RESOURCES)
          .object("livenessProbe", PROBE_SUCCESS_ONCE)
          .object("startupProbe", PROBE_SUCCESS_ONCE)
          .object("readinessProbe", PROBE)
          .object("lifecycle", LIFECYCLE)
          .object("securityContext", SECURITY_CONTEXT)
          .rule(
              (run, o, at) ->
                  Rules.require(run, o, at, "image", "a container image such as nginx:1.27"))
          .rule(PodRules::probePortsDeclared);

  // Toleration: operator Exists or Equal, effect NoSchedule, PreferNoSchedule or NoExecute; with
  // Exists no value ("value must be empty when `operator` is 'Exists'").
  static final Shape TOLERATION =
      new Shape("Toleration")
          .value("operator", oneOf("Exists", "Equal"))
          .value("effect", oneOf("NoSchedule", "PreferNoSchedule", "NoExecute"))
          .rule(
              (run, o, at) -> {
                if ("Exists".equals(o.path("operator").asText())
                    && !o.path("value").asText("").isEmpty()) {
                  run.error(
                      "toleration-value",
                      at.child("value"),
                      o.get("value"),
                      "a toleration with operator Exists must not have a value",
                      "no value, or operator Equal",
                      null);
                }
              });

  // NodeSelectorRequirement: In, NotIn, Exists, DoesNotExist, Gt, Lt; weights of preferred terms
  // 1-100 ("must be in the range 1-100").
  static final Shape NODE_SELECTOR_TERM =
      new Shape("NodeSelectorTerm")
          .list(
              "matchExpressions",
              new Shape("NodeSelectorRequirement")
                  .value("operator", oneOf("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")));
  static final Shape WEIGHTED = new Shape("WeightedTerm").value("weight", range(1, 100));
  static final Shape AFFINITY =
      new Shape("Affinity")
          .object(
              "nodeAffinity",
              new Shape("NodeAffinity")
                  .object(
                      "requiredDuringSchedulingIgnoredDuringExecution",
                      new Shape("NodeSelector").list("nodeSelectorTerms", NODE_SELECTOR_TERM))
                  .list("preferredDuringSchedulingIgnoredDuringExecution", WEIGHTED))
          .object(
              "podAffinity",
              new Shape("PodAffinity")
                  .list("preferredDuringSchedulingIgnoredDuringExecution", WEIGHTED))
          .object(
              "podAntiAffinity",
              new Shape("PodAntiAffinity")
                  .list("preferredDuringSchedulingIgnoredDuringExecution", WEIGHTED));

  // ValidatePodSpec: restartPolicy Always, OnFailure or Never; dnsPolicy ClusterFirst,
  // ClusterFirstWithHostNet, Default, or None (from 1.10, with dnsConfig nameservers); hostname
  // and subdomain DNS-1123 labels; serviceAccountName and priorityClassName DNS-1123 subdomains;
  // terminationGracePeriodSeconds not negative; activeDeadlineSeconds at least 1.
  static final Shape POD_SPEC =
      new Shape("PodSpec")
          .value("restartPolicy", oneOf("Always", "OnFailure", "Never"))
          .value(
              "dnsPolicy",
              oneOfSince("ClusterFirstWithHostNet", 5, "ClusterFirst", 5, "Default", 5, "None", 10))
          .value("hostname", dnsLabel())
          .value("subdomain", dnsLabel())
          .value("serviceAccountName", dnsSubdomain())
          .value("priorityClassName", dnsSubdomain())
          .value("terminationGracePeriodSeconds", seconds(), nonNegative())
          .value("activeDeadlineSeconds", seconds(), positive())
          .list("containers", CONTAINER)
          .list("initContainers", CONTAINER)
          .list("volumes", VolumeRules.VOLUME)
          .list("tolerations", TOLERATION)
          .object("affinity", AFFINITY)
          .object(
              "securityContext",
              new Shape("PodSecurityContext")
                  .value("runAsUser", nonNegative())
                  .value("runAsGroup", nonNegative())
                  .value("fsGroup", nonNegative())
                  .value("fsGroupChangePolicy", oneOf("OnRootMismatch", "Always")))
          .rule(
              (run, o, at) -> {
                if (run.since(10)
                    && "None".equals(o.path("dnsPolicy").asText())
                    && o.path("dnsConfig").path("nameservers").isEmpty()) {
                  run.error(
                      "required-value",
                      at.child("dnsConfig"),
                      null,
                      "dnsPolicy None needs at least one nameserver in dnsConfig",
                      "dnsConfig.nameservers with an address",
                      null);
                }
              });

  /** A pod template: labels are checked by the cross-object rules; its spec here. */
  static final Shape POD_TEMPLATE = new Shape("PodTemplateSpec").object("spec", POD_SPEC);

  private static Shape probe(boolean successOnce) {
    Shape s =
        new Shape(successOnce ? "LivenessProbe" : "Probe")
            .object("httpGet", HTTP_GET)
            .object("tcpSocket", TCP_SOCKET)
            .object("grpc", GRPC)
            .value("initialDelaySeconds", seconds(), nonNegative())
            .value("timeoutSeconds", seconds(), nonNegative())
            .value("periodSeconds", seconds(), nonNegative())
            .value("successThreshold", nonNegative())
            .value("failureThreshold", nonNegative())
            .rule((run, o, at) -> oneHandler(run, o, at, "exec", "httpGet", "tcpSocket", "grpc"));
    if (successOnce) {
      s.value(
          "successThreshold",
          (run, v, at) -> {
            if (v.isIntegralNumber() && v.asLong() > 1) {
              run.error(
                  "value-out-of-range",
                  at,
                  v,
                  "liveness and startup probes must succeed once",
                  "1",
                  "only readiness probes take a successThreshold above 1");
            }
          });
    }
    return s;
  }

  private static void oneHandler(RuleRun run, JsonNode o, At at, String... handlers) {
    List<String> set = new ArrayList<>();
    for (String h : handlers) {
      if (o.hasNonNull(h)) {
        set.add(h);
      }
    }
    if (set.size() > 1) {
      run.error(
          "handler-count",
          at.child(set.get(1)),
          null,
          "more than one handler: " + String.join(", ", set),
          "exactly one of " + String.join(", ", handlers),
          null);
    } else if (set.isEmpty() && o.size() > 0) {
      run.error(
          "handler-count",
          at,
          null,
          "no handler",
          "exactly one of " + String.join(", ", handlers),
          null);
    }
  }

  private static void exactlyOne(RuleRun run, JsonNode o, At at, String what, String... fields) {
    int set = 0;
    for (String f : fields) {
      if (o.hasNonNull(f)) {
        set++;
      }
    }
    if (set != 1) {
      run.error(
          "source-count",
          at,
          null,
          set == 0 ? what + " names no source" : what + " names " + set + " sources",
          "exactly one of " + String.join(", ", fields),
          null);
    }
  }

  private static void quantities(RuleRun run, JsonNode map, At at) {
    if (!map.isObject()) {
      return;
    }
    Shape.ValueRule q = quantity(true);
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      q.check(run, e.getValue(), at.child(e.getKey()));
      String why = resourceName(e.getKey());
      if (why != null) {
        run.error(
            "invalid-resource-name",
            at.child(e.getKey()),
            null,
            "unknown resource " + e.getKey() + ": " + why,
            "cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name",
            Hints.closest(e.getKey(), List.of("cpu", "memory", "ephemeral-storage")) == null
                ? null
                : "did you mean "
                    + Hints.closest(e.getKey(), List.of("cpu", "memory", "ephemeral-storage"))
                    + "?");
      }
    }
  }

  /** validateContainerResourceName: a standard name, hugepages-*, or a prefixed name. */
  private static String resourceName(String name) {
    if (name.equals("cpu")
        || name.equals("memory")
        || name.equals("ephemeral-storage")
        || name.equals("storage")) {
      return null;
    }
    if (name.startsWith("hugepages-") && Formats.quantity(name.substring(10)) != null) {
      return null;
    }
    if (name.indexOf('/') > 0) {
      return KubernetesNames.qualifiedKey(name);
    }
    return "not a standard resource and not domain-qualified";
  }

  private static void requestsWithinLimits(RuleRun run, JsonNode resources, At at) {
    JsonNode limits = resources.path("limits");
    JsonNode requests = resources.path("requests");
    if (!limits.isObject() || !requests.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : requests.properties()) {
      BigDecimal request = amount(e.getValue());
      BigDecimal limit = amount(limits.get(e.getKey()));
      if (request != null && limit != null && request.compareTo(limit) > 0) {
        run.error(
            "request-exceeds-limit",
            at.child("requests").child(e.getKey()),
            e.getValue(),
            "request above its limit",
            "at most the limit " + limits.get(e.getKey()).asText(),
            null);
      }
    }
  }

  private static BigDecimal amount(JsonNode v) {
    if (v == null) {
      return null;
    }
    return v.isNumber() ? v.decimalValue() : v.isTextual() ? Formats.quantity(v.asText()) : null;
  }

  private static void envVarName(RuleRun run, JsonNode v, At at) {
    if (v.isTextual()) {
      String why = Formats.envVarName(v.asText(), run.target.minor());
      if (why != null) {
        run.error(
            "invalid-env-name",
            at,
            v,
            "invalid environment variable name on Kubernetes " + run.target + ": " + why,
            Formats.envVarNameRule(run.target.minor()),
            null);
      }
    }
  }

  /** Warnings {@code image-no-tag} and {@code image-latest}: the image can change under you. */
  private static void imageTag(RuleRun run, JsonNode v, At at) {
    if (!v.isTextual() || v.asText().isEmpty() || v.asText().contains("@")) {
      return;
    }
    String image = v.asText();
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    if (colon < 0) {
      run.warning(
          "image-no-tag",
          at,
          v,
          "image without a tag: each node pulls whatever :latest is when it starts the pod",
          "a pinned tag or digest, such as " + image + ":1.2.3",
          null);
    } else if (last.substring(colon + 1).equals("latest")) {
      run.warning(
          "image-latest",
          at,
          v,
          "image tagged :latest: pods of one workload may run different builds",
          "a pinned tag or digest",
          null);
    }
  }

  /** Warning {@code probe-port-not-declared}: a probe naming a port no container port carries. */
  private static void probePortsDeclared(RuleRun run, JsonNode container, At at) {
    Set<String> names = new HashSet<>();
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").isTextual()) {
        names.add(p.path("name").asText());
      }
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      for (String handler : List.of("httpGet", "tcpSocket")) {
        JsonNode port = container.path(probe).path(handler).path("port");
        if (port.isTextual()
            && !names.contains(port.asText())
            && KubernetesNames.portName(port.asText()) == null) {
          run.warning(
              "probe-port-not-declared",
              at.child(probe).child(handler).child("port"),
              port,
              "the probe names port " + port.asText() + ", which this container does not declare",
              names.isEmpty()
                  ? "a port number (the container names no port)"
                  : "one of " + String.join(", ", names),
              "the kubelet cannot resolve the name, so the probe fails and the container restarts");
        }
      }
    }
  }
}
