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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Generates {@code api-index.tsv}, the index of every API kind Kubernetes 1.5-1.36 serves, with its
 * scope and the releases that serve it, that saltlab-core reads to check apiVersion/kind on every
 * target and to know a kind's scope without loading a schema.
 *
 * <p>Releases with an OpenAPI document (1.5-1.11, 1.28-1.36) are read from the converted schemas'
 * kind index. For 1.12-1.27 a kind served by both 1.11 and 1.28 counts as served throughout; every
 * other kind served in between comes from the curated table {@code gap-releases.tsv} (resource of
 * this module, with its sources), and generation fails when a kind served by only one side of the
 * gap has no row there, or when a row contradicts the documents.
 *
 * <p>Output lines: {@code apiVersion TAB kind TAB N|C TAB minors}, minors as ranges such as {@code
 * 5-15,22-36}; sorted, with a comment header. The drift test ({@code ApiIndexGeneratorTest}) keeps
 * the committed file equal to this generation.
 */
public final class ApiIndexGenerator {

  /** Classpath resource of the index in saltlab-core. */
  public static final String RESOURCE = "io/saltlab/core/api-index.tsv";

  private static final int GAP_FIRST = 12;
  private static final int GAP_LAST = 27;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiIndexGenerator() {}

  /** One curated row of the gap table. */
  private record GapRow(String apiVersion, String kind, boolean namespaced, int first, int last) {}

  /**
   * The index text for the given converted schemas.
   *
   * @param schemas converted schema files by version ({@code kubernetes-1.N.schema.json.gz})
   * @return the file content
   * @throws IllegalStateException if the gap table misses or contradicts a kind
   */
  public static String generate(Map<KubernetesVersion, byte[]> schemas) {
    // apiVersion|kind -> minors served; and scope
    TreeMap<String, TreeSet<Integer>> served = new TreeMap<>();
    TreeMap<String, Boolean> scope = new TreeMap<>();
    for (Map.Entry<KubernetesVersion, byte[]> e : schemas.entrySet()) {
      int minor = e.getKey().minor();
      JsonNode kinds = read(e.getValue()).path("x-saltlab-kinds");
      kinds
          .properties()
          .forEach(
              a ->
                  a.getValue()
                      .properties()
                      .forEach(
                          k -> {
                            String key = a.getKey() + "\t" + k.getKey();
                            served.computeIfAbsent(key, x -> new TreeSet<>()).add(minor);
                            scope.merge(
                                key,
                                k.getValue().path("namespaced").asBoolean(),
                                Boolean::logicalOr);
                          }));
    }
    Map<String, GapRow> gap = readGapTable();
    List<String> errors = new ArrayList<>();
    for (GapRow row : gap.values()) {
      String key = row.apiVersion() + "\t" + row.kind();
      TreeSet<Integer> minors = served.computeIfAbsent(key, x -> new TreeSet<>());
      boolean at11 = minors.contains(GAP_FIRST - 1);
      boolean at28 = minors.contains(GAP_LAST + 1);
      if (at11 != (row.first() < GAP_FIRST) || at28 != (row.last() > GAP_LAST)) {
        errors.add(
            key.replace('\t', ' ')
                + ": the gap table says "
                + row.first()
                + "-"
                + row.last()
                + " but 1.11 "
                + (at11 ? "serves" : "does not serve")
                + " it and 1.28 "
                + (at28 ? "serves" : "does not serve")
                + " it");
      }
      Boolean documented = scope.get(key);
      if (documented != null && documented != row.namespaced()) {
        errors.add(key.replace('\t', ' ') + ": the gap table's scope contradicts the documents");
      }
      scope.putIfAbsent(key, row.namespaced());
      for (int m = Math.max(GAP_FIRST, row.first()); m <= Math.min(GAP_LAST, row.last()); m++) {
        minors.add(m);
      }
    }
    for (Map.Entry<String, TreeSet<Integer>> e : served.entrySet()) {
      if (gap.containsKey(e.getKey())) {
        continue;
      }
      boolean at11 = e.getValue().contains(GAP_FIRST - 1);
      boolean at28 = e.getValue().contains(GAP_LAST + 1);
      if (at11 && at28) {
        for (int m = GAP_FIRST; m <= GAP_LAST; m++) {
          e.getValue().add(m);
        }
      } else if (at11 || at28) {
        errors.add(
            e.getKey().replace('\t', ' ')
                + " is served by "
                + (at11 ? "1.11 but not 1.28" : "1.28 but not 1.11")
                + ": add a row to gap-releases.tsv saying when it "
                + (at11 ? "was removed" : "was added"));
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "the API index cannot be generated:\n  " + String.join("\n  ", errors));
    }
    StringBuilder out = new StringBuilder();
    out.append("# Generated by io.saltlab.tools.schema.ApiIndexGenerator; do not edit.\n");
    out.append("# apiVersion, kind, scope (N namespaced, C cluster), Kubernetes 1.x minors serving")
        .append(" it.\n");
    out.append("# 1.5-1.11 and 1.28-1.36 from the Kubernetes OpenAPI documents (Apache-2.0,")
        .append(" The Kubernetes Authors);\n");
    out.append("# 1.12-1.27 from the curated table gap-releases.tsv of tools/schema-tools.\n");
    served.forEach(
        (key, minors) -> {
          if (minors.isEmpty()) {
            return;
          }
          out.append(key)
              .append('\t')
              .append(scope.get(key) ? 'N' : 'C')
              .append('\t')
              .append(ranges(minors))
              .append('\n');
        });
    return out.toString();
  }

  /** {@code 5-15,22-36} for a set of minors. */
  static String ranges(TreeSet<Integer> minors) {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer previous = null;
    for (int m : minors) {
      if (start == null) {
        start = m;
      } else if (m != previous + 1) {
        appendRange(sb, start, previous);
        start = m;
      }
      previous = m;
    }
    if (start != null) {
      appendRange(sb, start, previous);
    }
    return sb.toString();
  }

  private static void appendRange(StringBuilder sb, int from, int to) {
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(from);
    if (to != from) {
      sb.append('-').append(to);
    }
  }

  private static Map<String, GapRow> readGapTable() {
    String name = "gap-releases.tsv";
    try (InputStream in = ApiIndexGenerator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema-tools is built without its " + name);
      }
      Map<String, GapRow> rows = new TreeMap<>();
      int lineNumber = 0;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 5 || !(f[2].equals("N") || f[2].equals("C"))) {
          throw new IllegalStateException(
              name + ":" + lineNumber + ": expected 5 columns: " + line);
        }
        int first = f[3].equals("-") ? Integer.MIN_VALUE : Integer.parseInt(f[3]);
        int last = f[4].equals("-") ? Integer.MAX_VALUE : Integer.parseInt(f[4]);
        GapRow row = new GapRow(f[0], f[1], f[2].equals("N"), first, last);
        if (rows.put(f[0] + "\t" + f[1], row) != null) {
          throw new IllegalStateException(name + ":" + lineNumber + ": duplicate row " + line);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static JsonNode read(byte[] gz) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a converted schema", e);
    }
  }

  /**
   * The index of the schemas converted from a folder of OpenAPI documents.
   *
   * @param swaggerDir folder such as {@code tools/schema-tools/openapi}
   * @return the index text
   */
  public static String generate(Path swaggerDir) {
    Map<KubernetesVersion, byte[]> schemas = new TreeMap<>();
    Map<String, byte[]> converted = SchemaConverter.convertAll(swaggerDir);
    for (KubernetesVersion v : SchemaConverter.sources(swaggerDir).keySet()) {
      schemas.put(v, converted.get(SchemaConverter.resourceName(v)));
    }
    return generate(schemas);
  }

  /**
   * Command-line entry point: {@code ApiIndexGenerator SWAGGER_DIR CORE_RESOURCES_DIR} writes
   * {@value #RESOURCE} under CORE_RESOURCES_DIR ({@code core/src/main/resources}).
   *
   * @param args the swagger folder and core's resource folder
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ApiIndexGenerator SWAGGER_DIR CORE_RESOURCES_DIR");
      System.exit(2);
    }
    Path target = Path.of(args[1]).resolve(RESOURCE);
    try {
      Files.writeString(target, generate(Path.of(args[0])), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    System.out.println("wrote " + target);
  }
}
