package io.saltlab.core.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places problems at the {@code file:line:column} of their field. Only the texts that have problems
 * are read again, each once, after validation: a clean validation pays nothing for positions.
 */
final class Locator {

  /** Made only when some problem needs a position: a clean validation never loads the parser. */
  private static final class Yaml {
    static final YAMLFactory FACTORY = new YAMLFactory();
  }

  private Locator() {}

  /** A line and column, 1-based. */
  private record Position(int line, int column) {}

  /**
   * The problems, those of documents read from text placed at their field (a missing field at the
   * nearest enclosing one that exists); the others unchanged.
   */
  static List<Problem> place(List<Problem> problems, List<Manifest> manifests) {
    Map<Integer, Manifest> byOrder = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.text != null) {
        byOrder.put(m.order, m);
      }
    }
    if (byOrder.isEmpty()) {
      return problems;
    }
    // text -> document number -> paths wanted in that document
    Map<String, Map<Integer, Set<String>>> wanted = new IdentityHashMap<>();
    Map<String, String> fileOfText = new IdentityHashMap<>();
    for (Problem p : problems) {
      Manifest m = byOrder.get(p.documentOrder());
      if (m == null || p.location().isPresent()) {
        continue;
      }
      fileOfText.put(m.text, m.file);
      Set<String> paths =
          wanted
              .computeIfAbsent(m.text, t -> new HashMap<>())
              .computeIfAbsent(m.documentNumber, n -> new HashSet<>());
      for (String prefix : FieldPaths.withParents(documentPath(m, p.path()))) {
        paths.add(prefix);
      }
    }
    Map<String, Map<Integer, Map<String, Position>>> found = new IdentityHashMap<>();
    wanted.forEach((text, docs) -> found.put(text, positions(text, docs)));
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      Manifest m = byOrder.get(p.documentOrder());
      if (m == null || p.location().isPresent()) {
        out.add(p);
        continue;
      }
      Map<String, Position> doc = found.get(m.text).getOrDefault(m.documentNumber, Map.of());
      Position at = null;
      for (String prefix : FieldPaths.withParents(documentPath(m, p.path()))) {
        at = doc.get(prefix);
        if (at != null) {
          break;
        }
      }
      out.add(at == null ? p : p.at(fileOfText.get(m.text), at.line(), at.column()));
    }
    return out;
  }

  private static String documentPath(Manifest m, String path) {
    if (m.itemPath.isEmpty()) {
      return path;
    }
    return path.isEmpty() ? m.itemPath : m.itemPath + "." + path;
  }

  /** Positions of the wanted paths (the empty path is the document itself) of some documents. */
  private static Map<Integer, Map<String, Position>> positions(
      String text, Map<Integer, Set<String>> wanted) {
    Map<Integer, Map<String, Position>> out = new HashMap<>();
    try (JsonParser parser = Yaml.FACTORY.createParser(text)) {
      int doc = 0;
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        doc++;
        Set<String> paths = wanted.get(doc);
        if (paths == null) {
          parser.skipChildren();
          continue;
        }
        Map<String, Position> positions = new HashMap<>();
        out.put(doc, positions);
        record(positions, paths, "", parser.currentTokenLocation());
        walk(parser, t, "", paths, positions);
        if (out.size() == wanted.size()) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The text was read once already; whatever could not be placed keeps its document source.
    }
    return out;
  }

  /** Walks the value starting at the current token, recording the positions of wanted paths. */
  private static void walk(
      JsonParser parser,
      JsonToken start,
      String at,
      Set<String> paths,
      Map<String, Position> positions)
      throws IOException {
    if (start == JsonToken.START_OBJECT) {
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String child = FieldPaths.child(at, parser.currentName());
        JsonLocation where = parser.currentTokenLocation();
        JsonToken value = parser.nextToken();
        if (paths.contains(child)) {
          record(positions, paths, child, where);
          walk(parser, value, child, paths, positions);
        } else {
          parser.skipChildren();
        }
      }
    } else if (start == JsonToken.START_ARRAY) {
      int i = 0;
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
        String child = FieldPaths.index(at, i++);
        if (paths.contains(child)) {
          record(positions, paths, child, parser.currentTokenLocation());
          walk(parser, t, child, paths, positions);
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private static void record(
      Map<String, Position> positions, Set<String> paths, String path, JsonLocation where) {
    if (paths.contains(path)) {
      positions.put(path, new Position(where.getLineNr(), where.getColumnNr()));
    }
  }
}
