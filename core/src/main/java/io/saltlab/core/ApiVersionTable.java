package io.saltlab.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides, per target Kubernetes version, which API versions and formats the
 * rendered resources use.
 *
 * <table>
 *   <caption>Version table</caption>
 *   <tr><th>target</th><th>Deployment</th><th>StatefulSet</th><th>DaemonSet</th><th>pull Secret</th><th>PodDisruptionBudget</th><th>NetworkPolicy</th></tr>
 *   <tr><td>1.5-1.6</td><td>extensions/v1beta1</td><td>apps/v1beta1</td><td>extensions/v1beta1</td><td>kubernetes.io/dockercfg</td><td>policy/v1beta1</td><td>none</td></tr>
 *   <tr><td>1.7</td><td>extensions/v1beta1</td><td>apps/v1beta1</td><td>extensions/v1beta1</td><td>kubernetes.io/dockercfg</td><td>policy/v1beta1</td><td>networking.k8s.io/v1</td></tr>
 *   <tr><td>1.8</td><td>apps/v1beta2</td><td>apps/v1beta2</td><td>apps/v1beta2</td><td>kubernetes.io/dockercfg</td><td>policy/v1beta1</td><td>networking.k8s.io/v1</td></tr>
 *   <tr><td>1.9-1.20</td><td>apps/v1</td><td>apps/v1</td><td>apps/v1</td><td>kubernetes.io/dockerconfigjson</td><td>policy/v1beta1</td><td>networking.k8s.io/v1</td></tr>
 *   <tr><td>1.21-1.36</td><td>apps/v1</td><td>apps/v1</td><td>apps/v1</td><td>kubernetes.io/dockerconfigjson</td><td>policy/v1</td><td>networking.k8s.io/v1</td></tr>
 * </table>
 *
 * <p>Why: apps/v1 arrived in 1.9 and extensions/v1beta1 workloads were removed in 1.16, so 1.9 is
 * the first version where one manifest works up to today. 1.8 is the only release whose newest
 * workload API is apps/v1beta2. The pull Secret follows what {@code kubectl create secret
 * docker-registry} wrote for that release: {@code .dockercfg} up to 1.8, {@code .dockerconfigjson}
 * from 1.9. Kubernetes 1.5 also requires every Service to have a port, so a role without ports gets
 * no Service there. {@code policy/v1} PodDisruptionBudgets are served from 1.21 ({@code
 * policy/v1beta1} was removed in 1.25); {@code networking.k8s.io/v1} NetworkPolicies from 1.7.
 * Fields that arrived later than their kind are listed in {@link KubernetesFeature}.
 */
public final class ApiVersionTable {

  private ApiVersionTable() {}

  /**
   * The API versions for a target.
   *
   * @param target the cluster version
   * @return its API versions, never {@code null}
   */
  public static ApiVersions forTarget(KubernetesVersion target) {
    int minor = target.minor();
    if (minor <= 7) {
      return new ApiVersions(
          "extensions/v1beta1",
          "apps/v1beta1",
          "extensions/v1beta1",
          RegistrySecretFormat.DOCKERCFG,
          false,
          minor >= 6,
          "policy/v1beta1",
          minor >= 7 ? "networking.k8s.io/v1" : null);
    }
    if (minor == 8) {
      return new ApiVersions(
          "apps/v1beta2",
          "apps/v1beta2",
          "apps/v1beta2",
          RegistrySecretFormat.DOCKERCFG,
          true,
          true,
          "policy/v1beta1",
          "networking.k8s.io/v1");
    }
    return new ApiVersions(
        "apps/v1",
        "apps/v1",
        "apps/v1",
        RegistrySecretFormat.DOCKERCONFIGJSON,
        true,
        true,
        minor >= 21 ? "policy/v1" : "policy/v1beta1",
        "networking.k8s.io/v1");
  }

  /**
   * The table as Markdown, one row per range of versions that render alike; the README embeds it
   * and a test keeps the two equal.
   *
   * @return a Markdown table ending with a newline
   */
  public static String markdownTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| target | Deployment | StatefulSet | DaemonSet | pull Secret type | hostPath `type` |"
            + " PodDisruptionBudget | NetworkPolicy |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    List<KubernetesVersion> all = KubernetesVersion.all();
    List<String> rows = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= all.size(); i++) {
      if (i == all.size() || !row(all.get(i)).equals(row(all.get(start)))) {
        String range =
            i - 1 == start ? all.get(start).toString() : all.get(start) + "-" + all.get(i - 1);
        rows.add("| " + range + " | " + row(all.get(start)) + " |\n");
        start = i;
      }
    }
    rows.forEach(out::append);
    return out.toString();
  }

  private static String row(KubernetesVersion version) {
    ApiVersions v = forTarget(version);
    return v.deployment()
        + " | "
        + v.statefulSet()
        + " | "
        + v.daemonSet()
        + " | "
        + v.registrySecretFormat().secretType()
        + " | "
        + (v.supportsHostPathType() ? "yes" : "no")
        + " | "
        + v.podDisruptionBudget()
        + " | "
        + v.networkPolicy().orElse("none (refused)");
  }
}
