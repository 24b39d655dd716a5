package io.saltlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTableTest {

  @ParameterizedTest(name = "{0}: Deployment {1}, StatefulSet {2}, secret {3}")
  @CsvSource({
    "1.5, extensions/v1beta1, apps/v1beta1, kubernetes.io/dockercfg",
    "1.6, extensions/v1beta1, apps/v1beta1, kubernetes.io/dockercfg",
    "1.7, extensions/v1beta1, apps/v1beta1, kubernetes.io/dockercfg",
    "1.8, apps/v1beta2, apps/v1beta2, kubernetes.io/dockercfg",
    "1.9, apps/v1, apps/v1, kubernetes.io/dockerconfigjson",
    "1.16, apps/v1, apps/v1, kubernetes.io/dockerconfigjson",
    "1.36, apps/v1, apps/v1, kubernetes.io/dockerconfigjson"
  })
  void choosesApiVersionsPerTarget(
      String target, String deployment, String statefulSet, String secret) {
    ApiVersions v = ApiVersionTable.forTarget(KubernetesVersion.of(target));
    assertThat(v.deployment()).isEqualTo(deployment);
    assertThat(v.workloadApiVersion("Deployment")).isEqualTo(deployment);
    assertThat(v.statefulSet()).isEqualTo(statefulSet);
    assertThat(v.registrySecretFormat().secretType()).isEqualTo(secret);
  }

  @Test
  void hostPathTypeOnlyFrom18() {
    assertThat(ApiVersionTable.forTarget(KubernetesVersion.of("1.7")).supportsHostPathType())
        .isFalse();
    assertThat(ApiVersionTable.forTarget(KubernetesVersion.of("1.8")).supportsHostPathType())
        .isTrue();
  }

  @Test
  void noTargetGetsARemovedWorkloadApi() {
    for (KubernetesVersion v : KubernetesVersion.all()) {
      if (v.isAtLeast(16)) {
        assertThat(ApiVersionTable.forTarget(v).deployment()).isEqualTo("apps/v1");
        assertThat(ApiVersionTable.forTarget(v).daemonSet()).isEqualTo("apps/v1");
      }
    }
  }

  @Test
  void markdownTableGroupsRangesThatRenderAlike() {
    assertThat(ApiVersionTable.markdownTable())
        .contains(
            "| 1.5-1.6 | extensions/v1beta1 | apps/v1beta1 | extensions/v1beta1 |"
                + " kubernetes.io/dockercfg | no | policy/v1beta1 | none (refused) |")
        .contains(
            "| 1.7 | extensions/v1beta1 | apps/v1beta1 | extensions/v1beta1 |"
                + " kubernetes.io/dockercfg | no | policy/v1beta1 | networking.k8s.io/v1 |")
        .contains(
            "| 1.8 | apps/v1beta2 | apps/v1beta2 | apps/v1beta2 | kubernetes.io/dockercfg | yes |")
        .contains(
            "| 1.9-1.20 | apps/v1 | apps/v1 | apps/v1 | kubernetes.io/dockerconfigjson | yes |"
                + " policy/v1beta1 |")
        .contains(
            "| 1.21-1.36 | apps/v1 | apps/v1 | apps/v1 | kubernetes.io/dockerconfigjson | yes |"
                + " policy/v1 | networking.k8s.io/v1 |");
  }

  @Test
  void disruptionBudgetsAndNetworkPoliciesFollowTheServedApis() {
    for (KubernetesVersion v : KubernetesVersion.all()) {
      ApiVersions api = ApiVersionTable.forTarget(v);
      // policy/v1beta1 was removed in 1.25; policy/v1 is served from 1.21.
      assertThat(api.podDisruptionBudget())
          .isEqualTo(v.isAtLeast(21) ? "policy/v1" : "policy/v1beta1");
      assertThat(api.networkPolicy().isPresent()).isEqualTo(v.isAtLeast(7));
    }
  }

  @Test
  void everyFeatureIsOnFromItsFirstTargetAndNameItInTheTable() {
    for (KubernetesFeature f : KubernetesFeature.values()) {
      for (KubernetesVersion v : KubernetesVersion.all()) {
        assertThat(f.isOn(v)).as("%s on %s", f, v).isEqualTo(v.compareTo(f.since()) >= 0);
      }
      assertThat(KubernetesFeature.markdownTable())
          .contains("| " + f.what() + " | " + f.since() + " |");
    }
  }

  @Test
  void docsShowTheCurrentFeatureTable() throws IOException {
    Path output = Path.of("..", "docs", "output.md");
    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .contains(KubernetesFeature.markdownTable());
  }

  @Test
  void readmeShowsTheCurrentTable() throws IOException {
    Path readme = Path.of("..", "README.md");
    assertThat(readme).exists();
    assertThat(Files.readString(readme, StandardCharsets.UTF_8))
        .contains(ApiVersionTable.markdownTable());
  }
}
