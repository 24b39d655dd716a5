package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The value rules, one row of {@code validate/value-rules.txt} per rule: a clean base manifest with
 * one field set to a value the API server refuses must give exactly the expected problem, and the
 * same field set to a valid neighbour must give none. Both sides of every rule are tested.
 */
class ValueRulesTest {

  private static final Path BASES = Path.of("src/test/resources/validate/value-bases");
  private static final Path TABLE = Path.of("src/test/resources/validate/value-rules.txt");
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ValidationContext LAB =
      ValidationContext.builder().existingNamespace("lab").build();

  record Row(
      int line,
      String base,
      String target,
      List<String> fixed,
      String field,
      String bad,
      Set<String> expected,
      String good) {
    @Override
    public String toString() {
      return line + ": " + base + " " + target + " " + field + "=" + bad;
    }
  }

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split(" \\| ", -1);
      assertThat(c).as("line %d of %s", i + 1, TABLE).hasSize(6);
      List<String> fields = List.of(c[2].split(" & "));
      rows.add(
          Arguments.of(
              new Row(
                  i + 1,
                  c[0],
                  c[1],
                  fields.subList(0, fields.size() - 1),
                  fields.get(fields.size() - 1),
                  c[3],
                  new TreeSet<>(List.of(c[4].split(", "))),
                  c[5])));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badValueGivesExactlyTheProblemAndItsNeighbourPasses(Row row) throws IOException {
    KubernetesVersion target = KubernetesVersion.of(row.target());
    ValidationReport clean = validate(row, target, null);
    assertThat(clean.problems())
        .as("base %s with the fixed fields\n%s", row.base(), clean.format())
        .isEmpty();

    ValidationReport bad = validate(row, target, row.bad());
    Set<String> reported =
        bad.problems().stream()
            .map(p -> p.check() + " " + p.path())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(reported).as(bad.format()).isEqualTo(row.expected());

    ValidationReport good = validate(row, target, row.good());
    assertThat(good.problems()).as("neighbour %s\n%s", row.good(), good.format()).isEmpty();
  }

  @Test
  void everyCheckOfTheValueRulesHasARow() throws IOException {
    Set<String> covered =
        rows()
            .map(a -> (Row) a.get()[0])
            .flatMap(r -> r.expected().stream())
            .map(e -> e.split(" ")[0])
            .collect(Collectors.toSet());
    assertThat(covered)
        .contains(
            "invalid-enum",
            "value-out-of-range",
            "invalid-port",
            "invalid-quantity",
            "invalid-name",
            "invalid-int-or-percent",
            "invalid-file-mode",
            "wrong-type",
            "invalid-path",
            "invalid-ip",
            "invalid-cidr",
            "required-value",
            "restart-policy-not-allowed",
            "strategy-conflict",
            "request-exceeds-limit",
            "invalid-resource-name",
            "handler-count",
            "source-count",
            "mutually-exclusive",
            "volume-source-count",
            "toleration-value",
            "selector-values",
            "too-large",
            "too-large-to-apply",
            "invalid-env-name",
            "invalid-schedule",
            "service-type-conflict",
            "duplicate-service-port",
            "node-port-out-of-range",
            "invalid-host",
            "secret-missing-key",
            "duplicate-data-key",
            "not-allowed",
            "image-no-tag",
            "image-latest",
            "probe-port-not-declared",
            "statefulset-service-missing",
            "selector-matches-no-pod",
            "target-port-not-found");
  }

  @Test
  void warningsAreWarnings() throws IOException {
    Row row =
        rows()
            .map(a -> (Row) a.get()[0])
            .filter(
                r ->
                    r.expected()
                        .contains("image-latest " + "spec.template.spec.containers[0].image"))
            .findFirst()
            .orElseThrow();
    ValidationReport report = validate(row, KubernetesVersion.of("1.36"), row.bad());
    assertThat(report.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    assertThat(report.isValid()).isTrue();
    assertThat(report.isClean()).isFalse();
    assertThat(report.format()).contains("(0 errors, 1 warning)").contains("  - warning: ");
  }

  private static ValidationReport validate(Row row, KubernetesVersion target, String value)
      throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser =
        YAML.getFactory().createParser(BASES.resolve(row.base() + ".yaml").toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
    }
    for (JsonNode d : docs) {
      String workload =
          ApiVersionTable.forTarget(target).workloadApiVersion(d.path("kind").asText());
      if (workload != null) {
        ((ObjectNode) d).put("apiVersion", workload);
      }
    }
    ObjectNode first = (ObjectNode) docs.get(0);
    for (String fixed : row.fixed()) {
      int eq = fixed.indexOf('=');
      set(first, fixed.substring(0, eq), fixed.substring(eq + 1));
    }
    if (value != null) {
      set(first, row.field(), value);
    }
    return ManifestValidator.forTarget(target).withContext(LAB).validate(docs);
  }

  /** Sets a field given as a dotted path with [n] indices; "-" removes it. */
  private static void set(ObjectNode doc, String path, String value) throws IOException {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("\\.")) {
      int bracket = p.indexOf('[');
      parts.add(bracket < 0 ? p : p.substring(0, bracket));
      while (bracket >= 0) {
        int end = p.indexOf(']', bracket);
        parts.add(p.substring(bracket, end + 1));
        bracket = p.indexOf('[', end);
      }
    }
    JsonNode node = doc;
    for (int i = 0; i < parts.size() - 1; i++) {
      String part = parts.get(i);
      JsonNode next = part.startsWith("[") ? node.get(index(part)) : node.get(part);
      if (next == null) {
        next = ((ObjectNode) node).putObject(part);
      }
      node = next;
    }
    String last = parts.get(parts.size() - 1);
    JsonNode v = parse(value);
    if (last.startsWith("[")) {
      ((ArrayNode) node).set(index(last), v);
    } else if (value.equals("-")) {
      ((ObjectNode) node).remove(last);
    } else {
      ((ObjectNode) node).set(last, v);
    }
  }

  private static int index(String part) {
    return Integer.parseInt(part.substring(1, part.length() - 1));
  }

  private static JsonNode parse(String value) throws IOException {
    if (value.equals("-")) {
      return null;
    }
    JsonNode v = YAML.readTree("v: " + value).get("v");
    return replaceLarge(v);
  }

  private static JsonNode replaceLarge(JsonNode v) {
    if (v.isTextual() && (v.asText().equals("<large>") || v.asText().equals("<huge>"))) {
      return new TextNode("x".repeat(v.asText().equals("<large>") ? 300_000 : 1_100_000));
    }
    if (v.isObject()) {
      v.properties().forEach(e -> ((ObjectNode) v).set(e.getKey(), replaceLarge(e.getValue())));
    }
    return v;
  }
}
