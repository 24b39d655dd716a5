package io.saltlab.tools.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Cuts a Kubernetes swagger document down to what {@link SchemaConverter} reads, so that the input
 * of the bundled schemas can live in the repository (about 300 KB for 16 releases instead of 2.8
 * MB) and the drift test runs everywhere.
 *
 * <p>Kept: {@code swagger}, {@code info}, every definition, the shared {@code parameters}, and of
 * {@code paths} only the collection paths that have a {@code POST} (their body parameter names the
 * kind's definition), with the {@code POST}'s and the path's parameters. Dropped: every other path
 * and operation, and the {@code description} keyword of every schema and parameter (never a
 * property that happens to be called {@code description}). The conversion of a trimmed document is
 * byte-identical to that of the original; {@code OpenApiTrimmerTest} checks both that and that the
 * committed files are the trimming of the originals.
 */
public final class OpenApiTrimmer {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApiTrimmer() {}

  /**
   * The trimmed form of a swagger document, keys sorted.
   *
   * @param swagger a parsed Kubernetes swagger 2.0 document
   * @return a new document holding only what the conversion reads
   */
  public static ObjectNode trim(JsonNode swagger) {
    ObjectNode out = NODES.objectNode();
    for (String key : List.of("swagger", "info")) {
      if (swagger.has(key)) {
        out.set(key, swagger.get(key).deepCopy());
      }
    }
    out.set("definitions", withoutDescriptions(swagger.path("definitions"), true));
    if (swagger.has("parameters")) {
      out.set("parameters", withoutDescriptions(swagger.get("parameters"), true));
    }
    ObjectNode paths = out.putObject("paths");
    swagger
        .path("paths")
        .properties()
        .forEach(
            e -> {
              JsonNode ops = e.getValue();
              if (!SchemaConverter.isCollectionPath(e.getKey()) || !ops.has("post")) {
                return;
              }
              ObjectNode kept = paths.putObject(e.getKey());
              ObjectNode post = kept.putObject("post");
              post.set(
                  "parameters",
                  withoutDescriptions(ops.get("post").path("parameters"), false).deepCopy());
              if (ops.has("parameters")) {
                kept.set("parameters", withoutDescriptions(ops.get("parameters"), false));
              }
            });
    return SchemaConverter.sorted(out);
  }

  /**
   * A copy without {@code description} keywords. {@code isMap} says that the node's keys are names
   * (of definitions, parameters or properties) rather than keywords, so none of them is dropped.
   */
  private static JsonNode withoutDescriptions(JsonNode node, boolean isMap) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties()
          .forEach(
              e -> {
                if (!isMap && e.getKey().equals("description")) {
                  return;
                }
                boolean childIsMap =
                    isMap ? false : e.getKey().equals("properties") || e.getKey().equals("paths");
                out.set(e.getKey(), withoutDescriptions(e.getValue(), childIsMap));
              });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(n -> out.add(withoutDescriptions(n, false)));
      return out;
    }
    return node.deepCopy();
  }

  /**
   * Trims every {@code kubernetes-1.N.json.gz} of a folder.
   *
   * @param sourceDir folder of original swagger documents, such as {@code shared/k8s-openapi}
   * @return file name to the gzipped bytes of its trimmed form
   * @throws UncheckedIOException if a file cannot be read
   */
  public static Map<String, byte[]> trimAll(Path sourceDir) {
    Map<String, byte[]> out = new TreeMap<>();
    for (Path p : SchemaConverter.sources(sourceDir).values()) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
        out.put(
            p.getFileName().toString(),
            SchemaConverter.gzip(MAPPER.writeValueAsBytes(trim(MAPPER.readTree(in)))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot trim " + p + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Command-line entry point: {@code OpenApiTrimmer SOURCE_DIR TARGET_DIR} writes the trimmed form
   * of every swagger file of SOURCE_DIR into TARGET_DIR (normally {@code
   * tools/schema-tools/openapi}).
   *
   * @param args the source and target folders
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: OpenApiTrimmer SOURCE_DIR TARGET_DIR");
      System.exit(2);
    }
    Path target = Path.of(args[1]);
    List<String> written = new ArrayList<>();
    try {
      Files.createDirectories(target);
      for (Map.Entry<String, byte[]> e : trimAll(Path.of(args[0])).entrySet()) {
        Files.write(target.resolve(e.getKey()), e.getValue());
        written.add(e.getKey());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
    System.out.println("trimmed " + written + " into " + target);
  }
}
