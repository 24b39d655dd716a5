package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input never escapes as an exception: every field of the seed and clean manifests is
 * replaced in turn by a value of each other JSON type, and validation must still return a report.
 */
class RobustnessTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> REPLACEMENTS =
      List.of(
          NODES.nullNode(),
          NODES.textNode("x"),
          NODES.numberNode(-1),
          NODES.booleanNode(true),
          NODES.arrayNode().add(1),
          NODES.objectNode().put("a", "b"));

  @ParameterizedTest
  @ValueSource(strings = {"1.20", "1.36"})
  void everyFieldReplacedByEveryTypeStillGivesAReport(String version) throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    List<JsonNode> docs = new ArrayList<>();
    for (String f : List.of("seed-lab23.yaml", "clean/apps-v1.yaml")) {
      String text = Files.readString(Path.of("src/test/resources/validate").resolve(f));
      docs.addAll(yaml.readValues(yaml.createParser(text), JsonNode.class).readAll());
    }
    ManifestValidator validator = ManifestValidator.forTarget(KubernetesVersion.of(version));
    int runs = 0;
    for (int d = 0; d < docs.size(); d++) {
      for (String pointer : pointers(docs.get(d), "")) {
        for (JsonNode replacement : REPLACEMENTS) {
          List<JsonNode> mutated = new ArrayList<>(docs);
          mutated.set(d, replace(docs.get(d), pointer, replacement));
          assertThat(validator.validate(mutated).format()).isNotEmpty();
          runs++;
        }
      }
    }
    assertThat(runs).isGreaterThan(500);
  }

  private static List<String> pointers(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                out.addAll(pointers(e.getValue(), p));
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at + "/" + i);
        out.addAll(pointers(node.get(i), at + "/" + i));
      }
    }
    return out;
  }

  private static JsonNode replace(JsonNode doc, String pointer, JsonNode value) {
    JsonNode copy = doc.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else if (parent.isArray()) {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
    return copy;
  }
}
