package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import io.saltlab.topology.spec.internal.LabKeys;
import io.saltlab.topology.spec.internal.SpecExtension;
import io.saltlab.topology.spec.internal.SpecSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of spec files, {@code schema/saltlab-lab.schema.json}: generated from the one
 * definition the reader walks (with every section an installed module adds), checked in and shipped
 * in this module's jar unchanged; every example validates against it with an independent validator
 * (networknt), and it rejects the hostile specs the reader rejects for what they say.
 */
class LabSchemaTest {
  /** The checked-in copy; tests run in the module folder. */
  static final Path CHECKED_IN = Path.of("../schema/saltlab-lab.schema.json");

  /** Where the jar carries it. */
  static final String RESOURCE = "/io/saltlab/schema/saltlab-lab.schema.json";

  static final String MODELINE =
      "# yaml-language-server: $schema=../schema/saltlab-lab.schema.json";

  private static final Path HOSTILE = Path.of("../salt-topology/src/test/resources/hostile-specs");

  /**
   * Hostile specs the reader refuses for what only the reader can know: the file's environment, or
   * YAML-level rules (duplicate keys, anchors, tags) that a YAML-to-JSON conversion hides from any
   * schema; each with why.
   */
  private static final Map<String, String> NOT_FOR_A_SCHEMA =
      Map.of(
          "password-env-unset.yaml", "the variable it names is unset when rendering",
          "password-file-outside.yaml", "the file it names does not exist",
          "duplicate-keys.yaml", "the YAML-to-JSON step keeps one of the two keys",
          "alias-in-value.yaml", "the YAML-to-JSON step resolves the alias",
          "unknown-tag.yaml", "the YAML-to-JSON step drops the tag",
          "tags-binary-and-python.yaml", "the YAML-to-JSON step drops the tags",
          "recursive-alias.yaml", "the YAML-to-JSON step resolves the alias",
          "two-documents.yaml", "the YAML-to-JSON step reads the first document only");

  static String generated() {
    return SpecSchema.generate(
        LabKeys.root(SpecExtension.installed()),
        "saltlab lab spec file",
        "Generated from the spec file definition (io.saltlab.topology.spec.internal.LabKeys and"
            + " the SpecExtension sections of installed modules); do not edit: run the examples"
            + " module's LabSchemaTest with SALTLAB_APPROVE=true to regenerate.");
  }

  @Test
  void theCheckedInSchemaIsTheGeneratedOne() throws IOException {
    String schema = generated();
    boolean approve =
        "true".equalsIgnoreCase(System.getenv("SALTLAB_APPROVE"))
            && !"true".equalsIgnoreCase(System.getenv("CI"));
    if (approve && (!Files.exists(CHECKED_IN) || !Files.readString(CHECKED_IN).equals(schema))) {
      Files.writeString(CHECKED_IN, schema, StandardCharsets.UTF_8);
    }
    assertThat(CHECKED_IN)
        .as(
            "%s differs from the definition; run this test with SALTLAB_APPROVE=true to"
                + " regenerate it, and review the diff",
            CHECKED_IN)
        .exists();
    assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
        .as("%s is generated; run this test with SALTLAB_APPROVE=true", CHECKED_IN)
        .isEqualTo(schema);
  }

  @Test
  void theJarShipsTheCheckedInSchema() throws IOException {
    try (InputStream in = LabSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s", RESOURCE).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyKeyHasADescription() throws IOException {
    JsonNode schema = new YAMLMapper().readTree(generated());
    List<String> undescribed = new ArrayList<>();
    walk(schema, "", undescribed);
    assertThat(undescribed).isEmpty();
  }

  private static void walk(JsonNode node, String path, List<String> undescribed) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties
            .properties()
            .forEach(
                e -> {
                  if (!e.getValue().path("description").isTextual()
                      || e.getValue().path("description").asText().isBlank()) {
                    undescribed.add(path + "." + e.getKey());
                  }
                });
      }
      node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), undescribed));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", undescribed);
      }
    }
  }

  @Test
  void everyExampleCarriesTheModelineAndValidates() throws IOException {
    Schema schema = schema();
    List<Path> examples = examples();
    assertThat(examples).isNotEmpty();
    for (Path example : examples) {
      String text = Files.readString(example, StandardCharsets.UTF_8);
      assertThat(text.lines().findFirst().orElse(""))
          .as("first line of %s", example)
          .isEqualTo(MODELINE);
      List<Error> errors = schema.validate(new YAMLMapper().readTree(text));
      assertThat(errors).as("%s against the schema", example).isEmpty();
    }
  }

  @Test
  void theSchemaRejectsTheHostileSpecsTheReaderRejects() throws IOException {
    Schema schema = schema();
    List<Path> files;
    try (Stream<Path> list = Files.list(HOSTILE)) {
      files = list.sorted().toList();
    }
    Map<String, String> outcome = new TreeMap<>();
    int rejected = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      try {
        LabSpec.read(f, Map.of());
        throw new AssertionError(name + " is accepted by the reader");
      } catch (LabSpecException expected) {
        // the reader refuses every file of the corpus; the question is whether the schema does
      }
      JsonNode doc;
      try {
        doc = new YAMLMapper().readTree(Files.readAllBytes(f));
      } catch (IOException | RuntimeException notYaml) {
        outcome.put(name, "not YAML an editor could read");
        continue;
      }
      if (doc == null || doc.isMissingNode()) {
        outcome.put(name, "empty");
        continue;
      }
      if (NOT_FOR_A_SCHEMA.containsKey(name)) {
        outcome.put(name, "left to the reader: " + NOT_FOR_A_SCHEMA.get(name));
        continue;
      }
      List<Error> errors = schema.validate(doc);
      assertThat(errors).as("%s is refused by the schema too", name).isNotEmpty();
      outcome.put(name, "rejected: " + errors.get(0).getMessage());
      rejected++;
    }
    outcome.forEach((k, v) -> System.out.println("schema on hostile spec " + k + ": " + v));
    assertThat(rejected).as("hostile specs the schema rejects: %s", outcome).isGreaterThan(15);
    for (String mustBeRejected :
        Set.of(
            "unknown-keys.yaml",
            "wrong-types.yaml",
            "existing-secret-with-password.yaml",
            "password-in-clear.yaml",
            "invalid-lab-values.yaml",
            "float-replicas.yaml",
            "settings-wrong-shapes.yaml",
            "top-level-list.yaml")) {
      assertThat(outcome.get(mustBeRejected)).as(mustBeRejected).startsWith("rejected: ");
    }
  }

  static Schema schema() throws IOException {
    JsonNode root = new YAMLMapper().readTree(Files.readString(CHECKED_IN));
    return SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)))
        .getSchema(
            SchemaLocation.of("https://schemas.saltlab.invalid/saltlab-lab.schema.json"), root);
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> list = Files.list(Path.of("."))) {
      return list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(Objects::nonNull)
          .sorted()
          .toList();
    }
  }

  /**
   * The reader's test file that holds every declared key (salt-topology's SpecEveryKeyTest), so
   * that the schema is shown to accept every key the reader accepts.
   */
  @Test
  void theSchemaAcceptsAFileWithEveryKey() throws IOException {
    Path everyKey = Path.of("../salt-topology/src/test/resources/specs/every-key.yaml");
    List<Error> errors = schema().validate(new YAMLMapper().readTree(Files.readString(everyKey)));
    assertThat(errors).as("every-key.yaml against the schema").isEmpty();
  }
}
