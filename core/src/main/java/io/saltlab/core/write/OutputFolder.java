package io.saltlab.core.write;

import static io.saltlab.core.internal.write.FileTrees.describe;

import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.internal.write.FolderLock;
import io.saltlab.core.internal.write.TargetWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * An output folder {@code DIR}, written one target folder ({@code DIR/<name>}) at a time, safely;
 * the one writer behind {@code saltlab render}, the Maven plugin and {@code
 * Manifests.writeDirectory}.
 *
 * <ul>
 *   <li>Only one saltlab writes into {@code DIR} at a time: {@link #open} holds an OS lock on
 *       {@code DIR/.saltlab.lock}; a second writer waits briefly, then fails with a clear message.
 *       A reader ({@link #readLock}) waits for a write to finish and keeps writers out meanwhile.
 *   <li>saltlab's own files are recognised by their header ({@link GeneratedFiles}); everything
 *       else in the folder is the user's and is never opened, copied, moved, truncated or re-moded:
 *       links, FIFOs and other special files included. A generated file whose place is taken by one
 *       of those is refused. The folder itself and its sub-folders are never replaced, so their
 *       modes stay the user's and a process working inside them (a log being appended, {@code
 *       vagrant up} in {@code cluster/}) never notices a render.
 *   <li>A write is committed by a journal: new and changed files are staged beside the folder, a
 *       journal naming them is renamed into place, then each file is renamed over its old version
 *       (an atomic replace) and stale generated files are deleted. A write killed before the commit
 *       leaves the folder as it was; after it, the next write (or {@link #recover}) finishes it
 *       before doing anything else. Readers holding the read lock never see a write halfway.
 *   <li>When every file is already there with the same bytes and no stale generated file is left,
 *       nothing is touched, not even modification times; unchanged files of a changed folder are
 *       not touched either.
 *   <li>Modes: a rewritten file keeps its mode (a user's chmod survives); a new private file
 *       ({@link FolderFiles#isPrivate}) is 0600; a new script gets the execute bits the umask
 *       allows; other new files get the umask's default.
 * </ul>
 *
 * <p>A link is never followed: {@code DIR}, {@code DIR/<name>}, the lock file and every folder on
 * the way to a generated file must be real. See {@link Durability} for what survives a power loss.
 */
public final class OutputFolder implements AutoCloseable {

  /** The lock file's name inside {@code DIR}. */
  public static final String LOCK_FILE = ".saltlab.lock";

  /** How long {@link #open(Path)} waits for another writer: ten seconds. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final Path dir;
  private final FolderLock lock;
  private final Durability durability;

  private OutputFolder(Path dir, FolderLock lock, Durability durability) {
    this.dir = dir;
    this.lock = lock;
    this.durability = durability;
  }

  /** A held read lock; closing it releases the lock and throws nothing. */
  public interface ReadGuard extends AutoCloseable {
    /** Releases the lock. */
    @Override
    void close();
  }

  /**
   * Creates {@code dir} if needed and takes its lock, waiting up to {@link #DEFAULT_WAIT}; files
   * are not forced to disk ({@link Durability#STANDARD}).
   *
   * @param dir the output folder
   * @return the locked folder; close it to release the lock
   * @throws FolderException when the lock stays held or the folder cannot be created
   */
  public static OutputFolder open(Path dir) {
    return open(dir, DEFAULT_WAIT, Durability.STANDARD);
  }

  /**
   * Creates {@code dir} if needed and takes its lock; files are not forced to disk.
   *
   * @param dir the output folder
   * @param wait how long to wait for another saltlab holding the lock
   * @return the locked folder; close it to release the lock
   * @throws FolderException when the lock stays held or the folder cannot be created
   */
  public static OutputFolder open(Path dir, Duration wait) {
    return open(dir, wait, Durability.STANDARD);
  }

  /**
   * Creates {@code dir} if needed and takes its lock.
   *
   * @param dir the output folder; must not be a symbolic link
   * @param wait how long to wait for another saltlab holding the lock
   * @param durability whether writes force files to disk
   * @return the locked folder; close it to release the lock
   * @throws FolderException when {@code dir} is a link or a file, cannot be created, or the lock
   *     stays held
   */
  public static OutputFolder open(Path dir, Duration wait, Durability durability) {
    if (!requireFolder(dir)) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new FolderException(
            "cannot create output folder " + shown(dir) + ": " + describe(e),
            "check the path and its permissions, or choose another output folder");
      }
    }
    FolderLock lock = FolderLock.exclusive(dir, dir.resolve(LOCK_FILE), wait);
    return new OutputFolder(dir, lock, durability);
  }

  /**
   * Waits until no saltlab is writing into {@code dir} and keeps writers out while open, so a
   * reader never looks at a folder in the middle of a write. Reads only: when no lock file exists,
   * no writer ever ran and nothing is created.
   *
   * @param dir the output folder
   * @param wait how long to wait for a writer to finish
   * @return a guard to close when done reading
   * @throws FolderException when {@code dir} or its lock file is a link or not what it should be,
   *     or a writer keeps the lock longer than {@code wait}
   */
  public static ReadGuard readLock(Path dir, Duration wait) {
    if (!requireFolder(dir)) {
      return () -> {};
    }
    FolderLock lock = FolderLock.shared(dir, dir.resolve(LOCK_FILE), wait);
    return lock == null ? () -> {} : lock::close;
  }

  /** Whether {@code dir} exists as a real folder; refuses a link or a file. */
  private static boolean requireFolder(Path dir) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new FolderException(
          "cannot read output folder " + shown(dir) + ": " + describe(e),
          "check the path and its permissions");
    }
    if (a.isSymbolicLink()) {
      throw new FolderException(
          "output folder " + shown(dir) + " is a symbolic link; saltlab never follows links",
          "give the folder's real path, or choose another output folder");
    }
    if (!a.isDirectory()) {
      throw new FolderException(
          "output folder " + shown(dir) + " exists and is not a folder",
          "move it away or choose another output folder");
    }
    return true;
  }

  /**
   * Writes the target folder {@code DIR/<name>}: generated files replaced, added and removed,
   * everything of the user's left as it is.
   *
   * @param name the target folder's name, such as {@code 1.36}
   * @param files the generated files, as rendered
   * @return what changed
   * @throws FolderException when something of the user's is in the way or the folder cannot be
   *     written; the message says whether the old content is unchanged
   */
  public WriteResult write(String name, FolderFiles files) {
    checkName(name);
    Path target = dir.resolve(name);
    try {
      return new TargetWrite(dir, name, durability).write(files);
    } catch (IOException e) {
      throw new FolderException(
          "cannot write " + shown(target) + ": " + describe(e),
          "check free space and permissions; the previous content of "
              + shown(target)
              + " is unchanged and nothing half-built was left");
    }
  }

  /**
   * Finishes a write of {@code DIR/<name>} that was interrupted after its commit, or removes what
   * one interrupted before left; {@link #write} does this first anyway.
   *
   * @param name the target folder's name
   * @return true when an interrupted write was finished
   * @throws FolderException when the leftovers cannot be handled
   */
  public boolean recover(String name) {
    checkName(name);
    try {
      return new TargetWrite(dir, name, durability).recover();
    } catch (IOException e) {
      throw new FolderException(
          "cannot finish the interrupted write of " + shown(dir.resolve(name)) + ": " + describe(e),
          "check free space and permissions, then render again");
    }
  }

  /**
   * Whether a write of {@code DIR/<name>} was interrupted after its commit and not yet finished:
   * the folder then holds part of the old and part of the new files until the next write.
   *
   * @param dir the output folder
   * @param name the target folder's name
   * @return true when a committed journal waits
   */
  public static boolean hasUnfinishedWrite(Path dir, String name) {
    return Files.exists(TargetWrite.journalOf(dir, name), LinkOption.NOFOLLOW_LINKS);
  }

  private static void checkName(String name) {
    if (name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.contains("/")
        || name.contains("\\")
        || name.startsWith(".")) {
      throw new IllegalArgumentException(
          "target folder name '"
              + VisibleText.line(name)
              + "' is not a plain folder name; expected a name such as 1.36");
    }
  }

  private static String shown(Path p) {
    return VisibleText.line(p.toString());
  }

  /** Releases the lock; the lock file stays, since deleting it would race with a waiting writer. */
  @Override
  public void close() {
    lock.close();
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
