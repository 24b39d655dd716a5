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
            "| 1.5-1.7 | extensions/v1beta1 | apps/v1beta1 | extensions/v1beta1 |"
                + " kubernetes.io/dockercfg | no |")
        .contains(
            "| 1.8 | apps/v1beta2 | apps/v1beta2 | apps/v1beta2 | kubernetes.io/dockercfg | yes |")
        .contains(
            "| 1.9-1.36 | apps/v1 | apps/v1 | apps/v1 | kubernetes.io/dockerconfigjson | yes |");
  }

  @Test
  void readmeShowsTheCurrentTable() throws IOException {
    Path readme = Path.of("..", "README.md");
    assertThat(readme).exists();
    assertThat(Files.readString(readme, StandardCharsets.UTF_8))
        .contains(ApiVersionTable.markdownTable());
  }
}
