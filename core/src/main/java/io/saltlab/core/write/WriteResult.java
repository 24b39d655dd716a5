package io.saltlab.core.write;

import java.nio.file.Path;
import java.util.List;

/**
 * What writing one target folder did.
 *
 * @param folder the target folder, {@code DIR/<name>}
 * @param changed whether anything on disk changed
 * @param written the generated files written anew or rewritten, relative paths with '/'
 * @param removed the stale generated files removed
 * @param kept how many generated files were already there with the same bytes
 * @param userFiles how many entries of the folder are the user's (left alone)
 */
public record WriteResult(
    Path folder,
    boolean changed,
    List<String> written,
    List<String> removed,
    int kept,
    int userFiles) {

  /** Copies the lists, so a result never changes. */
  public WriteResult {
    written = List.copyOf(written);
    removed = List.copyOf(removed);
  }
}
