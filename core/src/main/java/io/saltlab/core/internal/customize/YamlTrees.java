package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads patches and extra objects given as YAML (or JSON) text, with bounds: size, nesting, no
 * anchors or aliases, no duplicate keys. A malformed text is an {@link IllegalArgumentException}
 * with the line and column.
 */
public final class YamlTrees {
  /** Largest text accepted, in characters: far above any patch or object, far below harm. */
  public static final int MAX_CHARS = 1 << 20;

  /** Deepest nesting accepted; Kubernetes objects need about 15. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper YAML = mapper();

  private YamlTrees() {}

  private static ObjectMapper mapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setMaxAliasesForCollections(0);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_CHARS);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_CHARS)
                    .maxStringLength(MAX_CHARS)
                    .build())
            .build();
    return YAMLMapper.builder(factory).build();
  }

  /**
   * Reads every document of a text.
   *
   * @param source how messages name the text
   * @param text YAML or JSON
   * @return the documents, empty ones left out
   * @throws IllegalArgumentException naming the source, line and column when the text is too large
   *     or malformed
   */
  public static List<JsonNode> documents(String source, String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          source + " is larger than " + MAX_CHARS + " characters; a patch or object is a few KB");
    }
    List<JsonNode> docs = new ArrayList<>();
    try (JsonParser parser = YAML.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        JsonNode doc = YAML.readTree(parser);
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new IllegalArgumentException(
          source + where + ": malformed YAML: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": unreadable: " + e.getMessage(), e);
    }
    return docs;
  }

  /**
   * Reads a text holding exactly one document.
   *
   * @param source how messages name the text
   * @param text YAML or JSON
   * @return the document
   * @throws IllegalArgumentException when the text is malformed or holds no or several documents
   */
  public static JsonNode document(String source, String text) {
    List<JsonNode> docs = documents(source, text);
    if (docs.size() != 1) {
      throw new IllegalArgumentException(
          source + " holds " + docs.size() + " YAML documents; a patch is exactly one");
    }
    return docs.get(0);
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
