package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One broken manifest per file under {@code validate/defects}, each named after its defect. A
 * file's {@code # expect: CHECK PATH} lines (path {@code -} for none) must be exactly the problems
 * reported, so each file also proves that the rest of it is clean. {@code # target: 1.N} overrides
 * the default target 1.36. Namespace {@code lab} is declared as existing.
 */
class DefectCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/validate/defects");
  private static final ValidationContext LAB =
      ValidationContext.builder().existingNamespace("lab").build();

  static Stream<Path> defects() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void reportsExactlyTheDefectOfTheFile(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Set<String> expected = new TreeSet<>();
    KubernetesVersion target = KubernetesVersion.of("1.36");
    for (String line : lines) {
      if (line.startsWith("# expect: ")) {
        expected.add(line.substring("# expect: ".length()).trim());
      } else if (line.startsWith("# target: ")) {
        target = KubernetesVersion.of(line.substring("# target: ".length()).trim());
      }
    }
    assertThat(expected).as("expect lines of %s", file).isNotEmpty();

    ValidationReport report =
        ManifestValidator.forTarget(target).withContext(LAB).validatePaths(file);

    Set<String> reported =
        report.problems().stream()
            .map(p -> p.check() + " " + (p.path().isEmpty() ? "-" : p.path()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(reported).as(report.format()).isEqualTo(expected);
    for (Problem p : report.problems()) {
      assertThat(p.source()).as("problems name the file").contains(file.getFileName().toString());
    }
  }

  @Test
  void corpusCoversAtLeastTwentyFiveDefectKinds() throws IOException {
    assertThat(defects().count()).isGreaterThanOrEqualTo(25);
  }
}
