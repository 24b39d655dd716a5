package io.saltlab.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compiled schemas bundled in saltlab-core are exactly what {@link SchemaCompiler} makes of the
 * JSON Schemas in core's test resources. Run with {@code -Dsaltlab.regenerateSchemas=true} to
 * rewrite them instead of comparing.
 */
class SchemaCompilerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bundledCompiledSchemasAreTheCompilationOfTheBundledJsonSchemas() throws IOException {
    Path resources = SchemaConverterTest.RESOURCES;
    Map<String, byte[]> expected = SchemaCompiler.compileAll(SchemaConverterTest.JSON_SCHEMAS);
    if (Boolean.getBoolean("saltlab.regenerateSchemas")) {
      for (Map.Entry<String, byte[]> e : expected.entrySet()) {
        Files.write(resources.resolve(e.getKey()), e.getValue());
      }
    }
    assertThat(expected).hasSize(16);
    try (var listing = Files.list(resources)) {
      assertThat(
              listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.txt")))
          .as("no stale compiled schemas")
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertThat(Files.readAllBytes(resources.resolve(e.getKey())))
          .as(
              e.getKey()
                  + " differs from its compilation; rerun with -Dsaltlab.regenerateSchemas=true")
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void compactForm() throws IOException {
    JsonNode schema =
        JSON.readTree(
            "{\"definitions\":{"
                + "\"a.Thing\":{\"additionalProperties\":false,\"properties\":{"
                + "\"count\":{\"type\":\"integer\"},"
                + "\"labels\":{\"additionalProperties\":{\"type\":\"string\"},\"type\":\"object\"},"
                + "\"port\":{\"type\":[\"integer\",\"string\"]},"
                + "\"items\":{\"items\":{\"$ref\":\"#/definitions/a.Thing\"},\"type\":\"array\"},"
                + "\"odd key/1\":{},"
                + "\"raw\":{}},"
                + "\"required\":[\"count\"],\"type\":\"object\"}},"
                + "\"x-saltlab-kinds\":{\"a/v1\":{\"Thing\":{\"definition\":\"a.Thing\","
                + "\"namespaced\":true}}},"
                + "\"x-saltlab-source\":{\"license\":\"L\"}}");
    String text = SchemaCompiler.compile(schema, KubernetesVersion.of("1.36"));
    assertThat(text.lines().skip(1))
        .containsExactly(
            "k a/v1 Thing a.Thing n",
            "d a.Thing"
                + " o{count:i,labels:o<s>,port:i|s,items:a[@a.Thing],odd%20key/1:-,raw:-}!(count)");
  }

  @Test
  void refusesWhatTheCheckerWouldNotUnderstand() throws IOException {
    for (String bad :
        new String[] {
          "{\"type\":\"string\",\"pattern\":\"x\"}",
          "{\"$ref\":\"#/definitions/a.Missing\"}",
          "{\"$ref\":\"#/definitions/a.T\",\"type\":\"object\"}",
          "{\"required\":[\"a\"],\"additionalProperties\":false,\"type\":\"object\"}",
          "{\"type\":\"float\"}"
        }) {
      JsonNode schema = JSON.readTree("{\"definitions\":{\"a.T\":" + bad + "}}");
      assertThatThrownBy(() -> SchemaCompiler.compile(schema, KubernetesVersion.of("1.36")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
