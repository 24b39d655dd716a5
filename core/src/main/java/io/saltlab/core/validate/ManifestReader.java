package io.saltlab.core.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.saltlab.core.internal.files.InputFiles;
import io.saltlab.core.internal.files.RefusedFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads multi-document YAML from strings, files and directories into {@link Manifest}s. Anything
 * unreadable becomes a {@link Problem} naming the file (and line), never an exception.
 */
final class ManifestReader {

  /** The check name of a file or folder that could not be read. */
  static final String UNREADABLE = "unreadable";

  /** The check name of input past a limit of one run (bytes or documents). */
  static final String INPUT_LIMIT = "input-limit";

  /** The most documents read in one run ({@link InputFiles#MAX_DOCUMENTS}). */
  static final int MAX_DOCUMENTS = InputFiles.MAX_DOCUMENTS;

  /**
   * Built on first read of a text: the renderer validates trees it made, and building a mapper is a
   * large part of a cold start.
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .loaderOptions(loaderOptions())
                    .build())
            .build();
  }

  /** The parser's own size limit set to the input limit, so that every allowed file parses. */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) InputFiles.MAX_FILE_BYTES);
    return options;
  }

  private int documents;
  private boolean stopped;

  final List<Manifest> manifests = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  private int order;

  /** Adds the documents of a YAML text; {@code source} names it in problems. */
  void readYaml(String source, String text) {
    if (stopped) {
      return;
    }
    int docNumber = 0;
    boolean aliases = YamlAliases.mayHoldAliases(text);
    try (JsonParser parser = Yaml.MAPPER.getFactory().createParser(text)) {
      while (true) {
        JsonLocation start;
        try {
          if (parser.nextToken() == null) {
            break;
          }
          start = parser.currentTokenLocation();
          docNumber++;
          if (++documents > MAX_DOCUMENTS) {
            stopped = true;
            problems.add(
                Problem.builder(INPUT_LIMIT)
                    .source(source + "#" + docNumber + " (line " + start.getLineNr() + ")")
                    .order(order++)
                    .message(
                        "not read: one run reads at most "
                            + MAX_DOCUMENTS
                            + " documents; this and the documents after it were not read")
                    .expected("validate fewer documents per run")
                    .build());
            return;
          }
          String where = source + "#" + docNumber + " (line " + start.getLineNr() + ")";
          JsonNode doc;
          if (aliases) {
            try {
              doc = YamlAliases.read((YAMLParser) parser);
            } catch (YamlAliases.AliasException e) {
              problems.add(
                  Problem.builder("yaml-alias")
                      .source(source + ":" + e.line)
                      .order(order++)
                      .message(e.getMessage())
                      .expected(
                          "aliases to anchors defined earlier in the same document, within the"
                              + " limit; documents after this point were not read")
                      .build());
              return;
            }
          } else {
            doc = Yaml.MAPPER.readTree(parser);
          }
          if (hasNonFiniteNumber(doc, 0)) {
            // 1e400 reads as infinity, which no check can compare: say so, with the place.
            problems.add(
                Problem.builder("yaml-number")
                    .source(where)
                    .order(order++)
                    .message(
                        "a number in this document is too large to represent (it reads as"
                            + " infinity); the document was not checked")
                    .expected("a number within range, or the value quoted as text")
                    .build()
                    .at(source, start.getLineNr(), start.getColumnNr()));
            continue;
          }
          int before = manifests.size();
          int problemsBefore = problems.size();
          addDocument(where, doc);
          for (int i = before; i < manifests.size(); i++) {
            Manifest m = manifests.get(i);
            m.text = text;
            m.file = source;
            m.documentNumber = docNumber;
          }
          for (int i = problemsBefore; i < problems.size(); i++) {
            problems.set(i, problems.get(i).at(source, start.getLineNr(), start.getColumnNr()));
          }
        } catch (JsonProcessingException e) {
          JsonLocation where = e.getLocation();
          String line = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
          problems.add(
              Problem.builder("yaml-syntax")
                  .source(source + line)
                  .order(order++)
                  .message("YAML syntax error: " + describeSyntaxError(e.getOriginalMessage()))
                  .expected("well-formed YAML; documents after this point were not read")
                  .build());
          return;
        }
      }
    } catch (IOException e) {
      problems.add(
          Problem.builder(UNREADABLE)
              .source(source)
              .order(order++)
              .message("cannot read: " + e.getMessage())
              .build());
    }
  }

  /** Whether a tree holds a number that overflowed to infinity (or is not a number at all). */
  private static boolean hasNonFiniteNumber(JsonNode node, int depth) {
    if (node == null || depth > 1000) {
      return false;
    }
    if (node.isFloatingPointNumber()) {
      return !Double.isFinite(node.doubleValue());
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (hasNonFiniteNumber(child, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Adds one already-parsed document (from the renderer). */
  void addDocument(String source, JsonNode doc) {
    if (doc == null
        || doc.isNull()
        || doc.isMissingNode()
        || (doc.isTextual() && doc.asText().isEmpty())) {
      // An empty YAML document (a lone ---, a document of only comments, a trailing ---) holds no
      // object; the YAML parser gives some of them as null and others as an empty scalar.
      return;
    }
    if (!doc.isObject()) {
      problems.add(
          Problem.builder("not-an-object")
              .source(source)
              .order(order++)
              .message(
                  "document is not a Kubernetes object but a "
                      + doc.getNodeType().name().toLowerCase(Locale.ROOT))
              .expected("a mapping with apiVersion, kind and metadata")
              .build());
      return;
    }
    if ("List".equals(doc.path("kind").asText()) && doc.path("items").isArray()) {
      // kubectl's v1 List: each item is an object of its own.
      JsonNode items = doc.path("items");
      for (int i = 0; i < items.size(); i++) {
        int before = manifests.size();
        addDocument(source + " items[" + i + "]", items.get(i));
        for (int j = before; j < manifests.size(); j++) {
          Manifest item = manifests.get(j);
          item.itemPath =
              FieldPaths.index("items", i) + (item.itemPath.isEmpty() ? "" : "." + item.itemPath);
        }
      }
      return;
    }
    manifests.add(new Manifest(doc, source, order++));
  }

  /**
   * Adds files and directories: {@code .yaml} and {@code .yml} files, directories recursed in
   * sorted order, {@code kustomization.yaml} skipped (it is a kustomize build file, not an object).
   * Read through {@link InputFiles}: never through a link, only regular files, each within {@link
   * InputFiles#MAX_FILE_BYTES} and all within {@link InputFiles#MAX_TOTAL_BYTES}; every part that
   * is not read becomes an {@code unreadable} problem (or {@code input-limit} once the total is
   * passed) and the rest is read.
   */
  void readPaths(List<Path> paths) {
    InputFiles.read(
        paths,
        ManifestReader::isManifestFile,
        new InputFiles.Sink() {
          @Override
          public void file(Path file, String text) {
            readYaml(file.toString(), text);
          }

          @Override
          public void refused(Path path, RefusedFileException refusal) {
            problems.add(
                Problem.builder(UNREADABLE)
                    .source(path.toString())
                    .order(order++)
                    .message(
                        refusal.reason() == RefusedFileException.Reason.MISSING
                            ? "cannot read: no such file"
                            : refusal.what())
                    .expected(refusal.hint())
                    .build());
          }

          @Override
          public void limitReached(Path path, long limit) {
            stopped = true;
            problems.add(
                Problem.builder(INPUT_LIMIT)
                    .source(path.toString())
                    .order(order++)
                    .message(
                        "not read: the inputs of one run may hold at most "
                            + limit
                            + " bytes; this and the files after it were not read")
                    .expected("validate fewer or smaller files per run")
                    .build());
          }
        });
  }

  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("kustomization.yaml") || name.equals("kustomization.yml")) {
      return false;
    }
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * The parser's own words without its quote of the input: YAML parsers append the offending line
   * (indented, after an "in 'reader'" line), which could be a credential in a broken Secret.
   */
  static String describeSyntaxError(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\n")) {
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "; ").append(line.trim());
    }
    return out.length() == 0 ? "unreadable YAML" : out.toString();
  }
}
