package io.saltlab.core.check;

import java.util.List;

/**
 * How a committed target folder differs from what would be rendered now.
 *
 * @param changed generated files whose bytes differ, relative paths
 * @param missing files that would be rendered but are not in the folder
 * @param extra generated files in the folder that would not be rendered any more
 * @param blocked paths where a link, folder or special file of the user's stands in place of a
 *     generated file; never opened, so never shown
 * @param diff a unified diff of the changed files, Secret data values hidden and control characters
 *     made visible; a file that may hold a Secret it cannot parse is named, not shown
 * @param unfinishedWrite true when a render was interrupted after its commit and the folder waits
 *     for the next render to finish it
 * @param uncompared values that could not be compared because the secrets they derive from were not
 *     available, as {@code file: key}; everything around them was compared
 */
public record Drift(
    List<String> changed,
    List<String> missing,
    List<String> extra,
    List<String> blocked,
    String diff,
    boolean unfinishedWrite,
    List<String> uncompared) {

  /** Copies the lists, so a drift never changes. */
  public Drift {
    changed = List.copyOf(changed);
    missing = List.copyOf(missing);
    extra = List.copyOf(extra);
    blocked = List.copyOf(blocked);
    uncompared = List.copyOf(uncompared);
  }

  /**
   * Whether the folder holds exactly what would be rendered (files of the user's aside).
   *
   * @return true when nothing changed, is missing, blocked or extra
   */
  public boolean isClean() {
    return changed.isEmpty() && missing.isEmpty() && extra.isEmpty() && blocked.isEmpty();
  }
}
