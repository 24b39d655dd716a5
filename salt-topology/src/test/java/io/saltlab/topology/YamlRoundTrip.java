package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads everything a lab renders back with a YAML 1.1 parser (SnakeYAML, safe constructor) and a
 * YAML 1.2 parser (SnakeYAML Engine, core schema) and holds the result to the tree that was
 * written: a string that came back as a boolean, a number, a date, a null, a new key or a new list
 * item makes the two differ.
 */
final class YamlRoundTrip {
  /** Large enough for labs holding 100 000-character values. */
  private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

  private YamlRoundTrip() {}

  /** The salt-topology test counts of documents parsed, for the printed figures. */
  static long documentsParsed;

  /**
   * Checks the stream, every file of the folder form, every Salt file in the ConfigMaps and the
   * autosign grains file in its Secret.
   *
   * @param lab the lab
   * @param m its rendering
   */
  static void assertRoundTrips(SaltLab lab, Manifests m) {
    List<Object> expected = new ArrayList<>();
    for (RenderedResource r : m.resources()) {
      expected.add(plain(r.tree()));
    }
    String stream = m.toYaml();
    assertThat(yaml11All(stream)).as("YAML 1.1 reading of the stream").isEqualTo(expected);
    assertThat(yaml12All(stream)).as("YAML 1.2 reading of the stream").isEqualTo(expected);

    List<String> files = new ArrayList<>(m.files().values());
    for (int i = 0; i < m.resources().size(); i++) {
      String file = files.get(i);
      assertThat(yaml11(file)).as("YAML 1.1 reading of file %d", i).isEqualTo(expected.get(i));
      assertThat(yaml12(file)).as("YAML 1.2 reading of file %d", i).isEqualTo(expected.get(i));
    }
    String kustomization = m.files().get(Manifests.KUSTOMIZATION);
    assertThat(yaml12(kustomization)).isEqualTo(yaml11(kustomization));

    for (RenderedResource r : m.resources()) {
      boolean saltConfigMap =
          r.name().equals(LabNames.masterConfigMap(lab.master()))
              || lab.roles().stream().anyMatch(x -> LabNames.minionConfigMap(x).equals(r.name()));
      // The ConfigMaps of files volumes hold the lab's own files, not Salt's YAML.
      if (r.kind().equals("ConfigMap") && saltConfigMap) {
        saltFiles(lab, r);
      }
      if (r.kind().equals("Secret") && r.name().equals(LabNames.autosignSecret(lab.master()))) {
        String grains =
            new String(
                Base64.getDecoder()
                    .decode(r.tree().path("data").path(LabNames.GRAINS_KEY).asText()),
                StandardCharsets.UTF_8);
        Map<String, Object> want =
            Map.of(SaltConfig.AUTOSIGN_GRAIN, lab.autosignToken().orElseThrow().reveal());
        assertThat(yaml11(grains)).as("grains file, YAML 1.1").isEqualTo(want);
        assertThat(yaml12(grains)).as("grains file, YAML 1.2").isEqualTo(want);
      }
    }
  }

  /**
   * Each Salt file of a ConfigMap is YAML itself, and must read back as the tree SaltConfig built.
   */
  private static void saltFiles(SaltLab lab, RenderedResource configMap) {
    Map<String, Function<SaltLab, JsonNode>> masterFiles = new LinkedHashMap<>();
    masterFiles.put(SaltConfig.configMapKey(SaltConfig.MASTER_CONF), SaltConfig::masterConfig);
    masterFiles.put(SaltConfig.configMapKey(SaltConfig.PILLAR_TOP), SaltConfig::pillarTop);
    masterFiles.put(SaltConfig.configMapKey(SaltConfig.BASE_PILLAR), SaltConfig::basePillar);
    Iterator<Map.Entry<String, JsonNode>> data =
        configMap.tree().path("data").properties().iterator();
    int files = 0;
    while (data.hasNext()) {
      Map.Entry<String, JsonNode> e = data.next();
      JsonNode tree;
      if (configMap.name().equals(LabNames.masterConfigMap(lab.master()))) {
        if (!masterFiles.containsKey(e.getKey())) {
          // A Jinja template, which Salt renders per minion or event: SaltTemplatesTest renders
          // it; the only model value in it, the lab's name, is a DNS label.
          continue;
        }
        tree = masterFiles.get(e.getKey()).apply(lab);
      } else {
        AppRole role =
            lab.roles().stream()
                .filter(r -> LabNames.minionConfigMap(r).equals(configMap.name()))
                .findFirst()
                .orElseThrow();
        tree = SaltConfig.minionConfig(lab, role);
      }
      Object want = plain(tree);
      String text = e.getValue().textValue();
      assertThat(yaml11(text)).as("%s/%s, YAML 1.1", configMap.name(), e.getKey()).isEqualTo(want);
      assertThat(yaml12(text)).as("%s/%s, YAML 1.2", configMap.name(), e.getKey()).isEqualTo(want);
      files++;
    }
    assertThat(files).as("Salt files in %s", configMap.name()).isPositive();
  }

  static Object yaml11(String text) {
    documentsParsed++;
    return normalise(yaml11Parser().load(text));
  }

  static Object yaml12(String text) {
    documentsParsed++;
    return normalise(yaml12Parser().loadFromString(text));
  }

  static List<Object> yaml11All(String text) {
    List<Object> docs = new ArrayList<>();
    for (Object d : yaml11Parser().loadAll(text)) {
      documentsParsed++;
      docs.add(normalise(d));
    }
    return docs;
  }

  static List<Object> yaml12All(String text) {
    List<Object> docs = new ArrayList<>();
    for (Object d : yaml12Parser().loadAllFromString(text)) {
      documentsParsed++;
      docs.add(normalise(d));
    }
    return docs;
  }

  private static Yaml yaml11Parser() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(CODE_POINT_LIMIT);
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static Load yaml12Parser() {
    return new Load(
        LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setCodePointLimit(CODE_POINT_LIMIT)
            .setAllowDuplicateKeys(false)
            .build());
  }

  /**
   * A Jackson tree as plain Java values: maps, lists, strings, booleans and whole numbers as
   * BigInteger.
   */
  static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  map.put(e.getKey(), plain(e.getValue()));
                }
              });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    throw new AssertionError("unexpected node in a rendered tree: " + node.getNodeType());
  }

  /**
   * Parsed YAML in the same shape; any other type (Date, Double, byte[], null) is kept as is, so it
   * differs.
   */
  private static Object normalise(Object o) {
    if (o instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(normalise(k), normalise(v)));
      return out;
    }
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normalise(v)));
      return out;
    }
    if (o instanceof Integer || o instanceof Long) {
      return BigInteger.valueOf(((Number) o).longValue());
    }
    return o;
  }
}
