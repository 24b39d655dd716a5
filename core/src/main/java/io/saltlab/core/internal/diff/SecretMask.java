package io.saltlab.core.internal.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Hides the values under {@code data} and {@code stringData} of every Secret in YAML text before
 * the text is shown (diffs of {@code check}), so that credentials never reach a terminal or a CI
 * log.
 *
 * <p>By meaning, not by spelling: each document is parsed with a YAML parser, and every mapping in
 * it whose {@code kind} resolves to {@code Secret} (however quoted, escaped, tagged, aliased,
 * indented or written as JSON or flow style, and inside {@code List} items) has the source text of
 * each of its data values replaced, wherever that value is written (an anchor elsewhere in the
 * document included). The rest of the text keeps its exact form, so the diff still reads like the
 * file. A document that does not parse but could hold a Secret (it spells the word in some form, or
 * the other side of the diff is a Secret) makes the whole pair opaque: reported as changed, never
 * shown.
 *
 * <p>Two texts are masked as a pair so that a changed value still shows as a changed line: a value
 * present on both sides becomes {@code <hidden>}, a value present on one side only becomes {@code
 * <hidden, LABEL value>}.
 */
public final class SecretMask {

  /** Deepest nesting parsed; deeper documents are treated as unparseable (and so opaque). */
  static final int MAX_DEPTH = 100;

  private SecretMask() {}

  /**
   * The two sides of a comparison, masked.
   *
   * @param oldText the old side without Secret values
   * @param newText the new side without Secret values
   * @param opaque true when one side could not be parsed and may hold a Secret: then neither text
   *     may be shown, only that the file changed (both texts are empty)
   */
  public record Pair(String oldText, String newText, boolean opaque) {}

  /**
   * Masks two versions of one file.
   *
   * @param oldText the old side
   * @param oldLabel what to call a value only on the old side, such as {@code committed}
   * @param newText the new side
   * @param newLabel what to call a value only on the new side, such as {@code rendered}
   * @return both texts with every Secret value replaced, or an opaque pair
   */
  public static Pair maskPair(String oldText, String oldLabel, String newText, String newLabel) {
    SecretSpans.Found before = SecretSpans.find(oldText);
    SecretSpans.Found after = SecretSpans.find(newText);
    // Facing a Secret, a side that does not parse is suspicious whatever it spells: it is the
    // Secret's file, broken.
    if (after.secrets() > 0 && !before.suspicious()) {
      before = SecretSpans.find(oldText, true);
    }
    if (before.secrets() > 0 && !after.suspicious()) {
      after = SecretSpans.find(newText, true);
    }
    if (before.suspicious() || after.suspicious()) {
      return new Pair("", "", true);
    }
    Set<String> oldValues = values(before);
    Set<String> newValues = values(after);
    return new Pair(
        replace(oldText, before.spans(), newValues, oldLabel),
        replace(newText, after.spans(), oldValues, newLabel),
        false);
  }

  /**
   * Masks one text on its own: every Secret value becomes {@code <hidden>}.
   *
   * @param text YAML text, possibly several documents
   * @return the text without Secret values, or empty when it may hold a Secret it cannot parse
   */
  public static String mask(String text) {
    SecretSpans.Found found = SecretSpans.find(text);
    return found.suspicious() ? "" : replace(text, found.spans(), null, null);
  }

  /**
   * Whether a text holds a Secret by meaning, or may hold one in a part that does not parse.
   *
   * @param text YAML text
   * @return true when masking could hide something in it
   */
  public static boolean mayHoldSecret(String text) {
    SecretSpans.Found found = SecretSpans.find(text);
    return found.suspicious() || found.secrets() > 0;
  }

  private static Set<String> values(SecretSpans.Found found) {
    Set<String> values = new HashSet<>();
    for (SecretSpans.Span s : found.spans()) {
      values.add(s.identity());
    }
    return values;
  }

  /**
   * The text with each span replaced. Overlapping spans (an anchored value inside another value)
   * are merged; a merged span is "shared" only when all its parts are.
   */
  private static String replace(
      String text, List<SecretSpans.Span> spans, Set<String> otherSide, String label) {
    if (spans.isEmpty()) {
      return text;
    }
    List<SecretSpans.Span> sorted = new ArrayList<>(spans);
    sorted.sort(
        (a, b) ->
            a.start() != b.start() ? Integer.compare(a.start(), b.start()) : b.end() - a.end());
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    int i = 0;
    while (i < sorted.size()) {
      SecretSpans.Span first = sorted.get(i);
      int start = first.start();
      int end = first.end();
      boolean shared = otherSide == null || otherSide.contains(first.identity());
      i++;
      while (i < sorted.size() && sorted.get(i).start() < end) {
        end = Math.max(end, sorted.get(i).end());
        shared &= otherSide == null || otherSide.contains(sorted.get(i).identity());
        i++;
      }
      if (start < at) {
        start = at;
      }
      out.append(text, at, start);
      out.append(shared ? "<hidden>" : "<hidden, " + label + " value>");
      // Keep the line breaks a multi-line value ended with, so the next key stays on its line.
      int keep = end;
      while (keep > start && (text.charAt(keep - 1) == '\n' || text.charAt(keep - 1) == '\r')) {
        keep--;
      }
      out.append(text, keep, end);
      at = end;
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** YAML parser settings for masking: every duplicate key kept, bounded depth and aliases. */
  static Yaml parser() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    return new Yaml(options);
  }

  /**
   * Lower-cases for the loose comparisons of kinds and keys: the API server's JSON decoding of old
   * releases matched field names case-insensitively, so {@code Data} may be data.
   */
  static String loose(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
