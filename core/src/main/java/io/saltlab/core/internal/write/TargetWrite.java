package io.saltlab.core.internal.write;

import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.write.Durability;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.GeneratedFiles;
import io.saltlab.core.write.WriteResult;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One write of one target folder {@code DIR/<name>}, file by file, so that nothing of the user's is
 * ever copied, moved or truncated and a process working inside the folder (a log being appended,
 * {@code vagrant up} in {@code cluster/}) never notices:
 *
 * <ol>
 *   <li>The new and changed generated files are written into the staging folder {@code
 *       DIR/.<name>.saltlab-new} (modes: the replaced file's, or 0600 for private files, or the
 *       umask's execute bits for scripts).
 *   <li>The journal {@code DIR/.<name>.saltlab-journal} is renamed into place: the commit.
 *   <li>Each staged file is renamed over its generated counterpart (an atomic replace), stale
 *       generated files are deleted, folders they emptied are removed; then the journal goes.
 * </ol>
 *
 * A crash before the commit leaves the folder exactly as it was (the next write deletes the staging
 * folder); after it, the next write finishes the steps, which can be done twice. A failure before
 * the commit (a full disk) removes everything it made.
 */
public final class TargetWrite {
  private final Path target;
  private final Path staging;
  private final Path journal;
  private final Path journalTemporary;
  private final Path legacyOld;
  private final boolean durable;

  /**
   * A write of {@code dir/name}.
   *
   * @param dir the output folder, locked by the caller
   * @param name the target folder's name
   * @param durability whether to force files to disk
   */
  public TargetWrite(Path dir, String name, Durability durability) {
    this.target = dir.resolve(name);
    this.staging = dir.resolve("." + name + ".saltlab-new");
    this.journal = dir.resolve("." + name + ".saltlab-journal");
    this.journalTemporary = dir.resolve("." + name + ".saltlab-journal.tmp");
    this.legacyOld = dir.resolve("." + name + ".saltlab-old");
    this.durable = durability == Durability.DURABLE;
  }

  /**
   * The journal's path, which a reader can look for to tell an interrupted write.
   *
   * @param dir the output folder
   * @param name the target folder's name
   * @return {@code DIR/.<name>.saltlab-journal}
   */
  public static Path journalOf(Path dir, String name) {
    return dir.resolve("." + name + ".saltlab-journal");
  }

  /**
   * Finishes a committed write an earlier run left, or removes what an uncommitted one left.
   *
   * @return true when a committed write was finished
   * @throws IOException when the leftovers cannot be handled
   */
  public boolean recover() throws IOException {
    boolean finished = false;
    Optional<Journal> pending;
    try {
      pending = Journal.read(journal);
    } catch (RefusedFileException e) {
      throw new FolderException(
          shown(journal) + " " + e.what() + "; it is not a journal saltlab wrote",
          "remove it, then render again");
    }
    if (pending.isPresent()) {
      apply(pending.get(), true);
      finished = true;
    }
    FileTrees.deleteIfFile(journal);
    FileTrees.deleteIfFile(journalTemporary);
    FileTrees.deleteRecursively(staging);
    // A folder swap of earlier saltlab versions stopped between its two renames.
    if (Files.isDirectory(legacyOld, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(legacyOld, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        FileTrees.deleteRecursively(legacyOld);
      }
    }
    return finished;
  }

  /**
   * Writes the files, keeping everything of the user's.
   *
   * @param files the generated files
   * @return what changed
   * @throws IOException when the folder cannot be written; before the commit nothing is left
   * @throws FolderException when something of the user's is in the way
   */
  public WriteResult write(FolderFiles files) throws IOException {
    recover();
    boolean exists = checkTarget();
    TargetScan scan = TargetScan.of(target);
    Set<String> paths = files.paths();
    refuseConflicts(paths, scan);
    // Compared a file at a time from its content, never as one text: a lab's stream may be larger
    // than the heap allows twice.
    List<String> toWrite = new ArrayList<>();
    int kept = 0;
    for (String path : paths) {
      TargetScan.Generated existing = scan.generated().get(path);
      if (existing != null && sameBytes(existing, files.content(path))) {
        kept++;
      } else {
        toWrite.add(path);
      }
    }
    List<String> removed = new ArrayList<>();
    for (String path : scan.generated().keySet()) {
      if (!paths.contains(path)) {
        removed.add(path);
      }
    }
    List<String> exposed = exposedPrivateFiles(files, scan, toWrite);
    int userEntries = scan.userEntries().size();
    if (exists && toWrite.isEmpty() && removed.isEmpty()) {
      return new WriteResult(target, false, toWrite, removed, kept, userEntries, exposed);
    }
    List<Path> created = new ArrayList<>();
    Journal commit = new Journal(toWrite, removed, emptiedFolders(removed, scan));
    try {
      if (!exists) {
        Files.createDirectory(target);
        created.add(target);
      }
      Staging.write(staging, target, files, toWrite, scan, durable);
      for (String path : toWrite) {
        ensureFolders(parentOf(path), created);
      }
      Staging.requireSameFileSystem(staging, target, toWrite);
      if (durable) {
        Set<Path> parents = new LinkedHashSet<>();
        created.forEach(c -> parents.add(c.getParent()));
        Staging.syncFolders(parents);
      }
      commit.commit(journalTemporary, journal, durable);
    } catch (IOException | RuntimeException e) {
      undo(created);
      throw e;
    }
    try {
      apply(commit, false);
      Files.delete(journal);
      FileTrees.deleteRecursively(staging);
    } catch (FolderException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // A runtime failure too (a name this Java cannot encode): the message must say the write
      // was committed and how it will be finished.
      throw new FolderException(
          "the write of "
              + shown(target)
              + " stopped after it was committed: "
              + FileTrees.describe(e),
          "fix the cause (free space, permissions) and render again: the next write finishes this"
              + " one before anything else");
    }
    return new WriteResult(target, true, toWrite, removed, kept, userEntries, exposed);
  }

  /** Whether the target folder exists; refuses a link or a file in its place. */
  private boolean checkTarget() {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new FolderException(
          "cannot read " + shown(target) + ": " + FileTrees.describe(e),
          "check the folder's permissions");
    }
    if (a.isSymbolicLink()) {
      throw new FolderException(
          shown(target) + " is a symbolic link; saltlab never writes through links",
          "remove the link or choose another output folder");
    }
    if (!a.isDirectory()) {
      throw new FolderException(
          shown(target) + " exists and is not a folder",
          "move it away or choose another output folder");
    }
    return true;
  }

  /** Refuses to put a generated file where something of the user's is. */
  private void refuseConflicts(Set<String> paths, TargetScan scan) {
    for (String path : paths) {
      if (scan.userEntries().contains(path)) {
        Path p = target.resolve(path);
        throw new FolderException(
            "refusing to overwrite "
                + shown(p)
                + (Files.isSymbolicLink(p)
                    ? ": it is a symbolic link of yours; saltlab never follows or replaces links"
                    : ": saltlab did not write it (it does not start with '"
                        + GeneratedFiles.HEADER_PREFIX.trim()
                        + "')"),
            "rename or move it, then render again");
      }
      if (scan.folders().contains(path)) {
        throw new FolderException(
            "refusing to write " + shown(target.resolve(path)) + ": a folder of yours is there",
            "rename or move it, then render again");
      }
      for (String parent = parentOf(path); parent != null; parent = parentOf(parent)) {
        if (scan.userEntries().contains(parent) || scan.generated().containsKey(parent)) {
          throw new FolderException(
              "refusing to write "
                  + shown(target.resolve(path))
                  + ": "
                  + shown(target.resolve(parent))
                  + " is a file or link, not a folder; saltlab never writes through links",
              "rename or move it, then render again");
        }
      }
    }
  }

  /** Private files whose mode, kept from the replaced file, lets others read them. */
  private static List<String> exposedPrivateFiles(
      FolderFiles files, TargetScan scan, List<String> toWrite) {
    List<String> exposed = new ArrayList<>();
    for (String path : files.privateFiles()) {
      TargetScan.Generated existing = scan.generated().get(path);
      if (existing == null) {
        continue;
      }
      try {
        Set<PosixFilePermission> mode =
            Files.getPosixFilePermissions(existing.path(), LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_READ)
            || mode.contains(PosixFilePermission.OTHERS_READ)) {
          exposed.add(path);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // No POSIX modes here: nothing to warn about.
      }
    }
    return exposed;
  }

  private static boolean sameBytes(TargetScan.Generated existing, FolderFiles.Content wanted)
      throws IOException {
    try {
      // The scan saw a regular file; read it without following a link in case it changed since.
      return ContentFiles.sameBytes(existing.path(), wanted);
    } catch (IOException e) {
      // Changed since the scan (a link, removed): either way not the same bytes.
      return false;
    }
  }

  /** Creates the missing folders of a relative path inside the target, never through a link. */
  private void ensureFolders(String relative, List<Path> created) throws IOException {
    if (relative == null) {
      return;
    }
    Path at = target;
    for (String segment : relative.split("/")) {
      at = at.resolve(segment);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        Files.createDirectory(at);
        created.add(at);
        continue;
      }
      if (!a.isDirectory()) {
        throw new FolderException(
            "refusing to write into "
                + shown(at)
                + ": it is a file or link, not a folder; saltlab never writes through links",
            "rename or move it, then render again");
      }
    }
  }

  /** Folders holding only removed files, deepest first: removed when they end up empty. */
  private static List<String> emptiedFolders(List<String> removed, TargetScan scan) {
    Set<String> folders = new TreeSet<>(Comparator.reverseOrder());
    for (String path : removed) {
      for (String parent = parentOf(path); parent != null; parent = parentOf(parent)) {
        if (scan.folders().contains(parent)) {
          folders.add(parent);
        }
      }
    }
    // Reverse lexical order puts every folder before its parent.
    return new ArrayList<>(folders);
  }

  /**
   * Does a committed journal's steps; each can be done again. Under recovery a generated file's
   * place is checked again, since the user may have put something there after the crash.
   */
  private void apply(Journal j, boolean recovering) throws IOException {
    Set<Path> touched = new LinkedHashSet<>();
    for (String path : j.puts()) {
      Path from = staging.resolve(path);
      if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
        continue; // moved before the interruption
      }
      Path to = target.resolve(path);
      if (recovering) {
        ensureFolders(parentOf(path), new ArrayList<>());
        if (!isGeneratedOrAbsent(to)) {
          continue;
        }
      }
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      touched.add(to.getParent());
    }
    for (String path : j.deletes()) {
      Path file = target.resolve(path);
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          && (!recovering || isGeneratedOrAbsent(file))) {
        Files.deleteIfExists(file);
        touched.add(file.getParent());
      }
    }
    for (String path : j.folders()) {
      Path folder = target.resolve(path);
      try {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(folder);
          touched.add(folder.getParent());
        }
      } catch (DirectoryNotEmptyException e) {
        // Something of the user's is in it: it stays.
      }
    }
    if (durable) {
      Staging.syncFolders(touched);
    }
  }

  private static boolean isGeneratedOrAbsent(Path file) throws IOException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && GeneratedFiles.isGenerated(TargetScan.head(file));
  }

  /** Removes what an uncommitted write made: staging, temporary journal, new folders. */
  private void undo(List<Path> created) {
    try {
      FileTrees.deleteRecursively(staging);
    } catch (IOException | RuntimeException e) {
      // The next write deletes it; the error being reported matters more.
    }
    try {
      FileTrees.deleteIfFile(journalTemporary);
    } catch (IOException | RuntimeException e) {
      // Same: the next write deletes it.
    }
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException | RuntimeException e) {
        // Not empty or not ours any more: it stays.
      }
    }
  }

  static String parentOf(String relative) {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? null : relative.substring(0, slash);
  }

  private static String shown(Path p) {
    return VisibleText.line(p.toString());
  }
}
