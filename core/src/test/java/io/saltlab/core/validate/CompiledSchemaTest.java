package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The compiled schemas and saltlab's own checker find exactly what a JSON Schema validator
 * (networknt's, draft 7, in test scope only) finds with the bundled JSON Schemas they are compiled
 * from: the same failures, in the same order, at the same locations, with the same types and field
 * lists, for every bundled version, on every test manifest and on thousands of one-defect mutations
 * of them (unknown fields, missing fields, values of every other type, 1.0 as an integer, nulls in
 * lists, non-finite numbers).
 */
class CompiledSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          b ->
              b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ENGLISH)
                          .formatAssertionsEnabled(false)
                          .build())
                  .schemaLoader(l -> l.fetchRemoteResources(false)));

  /** One failure as both sides can say it. */
  record Seen(
      String keyword,
      List<Object> location,
      String pointer,
      String property,
      String found,
      String wanted,
      Set<String> fields) {}

  @Test
  void sameFailuresAsAJsonSchemaValidatorOnTheCorpusAndItsMutations() throws Exception {
    List<JsonNode> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(100);
    int compared = 0;
    int failing = 0;
    for (KubernetesVersion v : ManifestValidator.schemaVersions()) {
      VersionSchema compiled = VersionSchema.of(v);
      JsonNode root = bundledJson(v);
      Schema reference =
          REGISTRY.getSchema(
              SchemaLocation.of("https://schemas.saltlab.invalid/kubernetes-" + v + ".json"), root);
      Random random = new Random(v.minor());
      for (JsonNode doc : corpus) {
        VersionSchema.KindInfo kind = kindFor(compiled, doc);
        if (kind == null) {
          continue;
        }
        Schema def =
            reference.getSubSchema(
                new NodePath(PathType.JSON_POINTER).append("definitions").append(kind.definition));
        List<JsonNode> variants = new ArrayList<>();
        variants.add(doc);
        for (int i = 0; i < 12; i++) {
          variants.add(mutate(doc, random));
        }
        for (JsonNode variant : variants) {
          JsonNode checked = SchemaCheck.withoutNulls(variant);
          List<Seen> expected = new ArrayList<>();
          for (Error e : def.validate(checked)) {
            expected.add(seen(e, root));
          }
          List<Seen> actual = new ArrayList<>();
          for (SchemaNode.Failure f : compiled.validate(kind, checked)) {
            actual.add(seen(f));
          }
          assertThat(actual).as("%s %s: %s", v, kind.definition, variant).isEqualTo(expected);
          compared++;
          failing += expected.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(failing).as("mutations that fail").isGreaterThan(compared / 3);
  }

  @Test
  void everyKindOfEveryVersionLinks() {
    for (KubernetesVersion v : ManifestValidator.schemaVersions()) {
      VersionSchema compiled = VersionSchema.of(v);
      for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret", "Namespace")) {
        for (VersionSchema.KindInfo k : compiled.servingKind(kind)) {
          assertThat(compiled.validate(k, NODES.objectNode()))
              .as("%s %s", v, k.definition)
              .isNotNull();
        }
      }
    }
  }

  private static Seen seen(Error e, JsonNode root) {
    List<Object> location = new ArrayList<>();
    NodePath at = e.getInstanceLocation();
    for (int i = 0; i < at.getNameCount(); i++) {
      location.add(at.getElement(i));
    }
    String keyword = e.getKeyword();
    Object[] args = e.getArguments();
    Set<String> fields = null;
    String property = null;
    String found = null;
    String wanted = null;
    if ("additionalProperties".equals(keyword)) {
      property = e.getProperty();
      fields = new TreeSet<>();
      NodePath fragment = e.getSchemaLocation().getFragment();
      StringBuilder pointer = new StringBuilder();
      for (int i = 0; i < fragment.getNameCount() - 1; i++) {
        pointer
            .append('/')
            .append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
      }
      root.at(pointer.toString()).path("properties").fieldNames().forEachRemaining(fields::add);
    } else if ("required".equals(keyword)) {
      property = e.getProperty();
    } else {
      found = String.valueOf(args[0]);
      wanted = String.valueOf(args[1]);
    }
    return new Seen(keyword, location, at.toString(), property, found, wanted, fields);
  }

  private static Seen seen(SchemaNode.Failure f) {
    boolean unknown = "additionalProperties".equals(f.keyword());
    return new Seen(
        f.keyword(),
        f.location(),
        SchemaCheck.pointer(f.location()),
        f.property(),
        f.found(),
        f.wanted(),
        unknown ? f.definedFields() : null);
  }

  /** The kind's definition, or the suggested apiVersion's as SchemaCheck would check it. */
  private static VersionSchema.KindInfo kindFor(VersionSchema schema, JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asText(null);
    String kind = doc.path("kind").asText(null);
    if (apiVersion == null || kind == null) {
      return null;
    }
    VersionSchema.KindInfo k = schema.kind(apiVersion, kind);
    if (k == null) {
      List<VersionSchema.KindInfo> serving = schema.servingKind(kind);
      return serving.isEmpty() ? null : serving.get(0);
    }
    return k;
  }

  /** One defect at a random place of a copy. */
  private static JsonNode mutate(JsonNode doc, Random random) {
    ObjectNode copy = doc.deepCopy();
    List<JsonNode> containers = new ArrayList<>();
    collect(copy, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    JsonNode value = values().get(random.nextInt(values().size()));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int what = random.nextInt(4);
      if (what == 0 || names.isEmpty()) {
        o.set(random.nextBoolean() ? "bogusField" : "x/y~z\n", value);
      } else {
        String name = names.get(random.nextInt(names.size()));
        if (what == 1) {
          o.remove(name);
        } else if (what == 2) {
          o.set(name, value);
        } else {
          // a near-miss of a real field name, for the did-you-mean lists
          JsonNode v = o.remove(name);
          o.set(name + "s", v);
        }
      }
    } else if (target instanceof ArrayNode a) {
      if (a.isEmpty() || random.nextBoolean()) {
        a.add(value);
      } else {
        a.set(random.nextInt(a.size()), value);
      }
    }
    return copy;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      node.forEach(child -> collect(child, out));
    }
  }

  private static List<JsonNode> values() {
    ObjectNode object = NODES.objectNode();
    object.put("name", "x");
    ArrayNode array = NODES.arrayNode();
    array.add("a");
    return List.of(
        NODES.textNode("text"),
        NODES.numberNode(3),
        NODES.numberNode(1.0),
        NODES.numberNode(1.5),
        NODES.numberNode(Double.NaN),
        NODES.numberNode(new java.math.BigDecimal("2.50")),
        NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
        NODES.booleanNode(true),
        NODES.nullNode(),
        object,
        array,
        NODES.objectNode(),
        NODES.arrayNode());
  }

  private static JsonNode bundledJson(KubernetesVersion v) throws IOException {
    String resource = BundledSchemas.RESOURCE_DIR + "kubernetes-" + v + ".schema.json.gz";
    try (InputStream in =
        new GZIPInputStream(
            CompiledSchemaTest.class.getClassLoader().getResourceAsStream(resource))) {
      return JSON.readTree(in);
    }
  }

  /** Every object of every YAML document under the test resources' validate folder. */
  private static List<JsonNode> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(CompiledSchemaTest.class.getResource("/validate").toURI());
    List<JsonNode> docs = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      try {
        for (JsonNode doc :
            YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
          if (doc != null && doc.isObject()) {
            docs.add(doc);
          }
        }
      } catch (IOException | RuntimeException e) {
        // defect files include YAML that does not parse: not a schema case
      }
    }
    return docs;
  }
}
