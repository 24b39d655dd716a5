package io.saltlab.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidationException;
import io.saltlab.core.validate.ValidationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ManifestRenderer#renderStreamed} against {@link ManifestRenderer#renderTrees} of the same
 * trees: the same files when valid, the same exception (every problem) when not, and the spool file
 * gone afterwards either way.
 */
class StreamedManifestsTest {

  private static final KubernetesVersion TARGET = KubernetesVersion.of("1.36");
  private static final Path VALIDATE = Path.of("src/test/resources/validate");
  private static final ManifestRenderer RENDERER =
      new ManifestRenderer(TARGET)
          .withContext(ValidationContext.builder().existingNamespace("lab").build());

  private static List<JsonNode> documents(Path file) {
    List<JsonNode> docs = new ArrayList<>();
    try (var values = new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      while (values.hasNext()) {
        JsonNode doc = (JsonNode) values.next();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return docs;
  }

  static Stream<Path> defects() throws IOException {
    try (Stream<Path> files = Files.list(VALIDATE.resolve("defects"))) {
      return files.sorted().filter(f -> !documents(f).isEmpty()).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void failsWithTheSameProblems(Path file) {
    List<JsonNode> docs = documents(file);
    Manifests[] held = new Manifests[1];
    Throwable heldFailure = catchThrowable(() -> held[0] = RENDERER.renderTrees(docs));
    String[] streamedWarnings = new String[1];
    Throwable streamedFailure =
        catchThrowable(
            () -> {
              try (StreamedManifests s = RENDERER.renderStreamed(docs::forEach)) {
                streamedWarnings[0] = s.validation().orElseThrow().format();
              }
            });
    if (heldFailure == null) {
      // A defect of warnings only renders, with the same warnings.
      assertThat(streamedFailure).isNull();
      assertThat(held[0].validation().orElseThrow().warnings()).isNotEmpty();
      assertThat(streamedWarnings[0]).isEqualTo(held[0].validation().orElseThrow().format());
    } else {
      assertThat(heldFailure).isInstanceOf(ManifestValidationException.class);
      assertThat(streamedFailure).isInstanceOf(ManifestValidationException.class);
      assertThat(streamedFailure.getMessage()).isEqualTo(heldFailure.getMessage());
    }
  }

  @Test
  void givesTheSameFilesAndDeletesItsSpool() throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    for (String clean : List.of("apps-v1.yaml")) {
      docs.addAll(documents(VALIDATE.resolve("clean").resolve(clean)));
    }
    assertThat(docs).isNotEmpty();
    Manifests held = RENDERER.renderTrees(docs);
    Path spool;
    try (StreamedManifests streamed = RENDERER.renderStreamed(docs::forEach)) {
      spool = streamed.spoolFile();
      // Unlinked while open on POSIX systems, so that a killed render leaves no file.
      assertThat(spool).doesNotExist();
      for (Layout layout : Layout.values()) {
        assertThat(streamed.folder(layout).contents()).isEqualTo(held.folder(layout).contents());
      }
      assertThat(streamed.validation().orElseThrow().format())
          .isEqualTo(held.validation().orElseThrow().format());
    }
    assertThat(spool).doesNotExist();
    try (StreamedManifests unchecked = RENDERER.withoutValidation().renderStreamed(docs::forEach)) {
      assertThat(unchecked.validation()).isEmpty();
      assertThat(unchecked.folder(Layout.STREAM).contents())
          .isEqualTo(held.folder(Layout.STREAM).contents());
    }
  }

  @Test
  void aFailingSourceFailsTheRenderWithItsOwnError() {
    List<JsonNode> docs = documents(VALIDATE.resolve("clean").resolve("apps-v1.yaml"));
    assertThatThrownBy(
            () ->
                new ManifestRenderer(TARGET)
                    .renderStreamed(
                        sink -> {
                          docs.forEach(sink);
                          throw new IllegalStateException("source failed");
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("source failed");
  }
}
