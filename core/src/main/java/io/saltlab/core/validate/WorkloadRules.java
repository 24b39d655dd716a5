package io.saltlab.core.validate;

import static io.saltlab.core.validate.Rules.intOrPercent;
import static io.saltlab.core.validate.Rules.nonNegative;
import static io.saltlab.core.validate.Rules.oneOf;
import static io.saltlab.core.validate.Rules.oneOfSince;
import static io.saltlab.core.validate.Rules.positive;
import static io.saltlab.core.validate.Rules.seconds;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.validate.Shape.At;
import java.util.List;

/**
 * The value rules of workloads, mirroring k8s.io/kubernetes pkg/apis/apps/validation
 * (ValidateDeploymentSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec, ValidateReplicaSetSpec)
 * and pkg/apis/batch/validation (ValidateJobSpec, ValidateCronJobSpec).
 */
final class WorkloadRules {

  private WorkloadRules() {}

  private static final List<String> POD_RESTART_POLICIES = List.of("Always", "OnFailure", "Never");

  /** The pod template of a workload, with the restart policies its controller accepts. */
  private static Shape template(String kind, String... restartPolicies) {
    List<String> allowed = List.of(restartPolicies);
    return new Shape(kind + "PodTemplate")
        .object("spec", PodRules.POD_SPEC)
        .rule(
            (run, o, at) -> {
              // apps: "spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported
              // values: "Always""; batch: Jobs refuse Always.
              JsonNode policy = o.path("spec").path("restartPolicy");
              if (policy.isTextual()
                  && POD_RESTART_POLICIES.contains(policy.asText())
                  && !allowed.contains(policy.asText())) {
                run.error(
                    "restart-policy-not-allowed",
                    at.child("spec").child("restartPolicy"),
                    policy,
                    "a " + kind + " does not accept restartPolicy " + policy.asText(),
                    "one of " + String.join(", ", allowed),
                    null);
              }
            });
  }

  static final Shape APPS_TEMPLATE_RS = template("ReplicaSet", "Always");

  // DeploymentStrategy: type Recreate or RollingUpdate; rollingUpdate only with RollingUpdate
  // ("may not be specified when strategy `type` is 'Recreate'"); maxUnavailable and maxSurge
  // integers or percentages, maxUnavailable at most 100%, not both 0 ("may not be 0 when
  // `maxSurge` is 0").
  static final Shape DEPLOYMENT_STRATEGY =
      new Shape("DeploymentStrategy")
          .value("type", oneOf("Recreate", "RollingUpdate"))
          .object(
              "rollingUpdate",
              new Shape("RollingUpdateDeployment")
                  .value("maxUnavailable", intOrPercent(100))
                  .value("maxSurge", intOrPercent(Integer.MAX_VALUE))
                  .rule(WorkloadRules::notBothZero))
          .rule((run, o, at) -> strategyConflict(run, o, at, "Recreate"));

  // ValidateDeploymentSpec: replicas, minReadySeconds and revisionHistoryLimit not negative;
  // progressDeadlineSeconds above minReadySeconds ("must be greater than minReadySeconds").
  static final Shape DEPLOYMENT_SPEC =
      new Shape("DeploymentSpec")
          .value("replicas", nonNegative())
          .value("minReadySeconds", seconds(), nonNegative())
          .value("revisionHistoryLimit", nonNegative())
          .value("progressDeadlineSeconds", seconds(), positive())
          .object("strategy", DEPLOYMENT_STRATEGY)
          .object("template", template("Deployment", "Always"))
          .rule(
              (run, o, at) -> {
                JsonNode deadline = o.path("progressDeadlineSeconds");
                JsonNode ready = o.path("minReadySeconds");
                if (deadline.isIntegralNumber()
                    && ready.isIntegralNumber()
                    && deadline.asLong() <= ready.asLong()) {
                  run.error(
                      "value-out-of-range",
                      at.child("progressDeadlineSeconds"),
                      deadline,
                      "progressDeadlineSeconds must be greater than minReadySeconds",
                      "more than " + ready.asLong(),
                      null);
                }
              });

  // StatefulSetSpec: podManagementPolicy OrderedReady or Parallel; updateStrategy RollingUpdate
  // or OnDelete, rollingUpdate only with RollingUpdate, partition not negative;
  // persistentVolumeClaimRetentionPolicy Retain or Delete (from 1.23).
  static final Shape STATEFUL_SET_SPEC =
      new Shape("StatefulSetSpec")
          .value("replicas", nonNegative())
          .value("minReadySeconds", seconds(), nonNegative())
          .value("revisionHistoryLimit", nonNegative())
          .value("podManagementPolicy", oneOf("OrderedReady", "Parallel"))
          .object(
              "updateStrategy",
              new Shape("StatefulSetUpdateStrategy")
                  .value("type", oneOf("RollingUpdate", "OnDelete"))
                  .object(
                      "rollingUpdate",
                      new Shape("RollingUpdateStatefulSet")
                          .value("partition", nonNegative())
                          .value("maxUnavailable", intOrPercent(100)))
                  .rule((run, o, at) -> strategyConflict(run, o, at, "OnDelete")))
          .object(
              "persistentVolumeClaimRetentionPolicy",
              new Shape("RetentionPolicy")
                  .value("whenDeleted", oneOfSince("Retain", 23, "Delete", 23))
                  .value("whenScaled", oneOfSince("Retain", 23, "Delete", 23)))
          .list(
              "volumeClaimTemplates",
              new Shape("ClaimTemplate").object("spec", ObjectRules.PVC_SPEC))
          .object("template", template("StatefulSet", "Always"));

  // DaemonSetSpec: updateStrategy RollingUpdate or OnDelete (extensions/v1beta1 defaulted to
  // OnDelete), maxUnavailable an integer or a percentage.
  static final Shape DAEMON_SET_SPEC =
      new Shape("DaemonSetSpec")
          .value("minReadySeconds", seconds(), nonNegative())
          .value("revisionHistoryLimit", nonNegative())
          .object(
              "updateStrategy",
              new Shape("DaemonSetUpdateStrategy")
                  .value("type", oneOf("RollingUpdate", "OnDelete"))
                  .object(
                      "rollingUpdate",
                      new Shape("RollingUpdateDaemonSet")
                          .value("maxUnavailable", intOrPercent(100))
                          .value("maxSurge", intOrPercent(100)))
                  .rule((run, o, at) -> strategyConflict(run, o, at, "OnDelete")))
          .object("template", template("DaemonSet", "Always"));

  static final Shape REPLICA_SET_SPEC =
      new Shape("ReplicaSetSpec")
          .value("replicas", nonNegative())
          .value("minReadySeconds", seconds(), nonNegative())
          .object("template", APPS_TEMPLATE_RS);

  // ValidateJobSpec: parallelism, completions and backoffLimit not negative; activeDeadlineSeconds
  // above 0; completionMode NonIndexed or Indexed (from 1.22, on by default), Indexed needs
  // completions ("when completion mode is Indexed"); podFailurePolicy actions and operators, which
  // need restartPolicy Never; the template's restartPolicy OnFailure or Never.
  static final Shape JOB_SPEC =
      new Shape("JobSpec")
          .value("parallelism", nonNegative())
          .value("completions", nonNegative())
          .value("backoffLimit", nonNegative())
          .value("activeDeadlineSeconds", seconds(), positive())
          .value("ttlSecondsAfterFinished", seconds(), nonNegative())
          .value("completionMode", oneOfSince("NonIndexed", 22, "Indexed", 22))
          .object(
              "podFailurePolicy",
              new Shape("PodFailurePolicy")
                  .list(
                      "rules",
                      new Shape("PodFailurePolicyRule")
                          .value(
                              "action",
                              oneOfSince("FailJob", 25, "Ignore", 25, "Count", 25, "FailIndex", 28))
                          .object(
                              "onExitCodes",
                              new Shape("OnExitCodes").value("operator", oneOf("In", "NotIn")))))
          .object("template", template("Job", "OnFailure", "Never"))
          .rule(
              (run, o, at) -> {
                if ("Indexed".equals(o.path("completionMode").asText())
                    && !o.hasNonNull("completions")) {
                  run.error(
                      "required-value",
                      at.child("completions"),
                      null,
                      "an Indexed Job needs completions",
                      "completions: the number of indexes",
                      null);
                }
                JsonNode policy = o.path("template").path("spec").path("restartPolicy");
                if (o.hasNonNull("podFailurePolicy")
                    && policy.isTextual()
                    && !"Never".equals(policy.asText())) {
                  run.error(
                      "restart-policy-not-allowed",
                      at.child("template").child("spec").child("restartPolicy"),
                      policy,
                      "a Job with a podFailurePolicy needs restartPolicy Never",
                      "Never",
                      null);
                }
              });

  // ValidateCronJobSpec: schedule a valid cron expression; concurrencyPolicy Allow, Forbid or
  // Replace; startingDeadlineSeconds and the history limits not negative.
  static final Shape CRON_JOB_SPEC =
      new Shape("CronJobSpec")
          .value(
              "schedule",
              (run, v, at) -> {
                if (v.isTextual()) {
                  String why = Formats.cron(v.asText());
                  if (why != null) {
                    run.error(
                        "invalid-schedule",
                        at,
                        v,
                        "invalid cron schedule: " + why,
                        "five fields such as \"*/5 * * * *\", or @hourly, @daily, @weekly...",
                        null);
                  }
                }
              })
          .value("concurrencyPolicy", oneOf("Allow", "Forbid", "Replace"))
          .value("startingDeadlineSeconds", seconds(), nonNegative())
          .value("successfulJobsHistoryLimit", nonNegative())
          .value("failedJobsHistoryLimit", nonNegative())
          .object("jobTemplate", new Shape("JobTemplateSpec").object("spec", JOB_SPEC));

  private static void strategyConflict(RuleRun run, JsonNode o, At at, String noRollingType) {
    if (noRollingType.equals(o.path("type").asText()) && o.hasNonNull("rollingUpdate")) {
      run.error(
          "strategy-conflict",
          at.child("rollingUpdate"),
          null,
          "rollingUpdate may not be set when the strategy type is " + noRollingType,
          "no rollingUpdate, or type RollingUpdate",
          null);
    }
  }

  private static void notBothZero(RuleRun run, JsonNode o, At at) {
    if (isZero(o.path("maxUnavailable")) && isZero(o.path("maxSurge"))) {
      run.error(
          "strategy-conflict",
          at.child("maxUnavailable"),
          o.get("maxUnavailable"),
          "maxUnavailable and maxSurge may not both be 0: the rollout could never progress",
          "at least one of them above 0",
          null);
    }
  }

  private static boolean isZero(JsonNode v) {
    return (v.isIntegralNumber() && v.asLong() == 0) || (v.isTextual() && v.asText().equals("0%"));
  }
}
