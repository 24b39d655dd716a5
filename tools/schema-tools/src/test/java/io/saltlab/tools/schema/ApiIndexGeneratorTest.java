package io.saltlab.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The API index bundled in saltlab-core is exactly the generation from the repository's OpenAPI
 * documents and the curated gap table. Run with {@code -Dsaltlab.regenerateSchemas=true} to rewrite
 * it.
 */
class ApiIndexGeneratorTest {

  private static final Path INDEX =
      Path.of("../../core/src/main/resources/" + ApiIndexGenerator.RESOURCE);

  @Test
  void bundledIndexIsTheGeneration() throws IOException {
    String generated = ApiIndexGenerator.generate(SchemaConverterTest.OPENAPI);
    if (Boolean.getBoolean("saltlab.regenerateSchemas")) {
      Files.writeString(INDEX, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(INDEX, StandardCharsets.UTF_8))
        .as(
            "api-index.tsv differs from its generation; rerun with"
                + " -Dsaltlab.regenerateSchemas=true")
        .isEqualTo(generated);
  }

  @Test
  void gapReleasesFollowTheTable() throws IOException {
    List<String> lines = Files.readAllLines(INDEX, StandardCharsets.UTF_8);
    assertThat(lines)
        .contains(
            "extensions/v1beta1\tDeployment\tN\t5-15",
            "apps/v1\tDeployment\tN\t9-36",
            "batch/v1beta1\tCronJob\tN\t8-24",
            "networking.k8s.io/v1\tIngress\tN\t19-36",
            "v1\tNamespace\tC\t5-36");
  }

  @Test
  void rangesAreCompact() {
    assertThat(ApiIndexGenerator.ranges(new TreeSet<>(List.of(5, 6, 7, 9, 12, 13))))
        .isEqualTo("5-7,9,12-13");
  }
}
