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

import java.util.Map;

/**
 * The keys only roles have, beside the shared ones of {@link SettingsKeys}: environment sources,
 * volumes, exposure, disruption budget, annotations and labels per object.
 */
final class RoleKeys {
  private RoleKeys() {}

  static final SpecSection ENV_SOURCE =
      SpecSection.builder(
              "Where a variable's value comes from: a key of an existing Secret or ConfigMap, or a"
                  + " field of the pod.")
          .key(
              optional(
                  "secret", text().matching(LabKeys.DNS_1123_SUBDOMAIN), "An existing Secret."))
          .key(
              optional(
                  "configMap",
                  text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                  "An existing ConfigMap."))
          .key(optional("key", text(), "The key in the Secret or ConfigMap."))
          .key(
              optional(
                  "field",
                  choice(
                      new SpecType.Choice(
                          "podName", "the pod's name; <role>-<ordinal> for a STATEFUL role"),
                      new SpecType.Choice("namespace", "the namespace"),
                      new SpecType.Choice("podIP", "the pod's IP address"),
                      new SpecType.Choice("nodeName", "the node's name"),
                      new SpecType.Choice(
                          "memberOrdinal",
                          "the ordinal of a STATEFUL role's member, from Kubernetes 1.28")),
                  "A field of the pod."))
          .rule(
              SpecRule.exactlyOne(
                  "missing 'secret', 'configMap' or 'field': where the value comes from",
                  "secret",
                  "configMap",
                  "field"))
          .rule(new SpecRule.RequiredUnless("key", "field"))
          .rule(new SpecRule.Excludes("field", Map.of("key", "a pod field has no key")))
          .build();

  static final SpecSection ENV_FROM =
      SpecSection.builder("Every key of an existing Secret or ConfigMap as variables.")
          .key(
              optional(
                  "secret", text().matching(LabKeys.DNS_1123_SUBDOMAIN), "An existing Secret."))
          .key(
              optional(
                  "configMap",
                  text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                  "An existing ConfigMap."))
          .key(optional("prefix", text(), "Text put before every key, for example DB_."))
          .rule(SpecRule.exactlyOne("missing 'secret' or 'configMap'", "secret", "configMap"))
          .build();

  static final SpecSection VOLUME =
      SpecSection.builder(
              "A volume the container mounts: exactly one of perMember, existingClaim, emptyDir,"
                  + " files, existingSecret and existingConfigMap.")
          .key(
              required(
                  "name",
                  text().matching(LabKeys.DNS_1123_LABEL),
                  "The volume's name, for example data."))
          .key(
              required(
                  "mountPath",
                  text().matching(LabKeys.ABSOLUTE_PATH),
                  "The absolute directory the container sees it at."))
          .key(
              optional(
                  "perMember",
                  SpecSection.builder(
                          "Per-member persistent data of a STATEFUL role: one claim per pod,"
                              + " kept when the pod is replaced.")
                      .key(required("size", textOrNumber(), "The claim's size, for example 1Gi."))
                      .key(
                          optional(
                              "storageClass",
                              text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                              "The storage class; the cluster's default unless set."))
                      .key(
                          optional(
                                  "accessMode",
                                  choice(
                                      new SpecType.Choice(
                                          "ReadWriteOnce", "read-write by one node"),
                                      new SpecType.Choice(
                                          "ReadOnlyMany", "read-only by many nodes"),
                                      new SpecType.Choice(
                                          "ReadWriteMany", "read-write by many nodes")),
                                  "How the claim is attached.")
                              .byDefault("ReadWriteOnce"))
                      .build(),
                  "Per-member persistent data of a STATEFUL role (volumeClaimTemplates)."))
          .key(
              optional(
                  "existingClaim",
                  SpecSection.builder("A PersistentVolumeClaim that exists in the namespace.")
                      .key(
                          required(
                              "claimName",
                              text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                              "The claim's name."))
                      .key(
                          optional("readOnly", flag(), "Whether it is mounted read-only.")
                              .byDefault(false))
                      .build(),
                  "A PersistentVolumeClaim that exists in the namespace, shared by the role's"
                      + " pods."))
          .key(
              optional(
                  "emptyDir",
                  SpecSection.builder("Scratch space that lives as long as the pod.")
                      .key(
                          optional("inMemory", flag(), "Whether it is a tmpfs, counted as memory.")
                              .byDefault(false))
                      .key(
                          optional(
                              "sizeLimit",
                              textOrNumber(),
                              "The most it may hold, for example 64Mi; from Kubernetes 1.10."))
                      .build(),
                  "Scratch space that lives as long as the pod."))
          .key(
              optional(
                  "files",
                  mapOf(text()),
                  "Files the lab supplies, file name: content, rendered into a ConfigMap of the"
                      + " role and mounted read-only."))
          .key(
              optional(
                  "existingSecret",
                  text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                  "A Secret that exists in the namespace, mounted read-only as a directory."))
          .key(
              optional(
                  "existingConfigMap",
                  text().matching(LabKeys.DNS_1123_SUBDOMAIN),
                  "A ConfigMap that exists in the namespace, mounted read-only as a directory."))
          .rule(
              SpecRule.exactlyOne(
                  "missing what the volume is: perMember, existingClaim, emptyDir, files,"
                      + " existingSecret or existingConfigMap",
                  "perMember",
                  "existingClaim",
                  "emptyDir",
                  "files",
                  "existingSecret",
                  "existingConfigMap"))
          .build();

  static final SpecSection EXPOSURE =
      SpecSection.builder("The role's Service.")
          .key(
              optional(
                      "type",
                      choice(
                          new SpecType.Choice("Headless", "DNS names for the pods, no virtual IP"),
                          new SpecType.Choice("ClusterIP", "a virtual IP inside the cluster"),
                          new SpecType.Choice("NodePort", "a port on every node"),
                          new SpecType.Choice("LoadBalancer", "a cloud load balancer"),
                          new SpecType.Choice("None", "no Service, for FIXED roles only")),
                      "The Service's type.")
                  .byDefault("Headless"))
          .key(
              optional(
                  "nodePorts",
                  mapOf(whole().between(30000, 32767)),
                  "With type NodePort: port name to a fixed node port, 30000-32767."))
          .build();

  static final SpecSection DISRUPTION_BUDGET =
      SpecSection.builder(
              "A PodDisruptionBudget for the role's pods: exactly one of minAvailable and"
                  + " maxUnavailable.")
          .key(
              optional(
                  "minAvailable",
                  textOrWhole(),
                  "Pods that must stay up: a number or a percentage such as 50%."))
          .key(
              optional(
                  "maxUnavailable",
                  textOrWhole(),
                  "Pods that may be down: a number or a percentage; from Kubernetes 1.7."))
          .rule(
              SpecRule.exactlyOne(
                  "missing 'minAvailable' or 'maxUnavailable'", "minAvailable", "maxUnavailable"))
          .build();

  /** Adds the keys only roles have. */
  static SpecSection.Builder roleOnly(SpecSection.Builder b) {
    return b.key(
            optional(
                "envFrom",
                listOf(ENV_FROM),
                "Whole Secrets and ConfigMaps as environment; from Kubernetes 1.6."))
        .key(optional("volumes", listOf(VOLUME), "Volumes the container mounts."))
        .key(optional("exposure", EXPOSURE, "The role's Service: headless unless set."))
        .key(
            optional(
                    "spreadOverNodes",
                    flag(),
                    "Whether the pods prefer nodes that run none of the role's other pods.")
                .byDefault(false))
        .key(optional("disruptionBudget", DISRUPTION_BUDGET, DISRUPTION_BUDGET.description()))
        .key(optional("podAnnotations", mapOf(text()), "Annotations of the role's pods."))
        .key(
            optional(
                "workloadLabels",
                mapOf(text()),
                "Labels of the role's StatefulSet or Deployment only."))
        .key(
            optional(
                "workloadAnnotations",
                mapOf(text()),
                "Annotations of the role's StatefulSet or Deployment only."))
        .key(optional("serviceLabels", mapOf(text()), "Labels of the role's Service only."))
        .key(
            optional(
                "serviceAnnotations", mapOf(text()), "Annotations of the role's Service only."));
  }

  /** The value of one environment variable: literal text, or where it comes from. */
  static SpecType envValue() {
    return new SpecType.Either(text(), ENV_SOURCE);
  }
}
