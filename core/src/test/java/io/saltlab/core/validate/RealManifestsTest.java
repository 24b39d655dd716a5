package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false alarms on real-world manifests: the 48 Kubernetes documentation examples under {@code
 * validate/real-manifests} (copied unmodified from kubernetes/website, CC BY 4.0; SOURCES.md names
 * each file's origin) validate without an error on 1.36, each alone or with the other files of its
 * tutorial, with the objects their notes say live elsewhere declared as existing. Warnings are
 * limited to unpinned images and, for a Service whose pods are in another example, its selector.
 * The one example of a removed API gives exactly that error.
 */
class RealManifestsTest {

  private static final Path DIR = Path.of("src/test/resources/validate/real-manifests");
  private static final KubernetesVersion V136 = KubernetesVersion.of("1.36");
  private static final String REMOVED = "cronjob-hello-batch-v1beta1-removed-api.yaml";
  private static final Pattern OUTSIDE =
      Pattern.compile("(Secret|ConfigMap|Namespace) ([a-z0-9-]+)");

  /** Warnings every example may carry: the docs often pull an image without a pinned tag. */
  private static final Set<String> IMAGE_WARNINGS = Set.of("image-no-tag", "image-latest");

  /** Warnings of a Service whose pods SOURCES.md says are defined in another example. */
  private static final Set<String> LONE_SERVICE_WARNINGS =
      Set.of("selector-matches-no-pod", "target-port-not-found");

  /** Examples of one tutorial, validated together as they are applied together. */
  private static final Map<String, List<String>> COMPANIONS =
      Map.of(
          "services-mysql-headless-and-clusterip.yaml",
          List.of(
              "statefulset-mysql-initcontainers-probes-vct.yaml", "configmap-mysql-multiline.yaml"),
          "statefulset-mysql-initcontainers-probes-vct.yaml",
          List.of("services-mysql-headless-and-clusterip.yaml", "configmap-mysql-multiline.yaml"));

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreAtLeastThirtyWithTheirSourcesNamed() throws IOException {
    String sources = Files.readString(DIR.resolve("SOURCES.md"), StandardCharsets.UTF_8);
    List<Path> all = files().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    for (Path p : all) {
      assertThat(sources)
          .as("SOURCES.md names " + p.getFileName())
          .contains("| " + p.getFileName() + " |");
    }
    assertThat(sources).contains("CC BY 4.0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void eachFileAloneHasNoError(Path file) throws IOException {
    List<Path> paths = new ArrayList<>(List.of(file));
    COMPANIONS
        .getOrDefault(file.getFileName().toString(), List.of())
        .forEach(c -> paths.add(DIR.resolve(c)));
    ValidationReport report =
        ManifestValidator.forTarget(V136)
            .withContext(outsideRefs(file))
            .validatePaths(paths.toArray(Path[]::new));
    if (file.getFileName().toString().equals(REMOVED)) {
      assertThat(report.errors())
          .extracting(p -> p.check() + " " + p.path())
          .containsExactly("api-not-served apiVersion");
      return;
    }
    assertThat(report.errors()).as(report.format()).isEmpty();
    Set<String> allowed = new HashSet<>(IMAGE_WARNINGS);
    if (notes(file).contains("Service only") || notes(file).contains("Services only")) {
      allowed.addAll(LONE_SERVICE_WARNINGS);
    }
    assertThat(report.warnings())
        .as(report.format())
        .allSatisfy(p -> assertThat(allowed).contains(p.check()));
    // every problem points at its field
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.location()).isPresent());
  }

  private static String notes(Path file) throws IOException {
    for (String line : Files.readAllLines(DIR.resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("| " + file.getFileName() + " |")) {
        return line;
      }
    }
    return "";
  }

  /** The objects SOURCES.md says a file refers to but does not contain. */
  private static ValidationContext outsideRefs(Path file) throws IOException {
    ValidationContext.Builder b = ValidationContext.builder();
    for (String line : Files.readAllLines(DIR.resolve("SOURCES.md"), StandardCharsets.UTF_8)) {
      if (!line.startsWith("| " + file.getFileName() + " |") || !line.contains("outside ref")) {
        continue;
      }
      Matcher m = OUTSIDE.matcher(line.substring(line.indexOf("outside ref")));
      while (m.find()) {
        switch (m.group(1)) {
          case "Secret" -> b.existingSecret("default", m.group(2));
          case "ConfigMap" -> b.existingConfigMap("default", m.group(2));
          default -> b.existingNamespace(m.group(2));
        }
      }
    }
    return b.build();
  }

  static String names(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
