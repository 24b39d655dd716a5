package io.saltlab.core.internal.customize;

import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.internal.files.SafeRead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a patch or object file a spec names, relative to the spec's folder, as hostile input: the
 * path stays inside that folder, no folder on the way is a symbolic link, and the file itself is
 * read by {@link SafeRead} (a regular file, never a link, FIFO, device or kernel file, at most
 * {@link YamlTrees#MAX_CHARS} bytes, strict UTF-8). A refusal is an {@link
 * IllegalArgumentException} whose message names the path and what would be right, never content.
 */
public final class PatchFiles {

  private PatchFiles() {}

  /**
   * Reads a file.
   *
   * @param folder the spec's folder
   * @param relative the path as the spec writes it
   * @return the file's text
   * @throws IllegalArgumentException naming the file and the reason it is refused
   */
  public static String read(Path folder, String relative) {
    Path rel;
    try {
      rel = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + relative + "' is not a file path");
    }
    if (relative.isEmpty() || rel.isAbsolute() || rel.normalize().startsWith("..")) {
      throw new IllegalArgumentException(
          "'"
              + relative
              + "' must be a path relative to the spec file's folder and inside it, for example"
              + " patches/orders.yaml");
    }
    Path base = folder.toAbsolutePath().normalize();
    Path file = base.resolve(rel).normalize();
    requireRealFolders(relative, base, file);
    try {
      return SafeRead.utf8(file, YamlTrees.MAX_CHARS);
    } catch (RefusedFileException e) {
      throw new IllegalArgumentException(refusal(relative, file, e));
    }
  }

  /**
   * Checks each folder between the spec's folder and the file without following links: a linked
   * folder on the way could lead anywhere. The file itself is {@link SafeRead}'s to check.
   */
  private static void requireRealFolders(String relative, Path base, Path file) {
    Path inside = base.relativize(file);
    Path at = base;
    for (int i = 0; i < inside.getNameCount() - 1; i++) {
      at = at.resolve(inside.getName(i));
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(
            "'" + relative + "' does not exist (looked for " + file + ")");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "'" + relative + "' cannot be read (" + e.getClass().getSimpleName() + ")");
      }
      if (a.isSymbolicLink()) {
        throw new IllegalArgumentException(
            "'"
                + relative
                + "' is or passes through a symbolic link ("
                + at
                + "); give the file"
                + " itself");
      }
      if (!a.isDirectory()) {
        throw new IllegalArgumentException(
            "'" + relative + "' passes through " + at + ", which is not a folder");
      }
    }
  }

  private static String refusal(String relative, Path file, RefusedFileException e) {
    switch (e.reason()) {
      case MISSING:
        return "'" + relative + "' does not exist (looked for " + file + ")";
      case LINK:
        return "'"
            + relative
            + "' is or passes through a symbolic link ("
            + file
            + "); give the"
            + " file itself";
      case TOO_LARGE:
        return "'"
            + relative
            + "' "
            + e.what()
            + "; a patch or object file is at most "
            + YamlTrees.MAX_CHARS
            + " bytes (1 MiB)";
      default:
        return "'" + relative + "' " + e.what() + "; expected a YAML file (" + e.hint() + ")";
    }
  }
}
