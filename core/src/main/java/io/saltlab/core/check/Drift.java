package io.saltlab.core.check;

import java.util.List;

/**
 * How a committed target folder differs from what would be rendered now.
 *
 * @param changed generated files whose bytes differ, relative paths
 * @param missing files that would be rendered but are not in the folder
 * @param extra generated files in the folder that would not be rendered any more
 * @param diff a unified diff of the changed files, Secret data values hidden and control characters
 *     made visible; empty when nothing changed
 */
public record Drift(List<String> changed, List<String> missing, List<String> extra, String diff) {

  /** Copies the lists, so a drift never changes. */
  public Drift {
    changed = List.copyOf(changed);
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
  }

  /**
   * Whether the folder holds exactly what would be rendered (files of the user's aside).
   *
   * @return true when nothing changed, is missing or is extra
   */
  public boolean isClean() {
    return changed.isEmpty() && missing.isEmpty() && extra.isEmpty();
  }
}
