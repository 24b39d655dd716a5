package io.saltlab.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Maps a function over a list, item by item, on every core when the list is long, and returns the
 * results in the list's order, so that output never depends on scheduling.
 *
 * <p>The render stages are independent per object (each role's workload, each object's tree and
 * YAML, each document's schema check); only the order of the results matters, and it is kept. Short
 * lists are mapped on the calling thread, where starting other threads would cost more than it
 * saves. The function must not depend on the order in which items are processed.
 */
public final class InOrder {

  /** Below this many items the calling thread does all the work. */
  public static final int PARALLEL_THRESHOLD = 256;

  private InOrder() {}

  /**
   * Applies a function to each item.
   *
   * @param items the items
   * @param function what to do with one item; called once per item, possibly on several threads
   * @param <T> the item type
   * @param <R> the result type
   * @return the results, in the order of the items
   */
  public static <T, R> List<R> map(
      List<? extends T> items, Function<? super T, ? extends R> function) {
    int n = items.size();
    if (n < PARALLEL_THRESHOLD) {
      List<R> out = new ArrayList<>(n);
      for (T item : items) {
        out.add(function.apply(item));
      }
      return out;
    }
    Object[] out = new Object[n];
    IntStream.range(0, n).parallel().forEach(i -> out[i] = function.apply(items.get(i)));
    @SuppressWarnings("unchecked")
    List<R> results = (List<R>) Arrays.asList(out);
    return results;
  }
}
