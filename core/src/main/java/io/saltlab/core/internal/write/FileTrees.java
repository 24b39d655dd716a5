package io.saltlab.core.internal.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** File-system steps of the output folder writer: deletion without following links, syncs. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Best effort: Linux persists a rename or a new name only once the folder itself is synced; not
   * every OS allows it.
   *
   * @param directory the folder to sync
   */
  public static void syncDirectory(Path directory) {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Not supported here (for example on Windows); the rename is still atomic.
    }
  }

  /**
   * Deletes a regular file or a link (never what it points to); anything else is left.
   *
   * @param path what to delete
   * @throws IOException when it cannot be deleted
   */
  public static void deleteIfFile(Path path) throws IOException {
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
      Files.deleteIfExists(path);
    }
  }

  /**
   * Deletes a file or a folder tree; links are deleted, never followed.
   *
   * @param path what to delete; nothing happens when it does not exist
   * @throws IOException when something cannot be deleted
   */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * An I/O failure in words: its type and message.
   *
   * @param e the failure
   * @return for example {@code AccessDeniedException (/x)}
   */
  public static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
