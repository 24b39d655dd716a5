package io.saltlab.core.internal.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values under {@code data} and {@code stringData} of every Secret in YAML text before
 * the text is shown (diffs of {@code check}), so that credentials never reach a terminal or a CI
 * log.
 *
 * <p>Works on text, not on a parsed tree, because files on disk may be hand-edited or broken and
 * must still be shown safely. A document is a Secret when it has a top-level {@code kind: Secret}
 * line; within it every line indented under a top-level {@code data:} or {@code stringData:} key is
 * masked. Two texts are masked as a pair so that a changed value still shows as a changed line: a
 * value present on both sides becomes {@code <hidden>}, a value present on one side only becomes
 * {@code <hidden, LABEL value>}.
 */
public final class SecretMask {
  private static final Pattern KIND_SECRET =
      Pattern.compile("kind:\\s*[\"']?Secret[\"']?\\s*(#.*)?");
  private static final Pattern DATA_KEY = Pattern.compile("(data|stringData):\\s*(#.*)?");
  private static final Pattern FLOW_DATA = Pattern.compile("(data|stringData):\\s*(\\S.*)");
  private static final Pattern ENTRY =
      Pattern.compile("(\\s+(?:-\\s+)?)([^:#]+|\"[^\"]*\"|'[^']*'):(?:\\s+(.*))?");

  private SecretMask() {}

  /** The two sides of a comparison, masked. */
  public record Pair(String oldText, String newText) {}

  /**
   * Masks two versions of one file.
   *
   * @param oldText the old side
   * @param oldLabel what to call a value only on the old side, such as {@code on disk}
   * @param newText the new side
   * @param newLabel what to call a value only on the new side, such as {@code rendered}
   * @return both texts with every Secret value replaced
   */
  public static Pair maskPair(String oldText, String oldLabel, String newText, String newLabel) {
    Set<String> oldEntries = entries(oldText);
    Set<String> newEntries = entries(newText);
    return new Pair(mask(oldText, newEntries, oldLabel), mask(newText, oldEntries, newLabel));
  }

  /**
   * Masks one text on its own: every Secret value becomes {@code <hidden>}.
   *
   * @param text YAML text, possibly several documents
   * @return the text without Secret values
   */
  public static String mask(String text) {
    return mask(text, null, null);
  }

  /** The {@code key=value} pairs of every Secret's data in the text, used to pair masks. */
  private static Set<String> entries(String text) {
    Set<String> entries = new HashSet<>();
    walk(text, (key, value) -> entries.add(key + "\u0000" + value), null);
    return entries;
  }

  private static String mask(String text, Set<String> otherSide, String label) {
    StringBuilder out = new StringBuilder(text.length());
    walk(text, null, new Masker(otherSide, label, out));
    return out.toString();
  }

  /** Receives data entries. */
  private interface EntrySink {
    void entry(String key, String value);
  }

  /** Writes masked text. */
  private static final class Masker {
    private final Set<String> otherSide;
    private final String label;
    private final StringBuilder out;

    Masker(Set<String> otherSide, String label, StringBuilder out) {
      this.otherSide = otherSide;
      this.label = label;
      this.out = out;
    }

    void plain(String line) {
      out.append(line);
    }

    void entry(String prefix, String key, String value) {
      boolean shared = otherSide == null || otherSide.contains(key + "\u0000" + value);
      out.append(prefix).append(key).append(": ");
      out.append(shared ? "<hidden>" : "<hidden, " + label + " value>");
    }
  }

  /**
   * Walks the documents of a text, reporting each Secret data entry to {@code sink} and writing the
   * text with masked entries to {@code masker} (either may be null).
   */
  private static void walk(String text, EntrySink sink, Masker masker) {
    List<String> lines = splitKeepingEnds(text);
    int docStart = 0;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || (i > docStart && isSeparator(lines.get(i)))) {
        document(lines.subList(docStart, i), sink, masker);
        docStart = i;
      }
    }
  }

  private static boolean isSeparator(String line) {
    return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
  }

  private static void document(List<String> lines, EntrySink sink, Masker masker) {
    boolean secret = false;
    for (String line : lines) {
      if (KIND_SECRET.matcher(stripEnd(line)).matches()) {
        secret = true;
        break;
      }
    }
    boolean inData = false;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      String content = stripEnd(line);
      String ending = line.substring(content.length());
      boolean topLevel =
          !content.isEmpty()
              && !Character.isWhitespace(content.charAt(0))
              && !content.startsWith("#");
      if (topLevel) {
        inData = secret && DATA_KEY.matcher(content).matches();
        Matcher flow = FLOW_DATA.matcher(content);
        if (secret && !inData && flow.matches()) {
          // data written inline ({key: value}): hide the whole value.
          if (sink != null) {
            sink.entry(flow.group(1), flow.group(2));
          }
          if (masker != null) {
            masker.entry("", flow.group(1), flow.group(2));
            masker.plain(ending);
          }
          i++;
          continue;
        }
      }
      Matcher m = ENTRY.matcher(content);
      if (inData && !topLevel && m.matches()) {
        String prefix = m.group(1);
        String key = m.group(2).trim();
        StringBuilder value = new StringBuilder(m.group(3) == null ? "" : m.group(3));
        // Block scalars and continuation lines are more indented than the key: they are part of
        // the value and hidden with it.
        int j = i + 1;
        while (j < lines.size() && isContinuation(stripEnd(lines.get(j)), prefix.length())) {
          value.append('\n').append(stripEnd(lines.get(j)).trim());
          j++;
        }
        if (sink != null) {
          sink.entry(key, value.toString());
        }
        if (masker != null) {
          masker.entry(prefix, key, value.toString());
          masker.plain(endingOf(lines, j - 1));
        }
        i = j;
        continue;
      }
      if (masker != null) {
        if (inData && !topLevel && !content.isBlank()) {
          // Something under data that is not a key (a broken file): hide it whole.
          masker.plain(
              content.substring(0, content.length() - content.stripLeading().length())
                  + "<hidden>"
                  + ending);
        } else {
          masker.plain(line);
        }
      }
      i++;
    }
  }

  private static String endingOf(List<String> lines, int index) {
    String line = lines.get(index);
    return line.substring(stripEnd(line).length());
  }

  private static boolean isContinuation(String content, int keyIndent) {
    if (content.isEmpty()) {
      return false;
    }
    int indent = content.length() - content.stripLeading().length();
    return indent > keyIndent;
  }

  private static String stripEnd(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  private static List<String> splitKeepingEnds(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        lines.add(text.substring(start, k + 1));
        start = k + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
