package io.saltlab.cli;

import io.saltlab.core.render.Manifests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output folder {@code DIR}, written one target folder ({@code DIR/<V>}) at a time, safely:
 *
 * <ul>
 *   <li>Only one saltlab writes into {@code DIR} at a time: {@link #lock} holds an OS lock on
 *       {@code DIR/.saltlab.lock}; a second writer waits briefly, then fails with a clear message.
 *   <li>A target folder is replaced whole: the new content is built in the sibling {@code
 *       DIR/.<V>.saltlab-new}, then the old folder is renamed to {@code DIR/.<V>.saltlab-old} and
 *       the new one into place. A crash before the first rename leaves the old folder; after the
 *       second, the new one; between the two, the old folder waits under its temporary name and the
 *       next run (under the lock) puts it back before doing anything else. Readers never see a mix
 *       of old and new files.
 *   <li>Files saltlab did not write (those not starting with {@link Manifests#HEADER_PREFIX} or
 *       {@link Manifests#MARKDOWN_HEADER_PREFIX}, after a {@code #!} line for scripts), in the
 *       folder or any sub-folder, are carried over unchanged; a rendered file whose name is taken
 *       by such a file is refused. Generated files may live in sub-folders ({@code cluster/}).
 *   <li>When every rendered file is already there with the same bytes and no stale generated file
 *       is left, nothing is touched, not even modification times. Unchanged files of a changed
 *       folder are copied with their times, so tools that look at times see only real changes.
 * </ul>
 */
final class OutputFolder implements AutoCloseable {

  /** The lock file's name inside {@code DIR}. */
  static final String LOCK_FILE = ".saltlab.lock";

  private static final byte[] YAML_HEADER =
      Manifests.HEADER_PREFIX.getBytes(StandardCharsets.UTF_8);
  private static final byte[] MD_HEADER =
      Manifests.MARKDOWN_HEADER_PREFIX.getBytes(StandardCharsets.UTF_8);
  private static final byte[] SHEBANG = "#!".getBytes(StandardCharsets.UTF_8);

  /** Enough of a file to see a #! line and the header after it. */
  private static final int HEAD_BYTES = 512;

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputFolder(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** A held lock that releases without checked exceptions (closing the channel releases it). */
  interface Guard extends AutoCloseable {
    @Override
    void close();
  }

  /** What writing one target folder did. */
  record Result(
      Path folder,
      boolean changed,
      List<String> written,
      List<String> removed,
      int kept,
      int userFiles) {}

  /**
   * Creates {@code dir} if needed and takes its lock.
   *
   * @param dir the output folder
   * @param wait how long to wait for another saltlab holding the lock
   * @return the locked folder; close it to release the lock
   * @throws CliException when the lock stays held or the folder cannot be created
   */
  static OutputFolder lock(Path dir, Duration wait) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CliException(
          "cannot create output folder " + dir + ": " + describe(e),
          "check the path and its permissions, or choose another folder with --out");
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new CliException(
          "cannot open lock file " + lockFile + ": " + describe(e),
          "check the folder's permissions, or choose another folder with --out");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return new OutputFolder(dir, channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          closeQuietly(channel);
          throw new CliException(
              "another saltlab is writing into " + dir + " (lock " + lockFile + " is held)",
              "wait for it to finish and run again; the lock is released when that process ends");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new CliException("interrupted while waiting for the lock on " + dir, "run again");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new CliException(
          "cannot lock " + lockFile + ": " + describe(e),
          "use a local folder; some network file systems do not support locks");
    }
  }

  /**
   * Waits until no saltlab is writing into {@code dir} and keeps writers out while open, so a
   * reader never looks at a folder in the middle of its swap. Reads only: when no lock file exists,
   * no writer ever ran and nothing is created.
   *
   * @param dir the output folder
   * @param wait how long to wait for a writer to finish
   * @return a guard to close when done reading
   * @throws CliException when a writer keeps the lock longer than {@code wait}
   */
  static Guard readLock(Path dir, Duration wait) {
    Path lockFile = dir.resolve(LOCK_FILE);
    if (!Files.isRegularFile(lockFile)) {
      return () -> {};
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.READ);
    } catch (IOException e) {
      // Unreadable lock file: read without it rather than refuse to check.
      return () -> {};
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel, true);
        if (lock != null) {
          return () -> closeQuietly(channel);
        }
        if (System.nanoTime() >= deadline) {
          closeQuietly(channel);
          throw new CliException(
              "a saltlab render is writing into " + dir + " (lock " + lockFile + " is held)",
              "run check again when it has finished");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new CliException("interrupted while waiting for the lock on " + dir, "run again");
    } catch (IOException e) {
      closeQuietly(channel);
      return () -> {};
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    return tryLock(channel, false);
  }

  private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
    try {
      return channel.tryLock(0L, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException e) {
      // Held by this same JVM (another thread or an embedding tool): same as another process.
      return null;
    }
  }

  /**
   * Whether content was written by saltlab, judged by its first bytes.
   *
   * @param content a file's bytes
   * @return true when it starts with a saltlab header
   */
  static boolean isGenerated(byte[] content) {
    byte[] rest = content;
    if (startsWith(content, SHEBANG)) {
      // A script's header follows its #! line.
      int eol = 0;
      while (eol < content.length && content[eol] != '\n') {
        eol++;
      }
      rest = Arrays.copyOfRange(content, Math.min(eol + 1, content.length), content.length);
    }
    return startsWith(rest, YAML_HEADER) || startsWith(rest, MD_HEADER);
  }

  /**
   * Replaces the target folder {@code DIR/<name>} with the rendered files, keeping user files.
   *
   * @param name the target folder's name, such as {@code 1.36}
   * @param files file name to content, as rendered
   * @return what changed
   * @throws CliException when a user file is in the way or the folder cannot be written
   */
  Result write(String name, Map<String, String> files) {
    for (String file : files.keySet()) {
      checkRelativeName(file);
    }
    Path target = dir.resolve(name);
    Path fresh = dir.resolve("." + name + ".saltlab-new");
    Path old = dir.resolve("." + name + ".saltlab-old");
    try {
      recover(target, fresh, old);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new CliException(
            target + " exists and is not a folder",
            "move it away or choose another folder with --out");
      }
      Map<String, Path> existingGenerated = new TreeMap<>();
      Map<String, Path> userEntries = new TreeMap<>();
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        scan(target, existingGenerated, userEntries);
      }
      for (String user : userEntries.keySet()) {
        if (files.containsKey(user)
            || files.keySet().stream().anyMatch(f -> f.startsWith(user + "/"))) {
          throw new CliException(
              "refusing to overwrite "
                  + userEntries.get(user)
                  + ": saltlab did not write it (it does not start with '"
                  + Manifests.HEADER_PREFIX.trim()
                  + "')",
              "rename or move that file, then render again");
        }
      }
      List<String> written = new ArrayList<>();
      int kept = 0;
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path existing = existingGenerated.get(e.getKey());
        if (existing != null && Arrays.equals(Files.readAllBytes(existing), bytes(e.getValue()))) {
          kept++;
        } else {
          written.add(e.getKey());
        }
      }
      List<String> removed = new ArrayList<>();
      for (String fileName : existingGenerated.keySet()) {
        if (!files.containsKey(fileName)) {
          removed.add(fileName);
        }
      }
      if (written.isEmpty() && removed.isEmpty() && Files.isDirectory(target)) {
        return new Result(target, false, written, removed, kept, userEntries.size());
      }
      deleteRecursively(fresh);
      Files.createDirectory(fresh);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path out = fresh.resolve(e.getKey());
        Files.createDirectories(out.getParent());
        Path existing = existingGenerated.get(e.getKey());
        if (existing != null && !written.contains(e.getKey())) {
          Files.copy(existing, out, StandardCopyOption.COPY_ATTRIBUTES);
          // COPY_ATTRIBUTES may round the time to microseconds; keep it exact.
          Files.setLastModifiedTime(out, Files.getLastModifiedTime(existing));
        } else {
          writeDurably(out, bytes(e.getValue()));
          if (e.getKey().endsWith(".sh")) {
            makeExecutable(out);
          }
        }
      }
      for (Map.Entry<String, Path> user : userEntries.entrySet()) {
        Path to = fresh.resolve(user.getKey());
        Files.createDirectories(to.getParent());
        copyRecursively(user.getValue(), to);
      }
      syncDirectory(fresh);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        deleteRecursively(old);
      } else {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
      }
      return new Result(target, true, written, removed, kept, userEntries.size());
    } catch (IOException e) {
      throw new CliException(
          "cannot write " + target + ": " + describe(e),
          "check free space and permissions; the previous content of " + target + " is unchanged");
    }
  }

  /**
   * Sorts what a target folder holds into saltlab's files and the user's, by relative path with '/'
   * separators. Sub-folders are walked, so generated files may live in them (the cluster's
   * scripts); a user's empty folder or anything that is not a regular file (a link) is kept whole.
   */
  static void scan(Path root, Map<String, Path> generated, Map<String, Path> user)
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
            if (attrs.isRegularFile() && isGenerated(head(f))) {
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

  private static void checkRelativeName(String file) {
    if (file.isEmpty() || file.startsWith("/") || file.contains("\\") || file.endsWith("/")) {
      throw new IllegalArgumentException(
          "rendered file name '" + file + "' is not a relative file name");
    }
    for (String segment : file.split("/")) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "rendered file name '" + file + "' is not a relative file name");
      }
    }
  }

  /** Generated scripts are run by Vagrant and by hand; a checkout keeps the bit in git too. */
  private static void makeExecutable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): nothing to set.
    }
  }

  /** Undoes what a crashed run left behind: a half-built folder, or a swap stopped halfway. */
  private static void recover(Path target, Path fresh, Path old) throws IOException {
    if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteRecursively(old);
      }
    }
    deleteRecursively(fresh);
  }

  private static byte[] head(Path file) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(HEAD_BYTES);
      while (buffer.hasRemaining() && in.read(buffer) > 0) {
        // keep reading until the header length or end of file
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes and forces to disk, so the rename that publishes the folder never exposes empty files.
   */
  private static void writeDurably(Path file, byte[] content) throws IOException {
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
   */
  private static void syncDirectory(Path directory) {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Not supported here (for example on Windows); the rename is still atomic.
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
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
   * Copies a user's file with its modification time to the nanosecond: COPY_ATTRIBUTES rounds it to
   * microseconds, and a changed time is a touched file to tools (make, rsync, backups).
   */
  private static void copyExactly(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    if (!Files.isSymbolicLink(to)) {
      Files.setLastModifiedTime(to, Files.getLastModifiedTime(from, LinkOption.NOFOLLOW_LINKS));
    }
  }

  static void deleteRecursively(Path path) throws IOException {
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

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing releases nothing more than the handle; nothing to report.
    }
  }

  /** Releases the lock; the lock file stays, since deleting it would race with a waiting writer. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // The lock goes with the channel anyway.
    } finally {
      closeQuietly(channel);
    }
  }

  /** The output folder {@code DIR}. */
  Path directory() {
    return dir;
  }
}
