package io.saltlab.core.write;

import static io.saltlab.core.internal.write.FileTrees.describe;

import io.saltlab.core.internal.write.ContentFiles;
import io.saltlab.core.internal.write.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An output folder {@code DIR}, written one target folder ({@code DIR/<name>}) at a time, safely;
 * the one writer behind {@code saltlab render}, the Maven plugin and {@code
 * Manifests.writeDirectory}.
 *
 * <ul>
 *   <li>Only one saltlab writes into {@code DIR} at a time: {@link #open} holds an OS lock on
 *       {@code DIR/.saltlab.lock}; a second writer waits briefly, then fails with a clear message.
 *   <li>A target folder is replaced whole: the new content is built in the sibling {@code
 *       DIR/.<name>.saltlab-new}, then the old folder is renamed to {@code DIR/.<name>.saltlab-old}
 *       and the new one into place. A crash before the first rename leaves the old folder; after
 *       the second, the new one; between the two, the old folder waits under its temporary name and
 *       the next run (under the lock) puts it back before doing anything else. Readers never see a
 *       mix of old and new files.
 *   <li>Files saltlab did not write (see {@link GeneratedFiles#isGenerated}), in the folder or any
 *       sub-folder, are carried over unchanged; a generated file whose name is taken by such a file
 *       is refused. Generated files may live in sub-folders.
 *   <li>When every file is already there with the same bytes and no stale generated file is left,
 *       nothing is touched, not even modification times. Unchanged files of a changed folder are
 *       copied with their times, so tools that look at times see only real changes.
 * </ul>
 */
public final class OutputFolder implements AutoCloseable {

  /** The lock file's name inside {@code DIR}. */
  public static final String LOCK_FILE = ".saltlab.lock";

  /** How long {@link #open(Path)} waits for another writer: ten seconds. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputFolder(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /** A held read lock; closing it releases the lock and throws nothing. */
  public interface ReadGuard extends AutoCloseable {
    /** Releases the lock. */
    @Override
    void close();
  }

  /**
   * Creates {@code dir} if needed and takes its lock, waiting up to {@link #DEFAULT_WAIT}.
   *
   * @param dir the output folder
   * @return the locked folder; close it to release the lock
   * @throws FolderException when the lock stays held or the folder cannot be created
   */
  public static OutputFolder open(Path dir) {
    return open(dir, DEFAULT_WAIT);
  }

  /**
   * Creates {@code dir} if needed and takes its lock.
   *
   * @param dir the output folder
   * @param wait how long to wait for another saltlab holding the lock
   * @return the locked folder; close it to release the lock
   * @throws FolderException when the lock stays held or the folder cannot be created
   */
  public static OutputFolder open(Path dir, Duration wait) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new FolderException(
          "cannot create output folder " + dir + ": " + describe(e),
          "check the path and its permissions, or choose another output folder");
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new FolderException(
          "cannot open lock file " + lockFile + ": " + describe(e),
          "check the folder's permissions, or choose another output folder");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel, false);
        if (lock != null) {
          return new OutputFolder(dir, channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          closeQuietly(channel);
          throw new FolderException(
              "another saltlab is writing into " + dir + " (lock " + lockFile + " is held)",
              "wait for it to finish and run again; the lock is released when that process ends");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new FolderException("interrupted while waiting for the lock on " + dir, "run again");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new FolderException(
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
   * @throws FolderException when a writer keeps the lock longer than {@code wait}
   */
  public static ReadGuard readLock(Path dir, Duration wait) {
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
          throw new FolderException(
              "a saltlab render is writing into " + dir + " (lock " + lockFile + " is held)",
              "run the check again when it has finished");
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new FolderException("interrupted while waiting for the lock on " + dir, "run again");
    } catch (IOException e) {
      closeQuietly(channel);
      return () -> {};
    }
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
   * Replaces the target folder {@code DIR/<name>} with the generated files, keeping user files.
   *
   * @param name the target folder's name, such as {@code 1.36}
   * @param files the generated files, as rendered
   * @return what changed
   * @throws FolderException when a user file is in the way or the folder cannot be written
   */
  public WriteResult write(String name, FolderFiles files) {
    Set<String> paths = files.paths();
    Path target = dir.resolve(name);
    Path fresh = dir.resolve("." + name + ".saltlab-new");
    Path old = dir.resolve("." + name + ".saltlab-old");
    try {
      recover(target, fresh, old);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FolderException(
            target + " exists and is not a folder", "move it away or choose another output folder");
      }
      Map<String, Path> existingGenerated = new TreeMap<>();
      Map<String, Path> userEntries = new TreeMap<>();
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        FileTrees.scan(target, existingGenerated, userEntries);
      }
      for (String user : userEntries.keySet()) {
        if (paths.contains(user) || paths.stream().anyMatch(f -> f.startsWith(user + "/"))) {
          throw new FolderException(
              "refusing to overwrite "
                  + userEntries.get(user)
                  + ": saltlab did not write it (it does not start with '"
                  + GeneratedFiles.HEADER_PREFIX.trim()
                  + "')",
              "rename or move that file, then render again");
        }
      }
      // Compared and written a file at a time, never as one text: a lab's stream may be larger
      // than the heap allows twice.
      List<String> written = new ArrayList<>();
      Set<String> unchanged = new HashSet<>();
      for (String path : paths) {
        Path existing = existingGenerated.get(path);
        if (existing != null && ContentFiles.sameBytes(existing, files.content(path))) {
          unchanged.add(path);
        } else {
          written.add(path);
        }
      }
      int kept = unchanged.size();
      List<String> removed = new ArrayList<>();
      for (String fileName : existingGenerated.keySet()) {
        if (!paths.contains(fileName)) {
          removed.add(fileName);
        }
      }
      if (written.isEmpty() && removed.isEmpty() && Files.isDirectory(target)) {
        return new WriteResult(target, false, written, removed, kept, userEntries.size());
      }
      FileTrees.deleteRecursively(fresh);
      Files.createDirectory(fresh);
      for (String path : paths) {
        Path out = fresh.resolve(path);
        Files.createDirectories(out.getParent());
        if (unchanged.contains(path)) {
          Path existing = existingGenerated.get(path);
          Files.copy(existing, out, StandardCopyOption.COPY_ATTRIBUTES);
          // COPY_ATTRIBUTES may round the time to microseconds; keep it exact.
          Files.setLastModifiedTime(out, Files.getLastModifiedTime(existing));
        } else {
          ContentFiles.writeDurably(out, files.content(path));
          if (path.endsWith(".sh")) {
            FileTrees.makeExecutable(out);
          }
        }
      }
      for (Map.Entry<String, Path> user : userEntries.entrySet()) {
        Path to = fresh.resolve(user.getKey());
        Files.createDirectories(to.getParent());
        FileTrees.copyRecursively(user.getValue(), to);
      }
      FileTrees.syncDirectory(fresh);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.syncDirectory(dir);
        FileTrees.deleteRecursively(old);
      } else {
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.syncDirectory(dir);
      }
      return new WriteResult(target, true, written, removed, kept, userEntries.size());
    } catch (IOException e) {
      throw new FolderException(
          "cannot write " + target + ": " + describe(e),
          "check free space and permissions; the previous content of " + target + " is unchanged");
    }
  }

  /** Undoes what a crashed run left behind: a half-built folder, or a swap stopped halfway. */
  private static void recover(Path target, Path fresh, Path old) throws IOException {
    if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        FileTrees.deleteRecursively(old);
      }
    }
    FileTrees.deleteRecursively(fresh);
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

  /**
   * The output folder {@code DIR}.
   *
   * @return the folder this writer holds the lock of
   */
  public Path directory() {
    return dir;
  }
}
