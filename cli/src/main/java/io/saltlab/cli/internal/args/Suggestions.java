package io.saltlab.cli.internal.args;

import io.saltlab.core.internal.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" candidates for a misspelt option, command or choice. */
public final class Suggestions {

  /** At most this many words are suggested. */
  private static final int MAX = 2;

  private Suggestions() {}

  /**
   * The candidates close to a word: the same ignoring case, one the word begins (an abbreviation
   * such as {@code --tar}), or within a small edit distance (a typo such as {@code --targt}),
   * nearest first.
   *
   * @param word what the user typed
   * @param candidates the words that exist
   * @return at most two candidates
   */
  public static List<String> closest(String word, Collection<String> candidates) {
    String typed = strip(word).toLowerCase(Locale.ROOT);
    if (typed.isEmpty()) {
      return List.of();
    }
    // one slip in a short word; two (a swapped pair) from four letters; at most three
    int allowed = typed.length() < 4 ? 1 : Math.min(3, Math.max(2, typed.length() / 3));
    List<Scored> scored = new ArrayList<>();
    for (String c : candidates) {
      String candidate = strip(c).toLowerCase(Locale.ROOT);
      int d = EditDistance.levenshtein(typed, candidate);
      if (typed.length() >= 2 && candidate.startsWith(typed)) {
        d = Math.min(d, 1);
      }
      if (d <= allowed && (candidate.length() > 1 || d == 0)) {
        scored.add(new Scored(c, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::word));
    List<String> best = new ArrayList<>();
    for (Scored s : scored) {
      if (best.size() < MAX && !best.contains(s.word())) {
        best.add(s.word());
      }
    }
    return best;
  }

  private static String strip(String word) {
    int i = 0;
    while (i < word.length() && word.charAt(i) == '-') {
      i++;
    }
    int eq = word.indexOf('=');
    return eq > i ? word.substring(i, eq) : word.substring(i);
  }

  private record Scored(String word, int distance) {}
}
