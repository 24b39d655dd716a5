package io.saltlab.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The trimmed OpenAPI documents in {@code openapi/} are the trimming of the originals in {@code
 * shared/k8s-openapi} (beside the clone, as in CI), and trimming changes nothing the conversion
 * reads: the original and the trimmed document convert to the same bytes.
 */
class OpenApiTrimmerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code shared/k8s-openapi} beside the repository (or above it), or null. */
  static Path originals() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("k8s-openapi");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path requireOriginals() {
    Path dir = originals();
    if (dir == null && System.getenv("CI") != null) {
      throw new AssertionError(
          "CI must have shared/k8s-openapi beside the clone; not found above "
              + Path.of("").toAbsolutePath());
    }
    assumeTrue(dir != null, "shared/k8s-openapi not found; the repository's copy is not rechecked");
    return dir;
  }

  @Test
  void committedFilesAreTheTrimmingOfTheOriginals() throws IOException {
    Map<String, byte[]> trimmed = OpenApiTrimmer.trimAll(requireOriginals());
    assertThat(trimmed).hasSize(16);
    for (Map.Entry<String, byte[]> e : trimmed.entrySet()) {
      assertThat(Files.readAllBytes(SchemaConverterTest.OPENAPI.resolve(e.getKey())))
          .as(e.getKey() + " differs from its trimming; rerun OpenApiTrimmer")
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void trimmingKeepsWhatTheConversionReads() {
    Path originals = requireOriginals();
    Map<String, byte[]> fromOriginals = SchemaConverter.convertAll(originals);
    Map<String, byte[]> fromTrimmed = SchemaConverter.convertAll(SchemaConverterTest.OPENAPI);
    assertThat(fromTrimmed.keySet()).isEqualTo(fromOriginals.keySet());
    fromOriginals.forEach(
        (name, bytes) -> assertThat(fromTrimmed.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void propertiesNamedDescriptionSurviveAndDescriptionKeywordsGo() throws IOException {
    JsonNode v136 = read(KubernetesVersion.of("1.36"));
    JsonNode props =
        v136.at(
            "/definitions/io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps");
    assertThat(props.isMissingNode()).isFalse();
    assertThat(props.has("description")).isFalse();
    assertThat(props.path("properties").has("description")).isTrue();
    assertThat(v136.path("paths").size()).isGreaterThan(50);
    v136.path("paths")
        .fieldNames()
        .forEachRemaining(p -> assertThat(SchemaConverter.isCollectionPath(p)).as(p).isTrue());
  }

  private static JsonNode read(KubernetesVersion v) throws IOException {
    Path file = SchemaConverterTest.OPENAPI.resolve("kubernetes-" + v + ".json.gz");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return JSON.readTree(in);
    }
  }
}
