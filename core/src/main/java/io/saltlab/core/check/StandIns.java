package io.saltlab.core.check;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a file rendered without some secrets that cannot be compared: those where two
 * renders with different stand-ins differ. The committed file's values are taken in their place
 * when the committed line has the same key at the same place, so that only real differences remain.
 */
final class StandIns {
  /** A YAML line {@code <indent><key>: <value>}, as saltlab writes data entries. */
  private static final Pattern ENTRY = Pattern.compile("(\\s*(?:- )?)([^:#\\s][^:]*): (\\S.*)");

  private StandIns() {}

  /**
   * The rendered text with each stand-in value replaced by the committed one where possible.
   *
   * @param rendered the file rendered with the first stand-ins
   * @param other the same file rendered with the second
   * @param committed the committed file's bytes
   * @param path the file's relative path, for {@code uncompared}
   * @param uncompared receives {@code path: key} for each value not compared
   * @return the text to compare the committed file with
   */
  static String adopt(
      String rendered, String other, byte[] committed, String path, List<String> uncompared) {
    List<String> a = lines(rendered);
    List<String> b = lines(other);
    if (a.size() != b.size()) {
      uncompared.add(path + ": (the whole file)");
      return rendered;
    }
    List<String> c = decode(committed);
    boolean sameShape = c != null && c.size() == a.size();
    StringBuilder out = new StringBuilder(rendered.length());
    for (int i = 0; i < a.size(); i++) {
      String line = a.get(i);
      if (!line.equals(b.get(i))) {
        Matcher m = ENTRY.matcher(line.strip().isEmpty() ? "" : withoutEnd(line));
        String key = m.matches() ? m.group(2) : "line " + (i + 1);
        uncompared.add(path + ": " + key);
        if (sameShape && m.matches()) {
          Matcher mc = ENTRY.matcher(withoutEnd(c.get(i)));
          if (mc.matches() && mc.group(1).equals(m.group(1)) && mc.group(2).equals(m.group(2))) {
            line = c.get(i);
          }
        }
      }
      out.append(line);
    }
    return out.toString();
  }

  private static String withoutEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** Lines with their line breaks, so that joining them gives the text back. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  private static List<String> decode(byte[] bytes) {
    try {
      return lines(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
