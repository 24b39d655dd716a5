package io.saltlab.core.internal.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes Jackson trees as block-style YAML with fixed, documented rules, so that the same tree
 * gives the same bytes on every JVM, locale and library upgrade.
 *
 * <p>Rules: two-space indentation; sequences under a key start at the key's column (the kubectl
 * style); in every mapping {@code apiVersion}, {@code kind}, {@code metadata}, {@code name} and
 * {@code namespace} come first, all other keys follow in code-point order; {@code null} fields are
 * left out; line feeds only. A string is written plain only when both YAML 1.1 and YAML 1.2 parsers
 * read it back as the same string (never a boolean, number, null, timestamp or structure);
 * multi-line strings become literal blocks when they can round-trip, otherwise every string is
 * double-quoted with escapes. The writer keeps no state between calls and is safe to share between
 * threads.
 */
public final class YamlWriter {

  private static final List<String> LEADING_KEYS =
      List.of("apiVersion", "kind", "metadata", "name", "namespace");

  /** Words that some YAML 1.1 or 1.2 resolver reads as a boolean or null, compared lower-case. */
  private static final Set<String> RESERVED_WORDS =
      Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "");

  /** Longest key written as an implicit key; YAML allows 1024 characters including quotes. */
  private static final int MAX_IMPLICIT_KEY = 1000;

  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("\\.(inf|nan)", Pattern.CASE_INSENSITIVE);

  /** The characters a plain scalar may hold: letters, digits and {@code -_./:=+@,} and space. */
  private static final boolean[] PLAIN_CHARS = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      PLAIN_CHARS[c] = true;
      PLAIN_CHARS[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      PLAIN_CHARS[c] = true;
    }
    for (char c : "-_./:=+@, ".toCharArray()) {
      PLAIN_CHARS[c] = true;
    }
  }

  /**
   * Mapping keys known plain or not: keys are field names and label keys that recur in every
   * document. Values are never kept (they may be Secret data); the cache stops growing at {@link
   * #KEY_CACHE_CAPACITY}.
   */
  private static final ConcurrentHashMap<String, Boolean> PLAIN_KEYS = new ConcurrentHashMap<>();

  private static final int KEY_CACHE_CAPACITY = 4096;

  private static final int KEY_CACHE_MAX_LENGTH = 128;

  /** Length of the longest {@link #RESERVED_WORDS} entry. */
  private static final int MAX_RESERVED_LENGTH = 5;

  private static final String SPACES =
      "                                                                ";

  /** Creates a writer; it has no settings because its output rules are fixed on purpose. */
  public YamlWriter() {}

  /**
   * Appends one YAML document (without a {@code ---} separator) for the given mapping.
   *
   * @param document a Jackson object node
   * @param out where the text goes
   */
  public void writeDocument(JsonNode document, StringBuilder out) {
    if (document.isObject()) {
      if (document.isEmpty()) {
        out.append("{}\n");
      } else {
        writeMapping(document, 0, out, false);
      }
    } else if (document.isArray()) {
      if (document.isEmpty()) {
        out.append("[]\n");
      } else {
        writeSequence(document, 0, out);
      }
    } else {
      appendScalar(document, 0, out);
      out.append('\n');
    }
  }

  /**
   * Returns one YAML document for the given tree.
   *
   * @param document a Jackson node
   * @return the YAML text, ending with a line feed
   */
  public String write(JsonNode document) {
    StringBuilder out = new StringBuilder(1024);
    writeDocument(document, out);
    return out.toString();
  }

  /**
   * Writes a string as a YAML scalar that every YAML 1.1 and 1.2 parser reads back unchanged.
   * Exposed for writers of other YAML files (Salt configuration) that must follow the same rules.
   *
   * @param value any string
   * @return the plain or double-quoted scalar, on one line
   */
  public static String quoteIfNeeded(String value) {
    return isPlainSafe(value) ? value : doubleQuoted(value);
  }

  private void writeMapping(JsonNode map, int indent, StringBuilder out, boolean firstInline) {
    boolean first = true;
    for (Map.Entry<String, JsonNode> field : orderedFields(map)) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value == null || value.isNull() || value.isMissingNode()) {
        continue;
      }
      if (!(first && firstInline)) {
        indent(out, indent);
      }
      first = false;
      if (key.length() > MAX_IMPLICIT_KEY) {
        // YAML limits implicit keys to 1024 characters; longer ones need the explicit form.
        out.append("? ");
        appendDoubleQuoted(key, out);
        out.append('\n');
        indent(out, indent);
      } else if (isPlainSafeKey(key)) {
        out.append(key);
      } else {
        appendDoubleQuoted(key, out);
      }
      out.append(':');
      if (value.isObject()) {
        if (value.isEmpty()) {
          out.append(" {}\n");
        } else {
          out.append('\n');
          writeMapping(value, indent + 2, out, false);
        }
      } else if (value.isArray()) {
        if (value.isEmpty()) {
          out.append(" []\n");
        } else {
          out.append('\n');
          writeSequence(value, indent, out);
        }
      } else {
        out.append(' ');
        appendScalar(value, indent + 2, out);
        out.append('\n');
      }
    }
    if (first && firstInline) {
      out.append("{}\n");
    }
  }

  private void writeSequence(JsonNode seq, int indent, StringBuilder out) {
    for (JsonNode item : seq) {
      indent(out, indent);
      out.append("- ");
      if (item.isObject()) {
        if (item.isEmpty()) {
          out.append("{}\n");
        } else {
          writeMapping(item, indent + 2, out, true);
        }
      } else if (item.isArray()) {
        if (item.isEmpty()) {
          out.append("[]\n");
        } else {
          out.setLength(out.length() - 1);
          out.append('\n');
          writeSequence(item, indent + 2, out);
        }
      } else {
        appendScalar(item, indent + 2, out);
        out.append('\n');
      }
    }
  }

  /** The fields of a mapping in output order; most mappings are in that order already. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of a generic type is made raw, then cast
  private static Map.Entry<String, JsonNode>[] orderedFields(JsonNode map) {
    Map.Entry<String, JsonNode>[] fields = new Map.Entry[map.size()];
    int n = 0;
    boolean sorted = true;
    for (Map.Entry<String, JsonNode> field : map.properties()) {
      if (n > 0 && sorted && compareKeys(fields[n - 1].getKey(), field.getKey()) > 0) {
        sorted = false;
      }
      fields[n++] = field;
    }
    if (!sorted) {
      Arrays.sort(fields, (a, b) -> compareKeys(a.getKey(), b.getKey()));
    }
    return fields;
  }

  private static int compareKeys(String a, String b) {
    int ra = leadingRank(a);
    int rb = leadingRank(b);
    if (ra >= 0 || rb >= 0) {
      return Integer.compare(ra < 0 ? Integer.MAX_VALUE : ra, rb < 0 ? Integer.MAX_VALUE : rb);
    }
    return a.compareTo(b);
  }

  /** The position of a key among {@link #LEADING_KEYS}, or -1. */
  private static int leadingRank(String key) {
    switch (key) {
      case "apiVersion":
        return 0;
      case "kind":
        return 1;
      case "metadata":
        return 2;
      case "name":
        return 3;
      case "namespace":
        return 4;
      default:
        return -1;
    }
  }

  private static void appendScalar(JsonNode node, int blockIndent, StringBuilder out) {
    if (node.isTextual()) {
      String text = node.textValue();
      if (isPlainSafe(text)) {
        out.append(text);
      } else if (!appendLiteralBlock(text, blockIndent, out)) {
        appendDoubleQuoted(text, out);
      }
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isInt() || node.isLong() || node.isShort()) {
      out.append(node.longValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      appendDoubleQuoted(node.asText(), out);
    }
  }

  private static boolean isPlainSafeKey(String key) {
    if (key.length() > KEY_CACHE_MAX_LENGTH) {
      return isPlainSafe(key);
    }
    Boolean known = PLAIN_KEYS.get(key);
    if (known == null) {
      known = isPlainSafe(key);
      if (PLAIN_KEYS.size() < KEY_CACHE_CAPACITY) {
        PLAIN_KEYS.put(key, known);
      }
    }
    return known;
  }

  /**
   * A plain scalar is only used for text made of safe characters that cannot be read as anything
   * but a string by a YAML 1.1 or 1.2 resolver: it starts with a letter, '/', '_' or '.' plus a
   * letter, holds no indicator sequence, and is not a reserved word. Anything else is quoted, which
   * costs two characters and removes every ambiguity.
   */
  static boolean isPlainSafe(String s) {
    int n = s.length();
    if (n == 0 || n > 1024) {
      return false;
    }
    char c0 = s.charAt(0);
    boolean startsOk =
        (c0 >= 'a' && c0 <= 'z')
            || (c0 >= 'A' && c0 <= 'Z')
            || c0 == '/'
            || c0 == '_'
            || (c0 == '.' && n > 1 && isLetter(s.charAt(1)) && !SPECIAL_FLOAT.matcher(s).matches());
    if (!startsOk) {
      return false;
    }
    char last = s.charAt(n - 1);
    if (last == ':' || last == ' ') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= PLAIN_CHARS.length || !PLAIN_CHARS[c]) {
        return false;
      }
      // ": " and "  " or " #" (checked on their second character) would end the scalar.
      if ((previous == ':' && c == ' ') || (previous == ' ' && (c == ' ' || c == '#'))) {
        return false;
      }
      previous = c;
    }
    // Every reserved word has at most 5 characters; longer text needs no lower-case copy.
    return n > MAX_RESERVED_LENGTH || !RESERVED_WORDS.contains(s.toLowerCase(Locale.ROOT));
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * A literal block keeps configuration files (Salt's master.d, top.sls) readable. It is only used
   * when every line is printable, the first line does not start with a space (which would need an
   * indentation indicator) and no character is a line break in YAML 1.1 but not 1.2.
   */
  private static boolean appendLiteralBlock(String s, int indent, StringBuilder out) {
    if (s.indexOf('\n') < 0 || s.startsWith(" ") || s.startsWith("\n")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        continue;
      }
      // U+FFFE and U+FFFF are outside YAML's printable set: parsers refuse them unescaped.
      if (c < 0x20 && c != '\t'
          || c == 0x7f
          || c == 0x85
          || c == 0x2028
          || c == 0x2029
          || c == 0xfeff
          || c == 0xfffe
          || c == 0xffff
          || Character.isSurrogate(c)
          || (c >= 0x80 && c < 0xa0)) {
        return false;
      }
    }
    // The body is the text without the one line feed the indicator stands for: "|" clips a single
    // final line feed, "|+" keeps all of them (the last line feed is the block's own), "|-" has
    // none.
    int bodyEnd = s.length();
    if (!s.endsWith("\n")) {
      out.append("|-");
    } else if (s.endsWith("\n\n")) {
      out.append("|+");
      bodyEnd--;
    } else {
      out.append('|');
      bodyEnd--;
    }
    int start = 0;
    while (true) {
      int lineFeed = s.indexOf('\n', start);
      int end = lineFeed < 0 || lineFeed > bodyEnd ? bodyEnd : lineFeed;
      out.append('\n');
      if (end > start) {
        indent(out, indent);
        out.append(s, start, end);
      }
      if (end == bodyEnd) {
        return true;
      }
      start = end + 1;
    }
  }

  private static String doubleQuoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    appendDoubleQuoted(s, out);
    return out.toString();
  }

  private static void appendDoubleQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          if (c < 0x20
              || c == 0x7f
              || (c >= 0x80 && c < 0xa0)
              || c == 0x2028
              || c == 0x2029
              || c == 0xfeff
              || c == 0xfffe
              || c == 0xffff
              || (Character.isSurrogate(c) && !isPairedSurrogate(s, i))) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void indent(StringBuilder out, int n) {
    int left = n;
    while (left > SPACES.length()) {
      out.append(SPACES);
      left -= SPACES.length();
    }
    out.append(SPACES, 0, left);
  }
}
