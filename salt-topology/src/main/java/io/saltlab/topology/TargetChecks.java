package io.saltlab.topology;

import io.saltlab.core.KubernetesFeature;
import io.saltlab.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before translation, what a lab asks of a target that lacks it ({@link
 * KubernetesFeature}): every such setting is one problem naming the field and the first version
 * that has it, so that nothing is dropped from the output without a word. Settings the table gives
 * an older form for (annotations on 1.5) are not refused.
 */
final class TargetChecks {
  private final KubernetesVersion target;
  private final List<LabProblem> problems = new ArrayList<>();

  private TargetChecks(KubernetesVersion target) {
    this.target = target;
  }

  /**
   * Throws when the lab uses what the target lacks.
   *
   * @param lab the lab
   * @param target the target
   * @throws InvalidLabException listing every setting the target lacks
   */
  static void check(SaltLab lab, KubernetesVersion target) {
    TargetChecks t = new TargetChecks(target);
    t.lab(lab);
    if (!t.problems.isEmpty()) {
      throw new InvalidLabException(
          "lab '" + lab.name() + "' for Kubernetes " + target, t.problems);
    }
  }

  private void lab(SaltLab lab) {
    if (lab.isolateNamespace()) {
      need("isolateNamespace", "true", KubernetesFeature.NETWORK_POLICY);
    }
    settings("master", lab.master());
    for (int i = 0; i < lab.roles().size(); i++) {
      AppRole role = lab.roles().get(i);
      String at = "roles[" + i + "]";
      settings(at, role);
      if (!role.envFrom().isEmpty()) {
        need(at + ".envFrom", role.envFrom().size() + " sources", KubernetesFeature.ENV_FROM);
      }
      role.envValueFrom()
          .forEach(
              (name, source) -> {
                if (source instanceof EnvSource.FromPod p
                    && p.field() == EnvSource.PodField.memberOrdinal) {
                  need(at + ".env." + name, "memberOrdinal", KubernetesFeature.POD_INDEX_LABEL);
                }
              });
      for (int v = 0; v < role.volumes().size(); v++) {
        if (role.volumes().get(v) instanceof RoleVolume.EmptyDir e && e.sizeLimit().isPresent()) {
          need(
              at + ".volumes[" + v + "].emptyDir.sizeLimit",
              e.sizeLimit().get(),
              KubernetesFeature.EMPTY_DIR_SIZE_LIMIT);
        }
      }
      role.disruptionBudget()
          .flatMap(DisruptionBudget::maxUnavailable)
          .ifPresent(
              m ->
                  need(
                      at + ".disruptionBudget.maxUnavailable",
                      m,
                      KubernetesFeature.PDB_MAX_UNAVAILABLE));
    }
  }

  private void settings(String at, WorkloadSettings w) {
    w.resources()
        .ifPresent(
            r -> {
              String limit = r.limits().get(ResourceName.EPHEMERAL_STORAGE);
              String request = r.requests().get(ResourceName.EPHEMERAL_STORAGE);
              if (request != null) {
                need(
                    at + ".resources.requests.ephemeral-storage",
                    request,
                    KubernetesFeature.EPHEMERAL_STORAGE);
              }
              if (limit != null) {
                need(
                    at + ".resources.limits.ephemeral-storage",
                    limit,
                    KubernetesFeature.EPHEMERAL_STORAGE);
              }
            });
    w.startupProbe()
        .ifPresent(p -> need(at + ".startupProbe", "set", KubernetesFeature.STARTUP_PROBE));
    w.priorityClassName()
        .ifPresent(p -> need(at + ".priorityClassName", p, KubernetesFeature.PRIORITY_CLASS_NAME));
    w.podSecurity()
        .flatMap(PodSecurity::runAsGroup)
        .ifPresent(
            g ->
                need(
                    at + ".podSecurity.runAsGroup",
                    String.valueOf(g),
                    KubernetesFeature.RUN_AS_GROUP));
    w.containerSecurity()
        .ifPresent(
            s -> {
              s.runAsGroup()
                  .ifPresent(
                      g ->
                          need(
                              at + ".containerSecurity.runAsGroup",
                              String.valueOf(g),
                              KubernetesFeature.RUN_AS_GROUP));
              s.allowPrivilegeEscalation()
                  .ifPresent(
                      a ->
                          need(
                              at + ".containerSecurity.allowPrivilegeEscalation",
                              String.valueOf(a),
                              KubernetesFeature.ALLOW_PRIVILEGE_ESCALATION));
            });
  }

  private void need(String field, String value, KubernetesFeature feature) {
    if (!feature.isOn(target)) {
      problems.add(
          new LabProblem(
              field,
              value,
              "Kubernetes "
                  + feature.since()
                  + " or later, the first to have "
                  + feature.what().replace("`", "")
                  + " (this target is "
                  + target
                  + "); leave it out for "
                  + target,
              null));
    }
  }
}
