package io.saltlab.core.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final YamlWriter writer = new YamlWriter();

  @Test
  void putsIdentityFirstThenSortsKeys() {
    ObjectNode doc = JSON.createObjectNode();
    doc.putObject("spec").put("zeta", 1).put("alpha", 2);
    doc.putObject("metadata")
        .put("namespace", "ns")
        .put("name", "web")
        .putObject("labels")
        .put("b", "2")
        .put("a", "1");
    doc.put("kind", "Service");
    doc.put("apiVersion", "v1");
    assertThat(writer.write(doc))
        .isEqualTo(
            "apiVersion: v1\n"
                + "kind: Service\n"
                + "metadata:\n"
                + "  name: web\n"
                + "  namespace: ns\n"
                + "  labels:\n"
                + "    a: \"1\"\n"
                + "    b: \"2\"\n"
                + "spec:\n"
                + "  alpha: 2\n"
                + "  zeta: 1\n");
  }

  @Test
  void writesSequencesKubectlStyleAndEmptyCollectionsInline() {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode containers = doc.putArray("containers");
    containers
        .addObject()
        .put("name", "a")
        .put("image", "img")
        .putArray("args")
        .add("--x")
        .add("z");
    doc.putObject("emptyDir");
    doc.putArray("none");
    assertThat(writer.write(doc))
        .isEqualTo(
            "containers:\n"
                + "- name: a\n"
                + "  args:\n"
                + "  - \"--x\"\n"
                + "  - z\n"
                + "  image: img\n"
                + "emptyDir: {}\n"
                + "none: []\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "~",
        "null",
        "true",
        "False",
        "0o17",
        "012",
        "1e3",
        "0x1F",
        "1_000",
        "12:30:00",
        "2001-12-14",
        ".inf",
        "-.inf",
        ".NaN",
        "-",
        "- x",
        ":",
        "a: b",
        "#x",
        "a #b",
        "&a",
        "*a",
        "!tag",
        "%x",
        "@x",
        "`x",
        "'q'",
        "\"q\"",
        "tab\there",
        "line\nbreak",
        "sep\u2028x",
        "nel\u0085x",
        " lead",
        "trail ",
        "trail:",
        "=",
        "<<",
        "[a]",
        "{a}",
        "?",
        "|",
        ">",
        ""
      })
  void quotesEverythingAParserCouldReadAsSomethingElse(String value) {
    assertThat(YamlWriter.isPlainSafe(value)).isFalse();
    assertRoundTrips(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "salt-master",
        "/home/vagrant/salt/conf",
        "registry.lab.local:5000/salt/master:3006.9",
        "app.kubernetes.io/name",
        ".dockerconfigjson",
        "kubernetes.io/dockercfg",
        "a b",
        "x=1,y=2"
      })
  void leavesOrdinaryTextPlain(String value) {
    assertThat(YamlWriter.isPlainSafe(value)).isTrue();
    assertRoundTrips(value);
  }

  @Test
  void writesConfigFilesAsLiteralBlocks() {
    ObjectNode doc = JSON.createObjectNode();
    doc.putObject("data")
        .put("master.conf", "auto_accept: False\nfile_roots:\n  base:\n  - /salt/states\n");
    String yaml = writer.write(doc);
    assertThat(yaml)
        .contains(
            "  master.conf: |\n"
                + "    auto_accept: False\n"
                + "    file_roots:\n"
                + "      base:\n"
                + "      - /salt/states\n");
    assertRoundTrips("auto_accept: False\nfile_roots:\n  base:\n  - /salt/states\n");
  }

  @Test
  void multiLineTextWithNonCharactersIsEscapedNotALiteralBlock() {
    // Found by the hostile-values property test: U+FFFE/U+FFFF in a multi-line value went into a
    // literal block, which SnakeYAML refuses ("special characters are not allowed").
    assertRoundTrips("a\ufffe\nb");
    assertRoundTrips("a\nb\uffff");
  }

  @Property(tries = 2000)
  void anyStringReadsBackIdenticalUnderYaml11And12(@ForAll("hostile") String value) {
    assertRoundTrips(value);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> words =
        Arbitraries.of(
            "yes",
            "no",
            "on",
            "off",
            "y",
            "~",
            "null",
            "0o17",
            "012",
            "1e3",
            "0x1F",
            "-",
            ":",
            "#",
            "&",
            "*",
            "!",
            "%",
            "@",
            "'",
            "\"",
            "\t",
            "\n",
            "\u2028",
            "\u2029",
            "\u0085",
            " ",
            "- ",
            ": ",
            "a",
            "Z",
            "/",
            ".",
            "=",
            "\\",
            "é",
            "\uD83D\uDE00",
            "\r",
            "\u0000",
            "---",
            "...");
    Arbitrary<String> mixed = words.list().ofMaxSize(12).map(l -> String.join("", l));
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> longText = Arbitraries.strings().alpha().ofLength(5000);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, mixed),
        net.jqwik.api.Tuple.of(4, any),
        net.jqwik.api.Tuple.of(1, longText));
  }

  private void assertRoundTrips(String value) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("key", value);
    doc.putArray("list").add(value).add("after");
    doc.putObject("map").put(value, "v");
    String yaml = writer.write(doc);

    Map<String, Object> yaml11 = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    assertThat(yaml11).as("YAML 1.1 reading of%n%s", yaml).containsEntry("key", value);
    assertThat(yaml11.get("list")).isEqualTo(List.of(value, "after"));
    assertThat(yaml11.get("map")).isEqualTo(Map.of(value, "v"));

    Object yaml12 = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    assertThat(yaml12).as("YAML 1.2 reading of%n%s", yaml).isEqualTo(yaml11);
  }
}
