package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.util.List;
import java.util.Map;

/**
 * The API server's value rules, as a table of {@link Shape}s per kind: enumerations, ranges,
 * formats, cross-field and size rules that no bundled schema states (they constrain only shape).
 * The shapes live in {@link PodRules}, {@link WorkloadRules}, {@link NetworkRules} and {@link
 * ObjectRules}, each rule with a comment naming the Kubernetes validation it mirrors. Rules that
 * changed between releases follow the target. They run on every target, schema or not.
 */
final class ValueRules {

  private ValueRules() {}

  private static Shape root(String kind, Shape spec) {
    Shape s = new Shape(kind).object("metadata", ObjectRules.METADATA);
    return spec == null ? s : s.object("spec", spec);
  }

  private static Shape workload(String kind, Shape spec) {
    return root(kind, spec.object("selector", ObjectRules.LABEL_SELECTOR));
  }

  private static final Map<String, Shape> KINDS =
      Map.ofEntries(
          Map.entry("Pod", root("Pod", PodRules.POD_SPEC)),
          Map.entry(
              "PodTemplate", root("PodTemplate", null).object("template", PodRules.POD_TEMPLATE)),
          Map.entry("Deployment", workload("Deployment", WorkloadRules.DEPLOYMENT_SPEC)),
          Map.entry("StatefulSet", workload("StatefulSet", WorkloadRules.STATEFUL_SET_SPEC)),
          Map.entry("DaemonSet", workload("DaemonSet", WorkloadRules.DAEMON_SET_SPEC)),
          Map.entry("ReplicaSet", workload("ReplicaSet", WorkloadRules.REPLICA_SET_SPEC)),
          Map.entry("Job", workload("Job", WorkloadRules.JOB_SPEC)),
          Map.entry("CronJob", root("CronJob", WorkloadRules.CRON_JOB_SPEC)),
          Map.entry("Service", root("Service", NetworkRules.SERVICE_SPEC)),
          Map.entry("Ingress", root("Ingress", NetworkRules.INGRESS_SPEC)),
          Map.entry(
              "NetworkPolicy",
              root(
                  "NetworkPolicy",
                  NetworkRules.NETWORK_POLICY_SPEC.object(
                      "podSelector", ObjectRules.LABEL_SELECTOR))),
          Map.entry("PersistentVolumeClaim", root("PersistentVolumeClaim", ObjectRules.PVC_SPEC)),
          Map.entry("PodDisruptionBudget", root("PodDisruptionBudget", ObjectRules.PDB_SPEC)),
          Map.entry("Role", ObjectRules.role(true).object("metadata", ObjectRules.METADATA)),
          Map.entry(
              "ClusterRole", ObjectRules.role(false).object("metadata", ObjectRules.METADATA)),
          Map.entry(
              "RoleBinding", ObjectRules.binding(true).object("metadata", ObjectRules.METADATA)),
          Map.entry(
              "ClusterRoleBinding",
              ObjectRules.binding(false).object("metadata", ObjectRules.METADATA)),
          Map.entry("Secret", root("Secret", null).rule(ObjectRules::secretRules)),
          Map.entry("ConfigMap", root("ConfigMap", null).rule(ObjectRules::configMapRules)));

  private static final Shape ANY = root("Object", null);

  /** Builds the tables, if not built yet. */
  static void load() {
    // Calling any static method initializes the class and its tables.
  }

  /** The problems the value rules find in one document. */
  static void check(
      KubernetesVersion target, ValidationContext context, Manifest m, List<Problem> out) {
    Shape shape = m.kind == null ? ANY : KINDS.getOrDefault(m.kind, ANY);
    shape.walk(new RuleRun(m, target, context, out), m.doc, Shape.At.root());
  }
}
