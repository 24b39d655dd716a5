package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A correct lab (Namespace, dockerconfigjson Secret, ConfigMap, headless Service, Deployment with
 * hostPath volumes) validates clean on every bundled version, written with the newest Deployment
 * API each version serves, and on a version without a schema (where only the notice remains).
 */
class CleanManifestsTest {

  private static final Path CLEAN = Path.of("src/test/resources/validate/clean");

  static Stream<Arguments> versions() {
    Stream<Arguments> bundled =
        BundledSchemas.versions().stream().map(v -> Arguments.of(v, fileFor(v)));
    return Stream.concat(
        bundled, Stream.of(Arguments.of(KubernetesVersion.of("1.20"), "apps-v1.yaml")));
  }

  private static String fileFor(KubernetesVersion v) {
    if (v.isAtLeast(9)) {
      return "apps-v1.yaml";
    }
    return v.minor() == 8 ? "apps-v1beta2.yaml" : "extensions-v1beta1.yaml";
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void cleanLabHasNoProblems(KubernetesVersion version, String file) {
    ValidationReport report =
        ManifestValidator.forTarget(version).validatePaths(CLEAN.resolve(file));

    assertThat(report.problems()).as(report.format()).isEmpty();
    assertThat(report.isClean()).isTrue();
    assertThat(report.documentCount()).isEqualTo(5);
    assertThat(report.isSchemaChecked()).isEqualTo(BundledSchemas.isBundled(version));
  }
}
