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
 * @param kept how many generated files were already there with the same bytes (left untouched)
 * @param userFiles how many files, links and other entries of the folder are the user's (never
 *     opened, moved or copied)
 * @param exposedPrivateFiles private files (Secrets) whose mode, the user's and so kept, lets the
 *     group or others read them; worth a warning
 */
public record WriteResult(
    Path folder,
    boolean changed,
    List<String> written,
    List<String> removed,
    int kept,
    int userFiles,
    List<String> exposedPrivateFiles) {

  /** Copies the lists, so a result never changes. */
  public WriteResult {
    written = List.copyOf(written);
    removed = List.copyOf(removed);
    exposedPrivateFiles = List.copyOf(exposedPrivateFiles);
  }
}
