package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * APIs removed in 1.16 and later: the problem names what the target serves instead, derived from
 * the target's schema (the same kind in another group/version); where the old API is still served,
 * there is no such problem.
 */
class RemovedApiTest {

  private static String object(String apiVersion, String kind) {
    return "apiVersion: "
        + apiVersion
        + "\nkind: "
        + kind
        + "\nmetadata: {name: salt, namespace: default}\n";
  }

  @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
  @CsvSource({
    "extensions/v1beta1, Deployment, 1.28, apps/v1",
    "extensions/v1beta1, DaemonSet, 1.36, apps/v1",
    "extensions/v1beta1, ReplicaSet, 1.36, apps/v1",
    "apps/v1beta1, Deployment, 1.28, apps/v1",
    "apps/v1beta1, StatefulSet, 1.36, apps/v1",
    "apps/v1beta2, Deployment, 1.36, apps/v1",
    "apps/v1beta2, DaemonSet, 1.36, apps/v1",
    "apps/v1beta2, ReplicaSet, 1.28, apps/v1",
    "apps/v1beta2, StatefulSet, 1.36, apps/v1",
    "extensions/v1beta1, Ingress, 1.36, networking.k8s.io/v1",
    "extensions/v1beta1, NetworkPolicy, 1.36, networking.k8s.io/v1",
    "policy/v1beta1, PodDisruptionBudget, 1.36, policy/v1",
    "batch/v1beta1, CronJob, 1.36, batch/v1",
  })
  void removedApiNamesItsReplacement(
      String apiVersion, String kind, String target, String replacement) {
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of(target))
            .validateYaml(object(apiVersion, kind));

    Problem p =
        report.problems().stream()
            .filter(x -> x.check().equals("api-not-served"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(report.format()));
    assertThat(p.path()).isEqualTo("apiVersion");
    assertThat(p.message())
        .startsWith(apiVersion + " " + kind + " is not served by Kubernetes " + target);
    assertThat(p.hint())
        .hasValueSatisfying(h -> assertThat(h).startsWith("use apiVersion: " + replacement + " "));
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @CsvSource({
    "extensions/v1beta1, Deployment, 1.11",
    "apps/v1beta1, StatefulSet, 1.5",
    "apps/v1beta2, DaemonSet, 1.9",
    "apps/v1, Deployment, 1.9",
  })
  void servedApiIsAccepted(String apiVersion, String kind, String target) {
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of(target))
            .validateYaml(object(apiVersion, kind));

    assertThat(report.problems())
        .noneMatch(p -> p.check().equals("api-not-served") || p.check().equals("unknown-kind"));
  }
}
