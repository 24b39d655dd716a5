package io.saltlab.topology.spec.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.saltlab.topology.spec.SpecProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses spec text into {@link SpecNode}s with hard limits, so a hostile or broken file fails fast
 * with a position instead of exhausting memory: bounded size, nesting depth and aliases (anchors
 * and aliases are refused outright: a spec has no use for them and they are how "billion laughs"
 * documents grow), duplicate keys refused, one document only.
 */
public final class SpecParser {
  /** Largest spec accepted, in characters: far above any lab, far below harm. */
  public static final int MAX_CHARS = 1 << 20;

  /** Deepest nesting accepted; a spec needs 4. */
  public static final int MAX_DEPTH = 20;

  private static final YAMLFactory FACTORY = factory();

  private final String source;
  private final List<SpecProblem> problems;
  private String path = "";

  private SpecParser(String source, List<SpecProblem> problems) {
    this.source = source;
    this.problems = problems;
  }

  private static YAMLFactory factory() {
    LoaderOptions loader = new LoaderOptions();
    // Duplicates are reported by SpecParser itself, with both lines.
    loader.setAllowDuplicateKeys(true);
    loader.setMaxAliasesForCollections(0);
    loader.setAllowRecursiveKeys(false);
    loader.setNestingDepthLimit(MAX_DEPTH);
    loader.setCodePointLimit(MAX_CHARS);
    YAMLFactory f =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxDocumentLength(MAX_CHARS)
                    .maxStringLength(MAX_CHARS)
                    .maxNumberLength(20)
                    .build())
            .build();
    return f;
  }

  /**
   * Parses one document.
   *
   * @param source file name for messages
   * @param text the spec
   * @param problems where problems go
   * @return the root node, or {@code null} when the text could not be parsed (a problem was added)
   */
  static SpecNode parse(String source, String text, List<SpecProblem> problems) {
    if (text.length() > MAX_CHARS) {
      problems.add(
          new SpecProblem(
              source,
              0,
              0,
              "",
              "the file is larger than "
                  + MAX_CHARS
                  + " characters; a lab spec is a few kilobytes"));
      return null;
    }
    SpecParser p = new SpecParser(source, problems);
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(
            new SpecProblem(
                source,
                1,
                1,
                "",
                "the file is empty; expected a lab spec such as examples/seed-lab.yaml"));
        return null;
      }
      SpecNode root = p.read((YAMLParser) parser, 1);
      if (root == null) {
        return null;
      }
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.add(
            new SpecProblem(
                source,
                at.getLineNr(),
                at.getColumnNr(),
                "",
                "a second YAML document; a spec file holds one lab (remove the '---' line)"));
        return null;
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problems.add(
          new SpecProblem(
              source,
              at == null ? 0 : at.getLineNr(),
              at == null ? 0 : at.getColumnNr(),
              p.path,
              "malformed YAML: " + firstLine(e.getOriginalMessage())));
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports its own limits (code points, aliases) as runtime exceptions.
      problems.add(
          new SpecProblem(
              source,
              0,
              0,
              p.path,
              "malformed YAML: " + firstLine(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  private SpecNode read(YAMLParser parser, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (parser.isCurrentAlias() || parser.getObjectId() != null) {
      problems.add(
          new SpecProblem(
              source,
              line,
              column,
              path,
              "YAML anchors and aliases (&name, *name) are not allowed in lab specs; write the"
                  + " value out"));
      return null;
    }
    if (parser.getTypeId() != null) {
      // A tag (!shell, !!binary, !!python/...) would otherwise be dropped silently and the value
      // read as if it were not there; a spec has no use for one.
      problems.add(
          new SpecProblem(
              source,
              line,
              column,
              path,
              "YAML tags ("
                  + parser.getTypeId()
                  + ") are not allowed in lab specs; write the plain value"
                  + " (quote it to make it text)"));
      return null;
    }
    if (depth > MAX_DEPTH) {
      problems.add(
          new SpecProblem(
              source,
              line,
              column,
              path,
              "nested deeper than " + MAX_DEPTH + " levels; a lab spec needs 4"));
      return null;
    }
    JsonToken t = parser.currentToken();
    switch (t) {
      case START_OBJECT:
        {
          SpecNode.Mapping map = new SpecNode.Mapping(line, column);
          String parent = path;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            path = parent.isEmpty() ? key : parent + "." + key;
            parser.nextToken();
            SpecNode value = read(parser, depth + 1);
            if (value == null) {
              return null;
            }
            SpecNode.Entry first = map.entries.get(key);
            if (first != null) {
              problems.add(
                  new SpecProblem(
                      source,
                      keyAt.getLineNr(),
                      keyAt.getColumnNr(),
                      path,
                      "duplicate key '" + key + "' (first at line " + first.line + "); keep one"));
            } else {
              map.entries.put(
                  key, new SpecNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            }
          }
          path = parent;
          return map;
        }
      case START_ARRAY:
        {
          List<SpecNode> items = new ArrayList<>();
          String parent = path;
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            path = parent + "[" + index++ + "]";
            SpecNode item = read(parser, depth + 1);
            if (item == null) {
              return null;
            }
            items.add(item);
          }
          path = parent;
          return new SpecNode.Sequence(line, column, items);
        }
      case VALUE_STRING:
        return new SpecNode.Scalar(line, column, SpecNode.Scalar.Type.STRING, parser.getText());
      case VALUE_NUMBER_INT:
        return new SpecNode.Scalar(line, column, SpecNode.Scalar.Type.INTEGER, parser.getText());
      case VALUE_NUMBER_FLOAT:
        return new SpecNode.Scalar(line, column, SpecNode.Scalar.Type.DECIMAL, parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new SpecNode.Scalar(line, column, SpecNode.Scalar.Type.BOOLEAN, parser.getText());
      case VALUE_NULL:
        return new SpecNode.Scalar(line, column, SpecNode.Scalar.Type.NULL, null);
      default:
        problems.add(
            new SpecProblem(source, line, column, path, "unsupported YAML value (" + t + ")"));
        return null;
    }
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").trim();
  }
}
