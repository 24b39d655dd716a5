package io.saltlab.tools.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Compiles a bundled JSON Schema (the output of {@link SchemaConverter}) into the compact text that
 * saltlab-core's validator reads at run time, so that no JSON Schema library is loaded, and no JSON
 * is parsed, when a render starts.
 *
 * <p>The format, one record per line ({@code #} starts a comment line):
 *
 * <pre>
 * k APIVERSION KIND DEFINITION n|c      a kind served (n: namespaced, c: cluster-wide)
 * d DEFINITION NODE                     a definition of the schema's "definitions"
 *
 * NODE  := '@' NAME                     $ref to #/definitions/NAME (nothing beside it)
 *        | TYPES ITEMS? PROPS? EXTRA? REQUIRED?
 * TYPES := '-' | T ('|' T)*             no type keyword, or the type(s) in schema order;
 *                                       T: s string, i integer, n number, b boolean, o object,
 *                                       a array, z null
 * ITEMS := '[' NODE ']'                 items
 * PROPS := '{' (NAME ':' NODE (',' NAME ':' NODE)*)? '}'   properties, in schema order
 * EXTRA := '!' | '&lt;' NODE '&gt;'     additionalProperties false, or its schema
 * REQUIRED := '(' NAME (',' NAME)* ')'  required, in schema order
 * </pre>
 *
 * Names escape every character outside {@code [A-Za-z0-9._$/-]} as {@code %XX} (UTF-8 bytes). The
 * compiler refuses any keyword or combination outside this vocabulary, so a converter change that
 * the run-time checker would not understand fails the build instead of being skipped silently.
 */
public final class SchemaCompiler {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaCompiler() {}

  /**
   * The resource name of the compact schema of a version.
   *
   * @param version the Kubernetes version
   * @return for example {@code kubernetes-1.36.schema.txt}
   */
  public static String resourceName(KubernetesVersion version) {
    return "kubernetes-" + version + ".schema.txt";
  }

  /**
   * Compiles one converted schema document.
   *
   * @param schema the document {@link SchemaConverter#convert} made
   * @param version its version (named in the header)
   * @return the compact text
   * @throws IllegalArgumentException if the schema uses anything outside the vocabulary above
   */
  public static String compile(JsonNode schema, KubernetesVersion version) {
    StringBuilder out = new StringBuilder();
    out.append("# Kubernetes ")
        .append(version)
        .append(" schema for saltlab's validator, compiled by saltlab-schema-tools SchemaCompiler")
        .append(" from ")
        .append(SchemaConverter.resourceName(version))
        .append(" (")
        .append(schema.path("x-saltlab-source").path("license").asText())
        .append("); do not edit\n");
    JsonNode definitions = schema.path("definitions");
    for (Map.Entry<String, JsonNode> a : schema.path(SchemaConverter.KINDS_KEY).properties()) {
      for (Map.Entry<String, JsonNode> k : a.getValue().properties()) {
        String definition = k.getValue().path("definition").asText();
        if (!definitions.has(definition)) {
          throw new IllegalArgumentException("kind " + k.getKey() + " names no definition");
        }
        out.append("k ")
            .append(name(a.getKey()))
            .append(' ')
            .append(name(k.getKey()))
            .append(' ')
            .append(name(definition))
            .append(' ')
            .append(k.getValue().path("namespaced").asBoolean() ? 'n' : 'c')
            .append('\n');
      }
    }
    for (Map.Entry<String, JsonNode> d : definitions.properties()) {
      out.append("d ").append(name(d.getKey())).append(' ');
      node(d.getValue(), definitions, d.getKey(), out);
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Compiles every JSON Schema of a folder.
   *
   * @param resourceDir the folder holding {@code kubernetes-1.N.schema.json.gz}
   * @return file name to content, one entry per version
   * @throws UncheckedIOException if a file cannot be read
   */
  public static Map<String, byte[]> compileAll(Path resourceDir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (var listing = Files.list(resourceDir)) {
      for (Path p : (Iterable<Path>) listing::iterator) {
        String file = p.getFileName().toString();
        if (!file.endsWith(".schema.json.gz")) {
          continue;
        }
        KubernetesVersion version =
            KubernetesVersion.of(file.substring("kubernetes-".length(), file.indexOf(".schema")));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
          files.put(
              resourceName(version),
              compile(MAPPER.readTree(in), version).getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resourceDir + ": " + e.getMessage(), e);
    }
    return files;
  }

  /**
   * Command-line entry point: {@code SchemaCompiler SCHEMA_DIR RESOURCE_DIR} writes the compact
   * schema of each JSON Schema of the first folder into the second, saltlab-core's resources.
   *
   * @param args the JSON Schema folder and the resource folder
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SchemaCompiler SCHEMA_DIR RESOURCE_DIR");
      System.exit(2);
    }
    for (Map.Entry<String, byte[]> e : compileAll(Path.of(args[0])).entrySet()) {
      Files.write(Path.of(args[1]).resolve(e.getKey()), e.getValue());
    }
  }

  private static final Set<String> KEYWORDS =
      Set.of("type", "$ref", "items", "properties", "additionalProperties", "required");

  private static void node(JsonNode n, JsonNode definitions, String where, StringBuilder out) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(where + ": a schema must be an object, not " + n);
    }
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) {
      if (!KEYWORDS.contains(k)) {
        throw new IllegalArgumentException(where + ": keyword " + k + " is not compiled");
      }
    }
    // networknt runs type, then properties, then the others in schema order; the run-time checker
    // runs additionalProperties before required and never meets items beside either.
    if (keys.contains("required")
        && keys.contains("additionalProperties")
        && keys.indexOf("required") < keys.indexOf("additionalProperties")) {
      throw new IllegalArgumentException(where + ": required before additionalProperties");
    }
    if (keys.contains("items") && (keys.contains("required") || keys.contains("properties"))) {
      throw new IllegalArgumentException(where + ": items beside object keywords");
    }
    if (n.has("$ref")) {
      String ref = n.get("$ref").asText();
      if (keys.size() != 1 || !ref.startsWith("#/definitions/")) {
        throw new IllegalArgumentException(where + ": $ref must stand alone and be local: " + n);
      }
      String target = ref.substring("#/definitions/".length());
      if (!definitions.has(target)) {
        throw new IllegalArgumentException(where + ": $ref to a missing definition " + target);
      }
      out.append('@').append(name(target));
      return;
    }
    JsonNode type = n.get("type");
    if (type == null) {
      out.append('-');
    } else if (type.isTextual()) {
      out.append(type(type.asText(), where));
    } else if (type.isArray() && type.size() > 0) {
      String sep = "";
      for (JsonNode t : type) {
        out.append(sep).append(type(t.asText(), where));
        sep = "|";
      }
    } else {
      throw new IllegalArgumentException(where + ": type must be a name or a list: " + type);
    }
    if (n.has("items")) {
      out.append('[');
      node(n.get("items"), definitions, where + "/items", out);
      out.append(']');
    }
    if (n.has("properties")) {
      out.append('{');
      String sep = "";
      for (Map.Entry<String, JsonNode> p : n.get("properties").properties()) {
        out.append(sep).append(name(p.getKey())).append(':');
        node(p.getValue(), definitions, where + "/" + p.getKey(), out);
        sep = ",";
      }
      out.append('}');
    }
    JsonNode extra = n.get("additionalProperties");
    if (extra != null) {
      if (extra.isBoolean()) {
        if (!extra.booleanValue()) {
          out.append('!');
        }
      } else {
        out.append('<');
        node(extra, definitions, where + "/additionalProperties", out);
        out.append('>');
      }
    }
    if (n.has("required")) {
      JsonNode required = n.get("required");
      if (!required.isArray() || required.isEmpty()) {
        throw new IllegalArgumentException(where + ": required must be a non-empty list");
      }
      out.append('(');
      String sep = "";
      for (JsonNode r : required) {
        out.append(sep).append(name(r.asText()));
        sep = ",";
      }
      out.append(')');
    }
  }

  private static char type(String name, String where) {
    switch (name) {
      case "string":
        return 's';
      case "integer":
        return 'i';
      case "number":
        return 'n';
      case "boolean":
        return 'b';
      case "object":
        return 'o';
      case "array":
        return 'a';
      case "null":
        return 'z';
      default:
        throw new IllegalArgumentException(where + ": unknown type " + name);
    }
  }

  /** A name with every character outside [A-Za-z0-9._$/-] as %XX of its UTF-8 bytes. */
  static String name(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '$'
          || c == '/'
          || c == '-') {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
        byte[] utf8 = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        for (byte b : utf8) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
        i = end - 1;
      }
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException("empty name");
    }
    return out.toString();
  }
}
