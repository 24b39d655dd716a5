package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A validation in two passes ({@link TwoPassValidation}, the streamed render's) finds exactly what
 * the one-pass validation finds, on every corpus of the validator: each defect, clean and
 * real-world file, for the target it names and for a target without bundled schema, and all of them
 * at once (references across files, duplicates, selectors of other files' pods).
 */
class TwoPassValidationTest {

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Path VALIDATE = Path.of("src/test/resources/validate");
  private static final ValidationContext LAB =
      ValidationContext.builder().existingNamespace("lab").build();

  /** The corpus files that are well-formed YAML (trees are what the two passes take). */
  static Stream<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("defects", "clean", "real-manifests", "value-bases")) {
      try (Stream<Path> list = Files.list(VALIDATE.resolve(folder))) {
        list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
      }
    }
    files.add(VALIDATE.resolve("seed-lab23.yaml"));
    List<Path> readable = new ArrayList<>();
    for (Path file : files) {
      try {
        documents(file);
        readable.add(file);
      } catch (IOException | RuntimeException e) {
        // The YAML-syntax defects: no trees to give.
      }
    }
    assertThat(readable).hasSizeGreaterThan(110);
    return readable.stream();
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var values = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (values.hasNext()) {
        JsonNode doc = (JsonNode) values.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static KubernetesVersion target(Path file) throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("# target: ")) {
        return KubernetesVersion.of(line.substring("# target: ".length()).trim());
      }
    }
    return KubernetesVersion.of("1.36");
  }

  /** The two-pass report, fed in batches of {@code batch} documents. */
  private static ValidationReport twoPass(
      KubernetesVersion target, List<JsonNode> docs, int batch) {
    TwoPassValidation v = ManifestValidator.forTarget(target).withContext(LAB).twoPass();
    docs.forEach(v::index);
    for (int i = 0; i < docs.size(); i += batch) {
      v.check(docs.subList(i, Math.min(docs.size(), i + batch)));
    }
    return v.finish();
  }

  private static List<String> problems(ValidationReport report) {
    return report.problems().stream()
        .map(p -> p.severity() + " " + p.source() + " " + p + " | " + p.hint().orElse(""))
        .collect(Collectors.toList());
  }

  private static void assertSame(KubernetesVersion target, List<JsonNode> docs) {
    ValidationReport once = ManifestValidator.forTarget(target).withContext(LAB).validate(docs);
    for (int batch : new int[] {1, 3, 1000}) {
      ValidationReport twice = twoPass(target, docs, batch);
      assertThat(problems(twice)).as("batches of %d", batch).isEqualTo(problems(once));
      assertThat(twice.format()).isEqualTo(once.format());
      assertThat(twice.documentCount()).isEqualTo(once.documentCount());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void findsWhatOnePassFinds(Path file) throws IOException {
    List<JsonNode> docs = documents(file);
    assertSame(target(file), docs);
    assertSame(KubernetesVersion.of("1.20"), docs);
  }

  @Test
  void findsWhatOnePassFindsAcrossEveryFileAtOnce() throws IOException {
    List<JsonNode> all = new ArrayList<>();
    for (Path file : corpus().collect(Collectors.toList())) {
      all.addAll(documents(file));
    }
    assertThat(all).hasSizeGreaterThan(100);
    ValidationReport once =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).withContext(LAB).validate(all);
    // Duplicates and cross-file references make problems only this combined input has.
    assertThat(once.problems()).hasSizeGreaterThan(60);
    assertSame(KubernetesVersion.of("1.36"), all);
  }

  @Test
  void refusesPassesOutOfTurn() throws IOException {
    List<JsonNode> docs = documents(VALIDATE.resolve("seed-lab23.yaml"));
    TwoPassValidation v =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).withContext(LAB).twoPass();
    docs.forEach(v::index);
    v.check(docs.subList(0, 1));
    assertThatThrownBy(() -> v.index(docs.get(0))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(v::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> v.check(docs)).isInstanceOf(IllegalStateException.class);
  }
}
