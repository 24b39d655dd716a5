package io.saltlab.core.internal.write;

import io.saltlab.core.write.GeneratedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/** File-system steps of the output folder writer: sorting, copying, durable writes, deletion. */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Sorts what a target folder holds into saltlab's files and the user's, by relative path with '/'
   * separators. Sub-folders are walked, so generated files may live in them (the cluster's
   * scripts); a user's empty folder or anything that is not a regular file (a link) is kept whole.
   *
   * @param root the target folder
   * @param generated receives saltlab's files
   * @param user receives everything else
   * @throws IOException when the folder cannot be read
   */
  public static void scan(Path root, Map<String, Path> generated, Map<String, Path> user)
      throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!d.equals(root)) {
              try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isEmpty()) {
                  user.put(relative(root, d), d);
                  return FileVisitResult.SKIP_SUBTREE;
                }
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile() && GeneratedFiles.isGenerated(head(f))) {
              generated.put(relative(root, f), f);
            } else {
              user.put(relative(root, f), f);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
  }

  /**
   * A file's first {@link GeneratedFiles#HEAD_BYTES} bytes, or all of a shorter one.
   *
   * @param file a regular file
   * @return its first bytes
   * @throws IOException when it cannot be read
   */
  public static byte[] head(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(GeneratedFiles.HEAD_BYTES);
      while (buffer.hasRemaining() && in.read(buffer) > 0) {
        // keep reading until the header length or end of file
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }

  /**
   * Writes a new file and forces it to disk, so the rename that publishes the folder never exposes
   * empty files.
   *
   * @param file a file that must not exist yet
   * @param content its bytes
   * @throws IOException when it cannot be written
   */
  public static void writeDurably(Path file, byte[] content) throws IOException {
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
  }

  /**
   * Best effort: Linux persists a rename only once the folder itself is synced; not every OS allows
   * it.
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
   * Generated scripts are run by Vagrant and by hand; a checkout keeps the bit in git too.
   *
   * @param file the script
   * @throws IOException when the mode cannot be set
   */
  public static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): nothing to set.
    }
  }

  /**
   * Copies a file or folder tree exactly, links as links, times to the nanosecond.
   *
   * @param from what to copy
   * @param to where, which must not exist
   * @throws IOException when a copy fails
   */
  public static void copyRecursively(Path from, Path to) throws IOException {
    if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
                throws IOException {
              Files.copy(
                  d,
                  to.resolve(from.relativize(d).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES,
                  LinkOption.NOFOLLOW_LINKS);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
              copyExactly(f, to.resolve(from.relativize(f).toString()));
              return FileVisitResult.CONTINUE;
            }
          });
    } else {
      copyExactly(from, to);
    }
  }

  /**
   * Copies a file with its modification time to the nanosecond: COPY_ATTRIBUTES rounds it to
   * microseconds, and a changed time is a touched file to tools (make, rsync, backups).
   */
  private static void copyExactly(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    if (!Files.isSymbolicLink(to)) {
      Files.setLastModifiedTime(to, Files.getLastModifiedTime(from, LinkOption.NOFOLLOW_LINKS));
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
  public static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
