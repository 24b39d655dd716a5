package io.saltlab.core.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads multi-document YAML from strings, files and directories into {@link Manifest}s. Anything
 * unreadable becomes a {@link Problem} naming the file (and line), never an exception.
 */
final class ManifestReader {

  /**
   * Built on first read of a text: the renderer validates trees it made, and building a mapper is a
   * large part of a cold start.
   */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();
  }

  final List<Manifest> manifests = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  private int order;

  /** Adds the documents of a YAML text; {@code source} names it in problems. */
  void readYaml(String source, String text) {
    int docNumber = 0;
    try (JsonParser parser = Yaml.MAPPER.getFactory().createParser(text)) {
      while (true) {
        JsonLocation start;
        try {
          if (parser.nextToken() == null) {
            break;
          }
          start = parser.currentTokenLocation();
          docNumber++;
          JsonNode doc = Yaml.MAPPER.readTree(parser);
          int before = manifests.size();
          int problemsBefore = problems.size();
          addDocument(source + "#" + docNumber + " (line " + start.getLineNr() + ")", doc);
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
          Problem.builder("unreadable")
              .source(source)
              .order(order++)
              .message("cannot read: " + e.getMessage())
              .build());
    }
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
   */
  void readPaths(List<Path> paths) {
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p)) {
          files =
              walk.filter(Files::isRegularFile)
                  .filter(ManifestReader::isManifestFile)
                  .sorted()
                  .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
          problems.add(
              Problem.builder("unreadable")
                  .source(p.toString())
                  .order(order++)
                  .message("cannot list directory: " + describe(e))
                  .build());
          continue;
        }
        files.forEach(this::readFile);
      } else {
        readFile(p);
      }
    }
  }

  private void readFile(Path file) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(
          Problem.builder("unreadable")
              .source(file.toString())
              .order(order++)
              .message("cannot read: not UTF-8 text")
              .build());
      return;
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.builder("unreadable")
              .source(file.toString())
              .order(order++)
              .message("cannot read: " + describe(e))
              .build());
      return;
    }
    readYaml(file.toString(), text);
  }

  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("kustomization.yaml") || name.equals("kustomization.yml")) {
      return false;
    }
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String describe(Exception e) {
    String type = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? type : type + ": " + e.getMessage();
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
