package io.saltlab.core.internal;

/**
 * The Levenshtein distance between two words, behind every "did you mean" hint (unknown schema
 * fields, unknown spec keys), so that all of them measure closeness the same way.
 */
public final class EditDistance {

  private EditDistance() {}

  /**
   * How many single-character insertions, deletions or substitutions turn one word into the other.
   *
   * @param a a word
   * @param b another word
   * @return the distance, 0 for equal words
   */
  public static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
