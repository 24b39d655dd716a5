package io.saltlab.core.internal.write;

import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.GeneratedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a target folder holds, sorted into saltlab's files and the user's, without following a link
 * and without opening anything but regular files (and of those only their first {@link
 * GeneratedFiles#HEAD_BYTES} bytes). Paths are relative, with '/' separators.
 */
public final class TargetScan {

  /**
   * A generated file found in the folder.
   *
   * @param path where it is
   * @param size its size in bytes
   */
  public record Generated(Path path, long size) {}

  private final Map<String, Generated> generated = new TreeMap<>();
  private final Set<String> userEntries = new TreeSet<>();
  private final Set<String> folders = new TreeSet<>();

  private TargetScan() {}

  /**
   * Scans a folder; a missing folder holds nothing.
   *
   * @param root the target folder, which must not be a link
   * @return what it holds
   * @throws IOException when a part of it cannot be read, so that nothing is decided blindly
   */
  public static TargetScan of(Path root) throws IOException {
    TargetScan scan = new TargetScan();
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return scan;
    }
    // Entries below MAX_DEPTH folders are visited as entries, never opened: a user's tree deeper
    // than the system's path limit (or merely large) is no business of the writer's.
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        FolderFiles.MAX_DEPTH + 1,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
            if (d.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            if (!nameable(root, d) || relative(root, d).length() > FolderFiles.MAX_PATH_CHARS) {
              // Nothing saltlab writes is in there: its paths are always nameable.
              scan.userEntries.add(relative(root, d));
              return FileVisitResult.SKIP_SUBTREE;
            }
            scan.folders.add(relative(root, d));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            // Links, FIFOs, devices and sockets are the user's and are never opened; so is a file
            // whose name this Java cannot spell, which saltlab never writes.
            if (attrs.isRegularFile()
                && nameable(root, f)
                && relative(root, f).length() <= FolderFiles.MAX_PATH_CHARS
                && GeneratedFiles.isGenerated(head(f))) {
              scan.generated.put(relative(root, f), new Generated(f, attrs.size()));
            } else {
              scan.userEntries.add(relative(root, f));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return scan;
  }

  /**
   * Saltlab's files by relative path.
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, Generated> generated() {
    return Collections.unmodifiableMap(generated);
  }

  /**
   * Everything else that is not a folder: the user's files, links and special files.
   *
   * @return an unmodifiable sorted set of relative paths
   */
  public Set<String> userEntries() {
    return Collections.unmodifiableSet(userEntries);
  }

  /**
   * The real folders below the root (never links).
   *
   * @return an unmodifiable sorted set of relative paths
   */
  public Set<String> folders() {
    return Collections.unmodifiableSet(folders);
  }

  /**
   * Whether a path's relative name, as text, leads back to it. Under a locale whose charset cannot
   * hold a name (a non-ASCII file under {@code LANG=C}), Java reads it with replacement characters
   * and can never name it again; saltlab's own file names are ASCII, so such an entry is the
   * user's.
   */
  private static boolean nameable(Path root, Path p) {
    try {
      return root.resolve(relative(root, p)).equals(p);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
  }

  /**
   * A regular file's first {@link GeneratedFiles#HEAD_BYTES} bytes, opened without following a
   * link.
   *
   * @param file the file
   * @return its first bytes
   * @throws IOException when it cannot be read
   */
  public static byte[] head(Path file) throws IOException {
    try (FileChannel in =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.allocate(GeneratedFiles.HEAD_BYTES);
      while (buffer.hasRemaining() && in.read(buffer) > 0) {
        // keep reading until the header length or end of file
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }
}
