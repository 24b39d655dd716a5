package io.saltlab.core.validate;

import io.saltlab.core.internal.EditDistance;
import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt field and kind names. */
final class Hints {

  private Hints() {}

  /**
   * The candidate closest to a misspelt word: equal ignoring case first, otherwise the nearest by
   * edit distance when it is near enough to be a plausible typo; null when none is.
   */
  static String closest(String word, Collection<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equalsIgnoreCase(word)) {
        return c;
      }
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, word.length() / 4));
    return bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance, shared with every other "did you mean" hint. */
  static int distance(String a, String b) {
    return EditDistance.levenshtein(a, b);
  }
}
