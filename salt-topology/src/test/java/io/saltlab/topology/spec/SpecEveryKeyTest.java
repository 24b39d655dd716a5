package io.saltlab.topology.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.internal.LabKeys;
import io.saltlab.topology.spec.internal.SpecKey;
import io.saltlab.topology.spec.internal.SpecSection;
import io.saltlab.topology.spec.internal.SpecType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specs/every-key.yaml} holds every key the definition declares, and each of its values
 * reaches the lab: removing any one key changes the lab, makes the file invalid, or removes a value
 * equal to the key's declared default. So no key is declared but left unbound.
 */
class SpecEveryKeyTest {
  private static final Map<String, String> ENV =
      Map.of("PW", "every-password-not-a-secret", "TOKEN", "every-token-not-a-secret-01");
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * The lab's customizations (issue 18), whose every key SpecCustomizationsTest reads: they change
   * the output after translation, which the fabric8 equivalence test on this file cannot carry.
   */
  private static final Set<String> CUSTOMIZATION_KEYS = Set.of("patches", "objects");

  private static Path file() throws Exception {
    return Path.of(
        Objects.requireNonNull(SpecEveryKeyTest.class.getResource("/specs/every-key.yaml"))
            .toURI());
  }

  /**
   * The file and three variants for the keys that exclude each other (a password file and token
   * file; an existing pull Secret instead of the credentials; an existing autosign Secret instead
   * of the token), each read by the reader.
   */
  private static List<String> variants(Path dir) throws Exception {
    String text = Files.readString(file());
    Files.writeString(dir.resolve("pw.txt"), "every-password-not-a-secret\n");
    Files.writeString(dir.resolve("token.txt"), "every-token-not-a-secret-01\n");
    String files =
        text.replace("passwordEnv: PW", "passwordFile: pw.txt")
            .replace("autosignTokenEnv: TOKEN", "autosignTokenFile: token.txt");
    String existing =
        text.replace(
            "  username: deployer\n"
                + "  passwordEnv: PW\n"
                + "  email: ops@example.com\n"
                + "  secretName: pull\n",
            "  existingSecret: pull\n");
    String existingToken =
        text.replace("autosignTokenEnv: TOKEN", "existingAutosignSecret: salt-master-autosign");
    List<String> all = List.of(text, files, existing, existingToken);
    for (int i = 0; i < all.size(); i++) {
      Path f = dir.resolve("variant-" + i + ".yaml");
      Files.writeString(f, all.get(i));
      LabSpec.read(f, ENV);
    }
    assertThat(new TreeSet<>(all)).as("the variants differ").hasSize(4);
    return all;
  }

  @Test
  void theFilesHoldEveryDeclaredKeyOfEverySection(@TempDir Path dir) throws Exception {
    Map<SpecSection, TreeSet<String>> written = new IdentityHashMap<>();
    for (String text : variants(dir)) {
      walk(LabKeys.lab(), YAML.readTree(text), written);
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<SpecSection, TreeSet<String>> e : written.entrySet()) {
      for (String key : e.getKey().keys().keySet()) {
        if (!e.getValue().contains(key) && !CUSTOMIZATION_KEYS.contains(key)) {
          missing.add(e.getKey().description() + " -> " + key);
        }
      }
    }
    assertThat(written).as("sections reached").hasSizeGreaterThan(20);
    assertThat(missing).as("declared keys no file holds").isEmpty();
  }

  /** For every section the definition reaches, the keys the document writes in it. */
  private static void walk(SpecType type, JsonNode node, Map<SpecSection, TreeSet<String>> out) {
    if (type instanceof SpecSection s) {
      TreeSet<String> keys = out.computeIfAbsent(s, x -> new TreeSet<>());
      for (SpecKey k : s.keys().values()) {
        if (CUSTOMIZATION_KEYS.contains(k.name())) {
          continue;
        }
        JsonNode child = node == null ? null : node.get(k.name());
        if (child != null) {
          keys.add(k.name());
        }
        walk(k.type(), child, out);
      }
    } else if (type instanceof SpecType.ListOf l) {
      if (node != null && node.isArray() && node.size() > 0) {
        node.forEach(item -> walk(l.item(), item, out));
      } else {
        walk(l.item(), null, out);
      }
    } else if (type instanceof SpecType.MapOf m) {
      if (node != null && node.isObject() && node.size() > 0) {
        node.properties().forEach(e -> walk(m.value(), e.getValue(), out));
      } else {
        walk(m.value(), null, out);
      }
    } else if (type instanceof SpecType.Either e) {
      walk(e.section(), node != null && node.isObject() ? node : null, out);
    }
  }

  @Test
  void everyValueReachesTheLab() throws Exception {
    ObjectNode doc = (ObjectNode) YAML.readTree(Files.readString(file()));
    SaltLab lab = LabSpec.parse(YAML.writeValueAsString(doc), "every-key.yaml", Path.of("."), ENV);
    List<String> leaves = new ArrayList<>();
    leaves(doc, "", leaves);
    assertThat(leaves).hasSizeGreaterThan(100);
    List<String> unbound = new ArrayList<>();
    for (String pointer : leaves) {
      ObjectNode changed = doc.deepCopy();
      remove(changed, JsonPointer.compile(pointer));
      SaltLab other;
      try {
        other = LabSpec.parse(YAML.writeValueAsString(changed), "x.yaml", Path.of("."), ENV);
      } catch (LabSpecException | io.saltlab.topology.InvalidLabException e) {
        continue;
      }
      if (other.equals(lab) && !isDeclaredDefault(pointer, doc.at(pointer))) {
        unbound.add(pointer);
      }
    }
    assertThat(unbound).as("keys whose removal changes nothing").isEmpty();
  }

  private static void leaves(JsonNode node, String pointer, List<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> leaves(e.getValue(), pointer + "/" + escape(e.getKey()), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), pointer + "/" + i, out);
      }
    }
    if (!pointer.isEmpty()) {
      out.add(pointer);
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static void remove(JsonNode root, JsonPointer pointer) {
    JsonNode parent = root.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode o) {
      o.remove(last);
    } else if (parent instanceof ArrayNode a) {
      a.remove(pointer.last().getMatchingIndex());
    }
  }

  /** Whether a scalar equals its key's declared default, so that removing it changes nothing. */
  private static boolean isDeclaredDefault(String pointer, JsonNode value) {
    String key = pointer.substring(pointer.lastIndexOf('/') + 1);
    Object found = defaultOf(LabKeys.lab(), key);
    return found != null && value.isValueNode() && value.asText().equals(String.valueOf(found));
  }

  private static Object defaultOf(SpecType type, String key) {
    if (type instanceof SpecSection s) {
      for (SpecKey k : s.keys().values()) {
        if (k.name().equals(key) && k.defaultValue() != null) {
          return k.defaultValue();
        }
        Object inner = defaultOf(k.type(), key);
        if (inner != null) {
          return inner;
        }
      }
    } else if (type instanceof SpecType.ListOf l) {
      return defaultOf(l.item(), key);
    } else if (type instanceof SpecType.MapOf m) {
      return defaultOf(m.value(), key);
    } else if (type instanceof SpecType.Either e) {
      return defaultOf(e.section(), key);
    }
    return null;
  }
}
