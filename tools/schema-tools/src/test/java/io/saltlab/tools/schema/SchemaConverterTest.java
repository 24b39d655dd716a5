package io.saltlab.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The schemas bundled in saltlab-core are exactly what {@link SchemaConverter} makes of the trimmed
 * OpenAPI documents in {@code openapi/}; this runs in every build, with nothing outside the
 * repository.
 *
 * <p>Run with {@code -Dsaltlab.regenerateSchemas=true} to rewrite the resources instead of
 * comparing (after changing the converter or the input).
 */
class SchemaConverterTest {

  /** What saltlab-core reads at run time (the index, the compiled schemas), in core's resources. */
  static final Path RESOURCES = Path.of("../../core/src/main/resources/io/saltlab/core/schemas");

  /** The JSON Schemas, in core's test resources: only its tests read them. */
  static final Path JSON_SCHEMAS = Path.of("../../core/src/test/resources/io/saltlab/core/schemas");

  /** The trimmed OpenAPI documents, in the repository. */
  static final Path OPENAPI = Path.of("openapi");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void bundledResourcesAreTheConversionOfTheRepositorysOpenApiDocuments() throws IOException {
    Path swagger = OPENAPI;
    assertThat(SchemaConverter.sources(swagger)).hasSize(16);
    if (Boolean.getBoolean("saltlab.regenerateSchemas")) {
      System.out.println(
          "regenerated " + SchemaConverter.regenerate(swagger, JSON_SCHEMAS, RESOURCES));
    }
    Map<String, byte[]> expected = SchemaConverter.convertAll(swagger);
    assertThat(expected).containsKey(SchemaConverter.INDEX);
    try (var listing = Files.list(RESOURCES)) {
      assertThat(
              listing
                  .map(p -> p.getFileName().toString())
                  // the compiled forms are SchemaCompiler's (SchemaCompilerTest)
                  .filter(n -> !n.equals("NOTICE") && !n.endsWith(".schema.txt")))
          .as("the runtime resources hold the index, no JSON Schema")
          .containsExactly(SchemaConverter.INDEX);
    }
    try (var listing = Files.list(JSON_SCHEMAS)) {
      assertThat(listing.map(p -> p.getFileName().toString()).filter(n -> !n.equals("NOTICE")))
          .as("no stale JSON Schemas")
          .containsExactlyInAnyOrderElementsOf(
              expected.keySet().stream().filter(n -> !n.equals(SchemaConverter.INDEX)).toList());
    }
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      Path dir = e.getKey().equals(SchemaConverter.INDEX) ? RESOURCES : JSON_SCHEMAS;
      assertThat(Files.readAllBytes(dir.resolve(e.getKey())))
          .as(
              e.getKey()
                  + " differs from its conversion; rerun with -Dsaltlab.regenerateSchemas=true")
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void everyBundledVersionHasItsResourceAndTheNoticeNamesTheLicence() throws IOException {
    assertThat(ManifestValidator.schemaVersions())
        .extracting(KubernetesVersion::toString)
        .containsExactly(
            "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.28", "1.29", "1.30", "1.31",
            "1.32", "1.33", "1.34", "1.35", "1.36");
    for (KubernetesVersion v : ManifestValidator.schemaVersions()) {
      assertThat(JSON_SCHEMAS.resolve(SchemaConverter.resourceName(v))).exists();
    }
    for (Path notice : List.of(RESOURCES.resolve("NOTICE"), JSON_SCHEMAS.resolve("NOTICE"))) {
      assertThat(Files.readString(notice))
          .as(notice.toString())
          .contains("Apache License, Version 2.0")
          .contains("The Kubernetes Authors")
          .contains("api/openapi-spec/swagger.json");
    }
  }

  @Test
  void conversionRules() throws IOException {
    ObjectNode v136 = read("1.36");
    JsonNode defs = v136.get("definitions");
    // strict objects
    assertThat(defs.at("/io.k8s.api.core.v1.Volume/additionalProperties").asBoolean(true))
        .isFalse();
    // true maps keep their value schema
    assertThat(
            defs.at(
                    "/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta/properties/labels/additionalProperties/type")
                .asText())
        .isEqualTo("string");
    // int-or-string and Quantity
    assertThat(defs.at("/io.k8s.apimachinery.pkg.util.intstr.IntOrString/type").toString())
        .isEqualTo("[\"integer\",\"string\"]");
    assertThat(defs.at("/io.k8s.apimachinery.pkg.api.resource.Quantity/type").toString())
        .isEqualTo("[\"string\",\"number\"]");
    // free-form objects stay open
    assertThat(defs.at("/io.k8s.apimachinery.pkg.runtime.RawExtension").has("additionalProperties"))
        .isFalse();
    // status is accepted unchecked, and descriptions are gone
    assertThat(defs.at("/io.k8s.api.apps.v1.Deployment/properties/status").size()).isZero();
    assertThat(defs.at("/io.k8s.api.apps.v1.Deployment").has("description")).isFalse();
    assertThat(
            defs.at("/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta/properties/name").toString())
        .isEqualTo("{\"type\":\"string\"}");
    // kinds, with scope, from the POST collection paths
    assertThat(v136.at("/x-saltlab-kinds/apps~1v1/Deployment/namespaced").asBoolean()).isTrue();
    assertThat(v136.at("/x-saltlab-kinds/v1/Namespace/namespaced").asBoolean()).isFalse();
    assertThat(v136.at("/x-saltlab-kinds/extensions~1v1beta1").isMissingNode()).isTrue();

    // 1.5: untagged definitions mapped by the path that posts them
    ObjectNode v15 = read("1.5");
    assertThat(v15.at("/x-saltlab-kinds/extensions~1v1beta1/Deployment/definition").asText())
        .isEqualTo("v1beta1.Deployment");
    assertThat(v15.at("/x-saltlab-kinds/apps~1v1beta1/StatefulSet/definition").asText())
        .isEqualTo("v1beta1.StatefulSet");
    assertThat(v15.at("/x-saltlab-kinds/v1/Secret/definition").asText()).isEqualTo("v1.Secret");
    // 1.6: capitalised group-version-kind keys still give the kinds
    assertThat(read("1.6").at("/x-saltlab-kinds/apps~1v1beta1/Deployment/definition").asText())
        .isEqualTo("apps.v1beta1.Deployment");
    // 1.6: inline Quantity recognised from the releases that name it
    assertThat(
            read("1.6")
                .at(
                    "/definitions/v1.ResourceRequirements/properties/limits/additionalProperties/type")
                .toString())
        .isEqualTo("[\"string\",\"number\"]");
    // 1.9: duplicates resolve to io.k8s.api.*, the deprecated copies are not bundled
    ObjectNode v19 = read("1.9");
    assertThat(v19.at("/x-saltlab-kinds/apps~1v1/Deployment/definition").asText())
        .isEqualTo("io.k8s.api.apps.v1.Deployment");
    v19.get("definitions")
        .fieldNames()
        .forEachRemaining(n -> assertThat(n).doesNotStartWith("io.k8s.kubernetes.pkg."));
  }

  private static ObjectNode read(String version) throws IOException {
    Path file = JSON_SCHEMAS.resolve(SchemaConverter.resourceName(KubernetesVersion.of(version)));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return (ObjectNode) JSON.readTree(in);
    }
  }
}
