package io.saltlab.core.validate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Builds the dotted field paths and compact values that problems show. */
final class FieldPaths {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  /** Only for showing values in problems: a clean validation never creates it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final int MAX_VALUE_LENGTH = 120;

  private FieldPaths() {}

  /** {@code base.key}, or {@code base["key"]} when the key is not a plain identifier. */
  static String child(String base, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return base.isEmpty() ? key : base + "." + key;
    }
    return base + "[" + quote(key) + "]";
  }

  /** {@code base.rest} for a literal dotted suffix such as {@code metadata.labels}. */
  static String sub(String base, String rest) {
    return base.isEmpty() ? rest : base + "." + rest;
  }

  /** {@code base[index]}. */
  static String index(String base, int index) {
    return base + "[" + index + "]";
  }

  /**
   * The path and each of its parents, longest first, ending with the empty path: {@code a.b[0]},
   * {@code a.b}, {@code a}, {@code ""}. Quoted keys ({@code labels["x.y/z"]}) are one segment.
   */
  static List<String> withParents(String path) {
    List<String> out = new ArrayList<>();
    out.add(path);
    boolean quoted = false;
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if ((c == '.' || c == '[') && i > 0) {
        cuts.add(i);
      }
    }
    for (int i = cuts.size() - 1; i >= 0; i--) {
      out.add(path.substring(0, cuts.get(i)));
    }
    if (!path.isEmpty()) {
      out.add("");
    }
    return out;
  }

  /** The first segment of a path: {@code data} for {@code data[".dockercfg"]}. */
  static String head(String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        end = i;
        break;
      }
    }
    return path.substring(0, end);
  }

  private static String quote(String key) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(key)) + "\"";
  }

  /** Compact text of a value: strings as they are, everything else as JSON, cut to a line. */
  static String render(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    String text;
    if (node.isTextual()) {
      text = node.asText();
    } else {
      try {
        text = Json.MAPPER.writeValueAsString(node);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        text = node.toString();
      }
    }
    text = text.replace('\n', ' ');
    if (text.length() > MAX_VALUE_LENGTH) {
      text = text.substring(0, MAX_VALUE_LENGTH - 3) + "...";
    }
    return text;
  }
}
