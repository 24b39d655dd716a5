package io.saltlab.core.validate;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for misspelt field and kind names. */
final class Hints {

  private Hints() {}

  /**
   * The candidate closest to a misspelt word: equal ignoring case first, otherwise the nearest
   * by edit distance when it is near enough to be a plausible typo; null when none is.
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

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
