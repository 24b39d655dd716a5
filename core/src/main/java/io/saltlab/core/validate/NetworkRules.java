package io.saltlab.core.validate;

import static io.saltlab.core.validate.Rules.cidr;
import static io.saltlab.core.validate.Rules.dnsSubdomain;
import static io.saltlab.core.validate.Rules.oneOf;
import static io.saltlab.core.validate.Rules.oneOfSince;
import static io.saltlab.core.validate.Rules.port;
import static io.saltlab.core.validate.Rules.portNumberOrName;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesNames;
import io.saltlab.core.validate.Shape.At;
import java.util.HashSet;
import java.util.Set;

/**
 * The value rules of Services, Ingresses and NetworkPolicies, mirroring k8s.io/kubernetes
 * pkg/apis/core/validation (ValidateService) and pkg/apis/networking/validation.
 */
final class NetworkRules {

  private NetworkRules() {}

  /** The default --service-node-port-range of the API server. */
  static final int NODE_PORT_MIN = 30000;

  static final int NODE_PORT_MAX = 32767;

  // ServicePort: port 1-65535; targetPort a number 1-65535 or an IANA name; nodePort in the
  // cluster's range ("provided port is not in the valid range. The range of valid ports is
  // 30000-32767"); protocol TCP, UDP or SCTP (SCTP from 1.19); name a DNS-1123 label.
  static final Shape SERVICE_PORT =
      new Shape("ServicePort")
          .value("port", port())
          .value("targetPort", portNumberOrName())
          .value("protocol", PodRules.PROTOCOL)
          .value("name", Rules.dnsLabel())
          .value(
              "nodePort",
              (run, v, at) -> {
                if (v.isIntegralNumber()
                    && v.asLong() != 0
                    && (v.asLong() < NODE_PORT_MIN || v.asLong() > NODE_PORT_MAX)) {
                  run.error(
                      "node-port-out-of-range",
                      at,
                      v,
                      "nodePort outside the default node port range",
                      NODE_PORT_MIN + "-" + NODE_PORT_MAX,
                      "a cluster started with another --service-node-port-range accepts others");
                }
              });

  // ValidateService: type ClusterIP, NodePort, LoadBalancer or ExternalName; sessionAffinity None
  // or ClientIP; externalTrafficPolicy Cluster or Local, only for NodePort and LoadBalancer;
  // clusterIP None only for ClusterIP ("may not be set to 'None' for LoadBalancer services");
  // nodePort not with ClusterIP ("may not be used when `type` is 'ClusterIP'"); ExternalName needs
  // externalName; 1.5 needs at least one port; ports unique by port and protocol.
  static final Shape SERVICE_SPEC =
      new Shape("ServiceSpec")
          .value("type", oneOf("ClusterIP", "NodePort", "LoadBalancer", "ExternalName"))
          .value("sessionAffinity", oneOf("None", "ClientIP"))
          .value("externalTrafficPolicy", oneOf("Cluster", "Local"))
          .value("internalTrafficPolicy", oneOfSince("Cluster", 21, "Local", 21))
          .value(
              "ipFamilyPolicy",
              oneOfSince("SingleStack", 20, "PreferDualStack", 20, "RequireDualStack", 20))
          .value(
              "clusterIP",
              (run, v, at) -> {
                if (v.isTextual() && !v.asText().isEmpty() && !v.asText().equals("None")) {
                  Rules.ip().check(run, v, at);
                }
              })
          .value("externalName", dnsSubdomain())
          .list("ports", SERVICE_PORT)
          .rule(NetworkRules::serviceTypeRules);

  private static void serviceTypeRules(RuleRun run, JsonNode spec, At at) {
    String type = spec.path("type").asText("ClusterIP");
    String clusterIp = spec.path("clusterIP").asText("");
    if (clusterIp.equals("None") && !type.equals("ClusterIP")) {
      run.error(
          "service-type-conflict",
          at.child("clusterIP"),
          spec.get("clusterIP"),
          "clusterIP None (headless) is only for type ClusterIP, not " + type,
          "type ClusterIP, or no clusterIP",
          null);
    }
    if (type.equals("ExternalName") && spec.path("externalName").asText("").isEmpty()) {
      run.error(
          "required-value",
          at.child("externalName"),
          null,
          "a Service of type ExternalName needs externalName",
          "a DNS name such as db.example.com",
          null);
    }
    if (spec.hasNonNull("externalTrafficPolicy")
        && !(type.equals("NodePort") || type.equals("LoadBalancer"))) {
      run.error(
          "service-type-conflict",
          at.child("externalTrafficPolicy"),
          spec.get("externalTrafficPolicy"),
          "externalTrafficPolicy is only for NodePort and LoadBalancer Services",
          "no externalTrafficPolicy for type " + type,
          null);
    }
    JsonNode ports = CrossIndex.array(spec.path("ports"));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode p = ports.get(i);
      if (type.equals("ClusterIP")
          && p.path("nodePort").isIntegralNumber()
          && p.path("nodePort").asLong() != 0) {
        run.error(
            "service-type-conflict",
            at.child("ports").index(i).child("nodePort"),
            p.get("nodePort"),
            "nodePort may not be set on a Service of type ClusterIP",
            "type NodePort or LoadBalancer, or no nodePort",
            null);
      }
      String key = p.path("port").asText() + "/" + p.path("protocol").asText("TCP");
      if (p.path("port").isIntegralNumber() && !seen.add(key)) {
        run.error(
            "duplicate-service-port",
            at.child("ports").index(i),
            null,
            "port " + key + " is listed twice",
            "each port and protocol once",
            null);
      }
    }
    if (!run.since(6) && !type.equals("ExternalName") && ports.isEmpty()) {
      // Kubernetes 1.5 required ports on every Service (ApiVersions.allowsServiceWithoutPorts).
      run.error(
          "required-value",
          at.child("ports"),
          null,
          "Kubernetes 1.5 requires at least one port on a Service",
          "a port, or target 1.6 or later for a port-less headless Service",
          null);
    }
  }

  /** An Ingress host: a DNS-1123 subdomain, with a leading "*." wildcard from 1.18, not an IP. */
  private static void ingressHost(RuleRun run, JsonNode v, At at) {
    if (!v.isTextual() || v.asText().isEmpty()) {
      return;
    }
    String host = v.asText();
    if (Formats.ip(host) == null) {
      run.error(
          "invalid-host", at, v, "host must be a DNS name, not an IP address", "a DNS name", null);
      return;
    }
    String name = run.since(18) && host.startsWith("*.") ? host.substring(2) : host;
    String why = KubernetesNames.dns1123Subdomain(name);
    if (why != null) {
      run.error(
          "invalid-host",
          at,
          v,
          "invalid host: " + why,
          "a DNS-1123 subdomain" + (run.since(18) ? ", optionally starting with *." : ""),
          null);
    }
  }

  // HTTPIngressPath: pathType Exact, Prefix or ImplementationSpecific; an Exact or Prefix path,
  // and every path before pathType existed, must be absolute ("must be an absolute path").
  static final Shape INGRESS_BACKEND =
      new Shape("IngressBackend")
          .value(
              "serviceName",
              Rules.name(KubernetesNames::dns1035Label, "a Service name (DNS-1035 label)"))
          .value("servicePort", portNumberOrName())
          .object(
              "service",
              new Shape("IngressServiceBackend")
                  .value(
                      "name",
                      Rules.name(KubernetesNames::dns1035Label, "a Service name (DNS-1035 label)"))
                  .object(
                      "port",
                      new Shape("ServiceBackendPort")
                          .value("number", port())
                          .value("name", portNumberOrName())
                          .rule(
                              (run, o, at) -> {
                                if (o.hasNonNull("number") && o.hasNonNull("name")) {
                                  run.error(
                                      "mutually-exclusive",
                                      at.child("name"),
                                      o.get("name"),
                                      "a backend port has a number or a name, not both",
                                      "one of number, name",
                                      null);
                                }
                              })));

  static final Shape INGRESS_PATH =
      new Shape("HTTPIngressPath")
          .value("pathType", oneOf("Exact", "Prefix", "ImplementationSpecific"))
          .object("backend", INGRESS_BACKEND)
          .rule(
              (run, o, at) -> {
                JsonNode path = o.path("path");
                String type = o.path("pathType").asText("");
                if (path.isTextual()
                    && !path.asText().startsWith("/")
                    && !type.equals("ImplementationSpecific")) {
                  run.error(
                      "invalid-path",
                      at.child("path"),
                      path,
                      "path must be absolute",
                      "a path starting with /",
                      null);
                }
              });

  static final Shape INGRESS_SPEC =
      new Shape("IngressSpec")
          .value("ingressClassName", dnsSubdomain())
          .object("defaultBackend", INGRESS_BACKEND)
          .object("backend", INGRESS_BACKEND)
          .list(
              "rules",
              new Shape("IngressRule")
                  .value("host", NetworkRules::ingressHost)
                  .object("http", new Shape("HTTPIngressRuleValue").list("paths", INGRESS_PATH)))
          .list(
              "tls",
              new Shape("IngressTLS")
                  .value("secretName", dnsSubdomain())
                  .value(
                      "hosts",
                      (run, v, at) -> {
                        for (int i = 0; v.isArray() && i < v.size(); i++) {
                          ingressHost(run, v.get(i), at.index(i));
                        }
                      }));

  // NetworkPolicy: policyTypes Ingress or Egress; ports protocol, port a number or name; endPort
  // only with a numeric port and not below it; ipBlock cidr and except CIDRs.
  static final Shape NETWORK_POLICY_PORT =
      new Shape("NetworkPolicyPort")
          .value("protocol", PodRules.PROTOCOL)
          .value("port", portNumberOrName())
          .value("endPort", port())
          .rule(
              (run, o, at) -> {
                JsonNode end = o.path("endPort");
                if (!end.isIntegralNumber()) {
                  return;
                }
                JsonNode start = o.path("port");
                if (!start.isIntegralNumber()) {
                  run.error(
                      "required-value",
                      at.child("port"),
                      start.isMissingNode() ? null : start,
                      "endPort needs a numeric port",
                      "port as a number",
                      null);
                } else if (end.asLong() < start.asLong()) {
                  run.error(
                      "value-out-of-range",
                      at.child("endPort"),
                      end,
                      "endPort below port",
                      "at least " + start.asLong(),
                      null);
                }
              });

  static final Shape PEER =
      new Shape("NetworkPolicyPeer")
          .object(
              "ipBlock",
              new Shape("IPBlock")
                  .value("cidr", cidr())
                  .value(
                      "except",
                      (run, v, at) -> {
                        for (int i = 0; v.isArray() && i < v.size(); i++) {
                          cidr().check(run, v.get(i), at.index(i));
                        }
                      }));

  static final Shape NETWORK_POLICY_SPEC =
      new Shape("NetworkPolicySpec")
          .value(
              "policyTypes",
              (run, v, at) -> {
                for (int i = 0; v.isArray() && i < v.size(); i++) {
                  oneOf("Ingress", "Egress").check(run, v.get(i), at.index(i));
                }
              })
          .list(
              "ingress",
              new Shape("IngressRule").list("ports", NETWORK_POLICY_PORT).list("from", PEER))
          .list(
              "egress",
              new Shape("EgressRule").list("ports", NETWORK_POLICY_PORT).list("to", PEER));
}
