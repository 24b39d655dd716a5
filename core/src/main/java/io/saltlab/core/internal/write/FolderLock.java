package io.saltlab.core.internal.write;

import static io.saltlab.core.internal.write.FileTrees.describe;

import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.write.FolderException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * The OS lock on {@code DIR/.saltlab.lock} that keeps writers apart (exclusive) and readers away
 * from a write in progress (shared). The lock file is opened only when it is a regular file, never
 * through a link (a dangling link never makes saltlab create what it points to) and never when it
 * is a FIFO (which would block the open).
 */
public final class FolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the exclusive lock, creating the lock file if needed.
   *
   * @param dir the output folder, which must exist
   * @param lockFile the lock file inside it
   * @param wait how long to wait for another holder
   * @return the held lock
   * @throws FolderException when the lock file is not a regular file or the lock stays held
   */
  public static FolderLock exclusive(Path dir, Path lockFile, Duration wait) {
    refuseUnlessRegular(lockFile, true);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new FolderException(
          "cannot open lock file " + shown(lockFile) + ": " + describe(e),
          "check the folder's permissions, or choose another output folder");
    }
    return await(
        channel,
        false,
        wait,
        "another saltlab is writing into " + shown(dir) + " (lock " + shown(lockFile) + " is held)",
        "wait for it to finish and run again; the lock is released when that process ends");
  }

  /**
   * Takes the shared lock when a lock file exists; reads only.
   *
   * @param dir the output folder
   * @param lockFile the lock file inside it
   * @param wait how long to wait for a writer
   * @return the held lock, or null when there is no lock file (no writer ever ran)
   * @throws FolderException when the lock file is not a regular file or a writer keeps it
   */
  public static FolderLock shared(Path dir, Path lockFile, Duration wait) {
    if (!refuseUnlessRegular(lockFile, false)) {
      return null;
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      // Unreadable lock file: read without it rather than refuse to check.
      return null;
    }
    return await(
        channel,
        true,
        wait,
        "a saltlab render is writing into "
            + shown(dir)
            + " (lock "
            + shown(lockFile)
            + " is held)",
        "run the check again when it has finished");
  }

  /**
   * Refuses a lock file that is a link, FIFO or anything but a regular file.
   *
   * @return whether a lock file exists
   */
  private static boolean refuseUnlessRegular(Path lockFile, boolean forWriting) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new FolderException(
          "cannot read lock file " + shown(lockFile) + ": " + describe(e),
          "check the folder's permissions");
    }
    if (!a.isRegularFile()) {
      throw new FolderException(
          shown(lockFile)
              + " is "
              + (a.isSymbolicLink() ? "a symbolic link" : "not a regular file")
              + "; saltlab "
              + (forWriting ? "locks" : "reads")
              + " only a regular lock file and never follows links",
          "remove it; the next render creates it anew");
    }
    return true;
  }

  private static FolderLock await(
      FileChannel channel, boolean shared, Duration wait, String heldMessage, String heldHint) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel, shared);
        if (lock != null) {
          return new FolderLock(channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          closeQuietly(channel);
          throw new FolderException(heldMessage, heldHint);
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
      throw new FolderException("interrupted while waiting for a lock", "run again");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new FolderException(
          "cannot lock: " + describe(e),
          "use a local folder; some network file systems do not support locks");
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

  private static String shown(Path p) {
    return VisibleText.line(p.toString());
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
}
