package io.saltlab.core.internal.write;

import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writes a target folder's new files into its staging folder, with the modes they will keep. */
final class Staging {
  /** Files forced to disk at once in durable mode: syncs wait on the disk, not on the CPU. */
  private static final int SYNC_THREADS = 8;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static final Set<PosixFilePermission> EXECUTE =
      EnumSet.of(
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE);

  private Staging() {}

  /**
   * Writes the files to stage. Each is created readable by its owner only and given its final mode
   * before it is published: the mode of the file it replaces (a user's chmod survives), else 0600
   * for a private file, the execute bits the umask allows for a script ({@code #!} or {@code .sh}),
   * the umask's default for the rest. The umask is read off the staging folder, which is created
   * with it.
   */
  static void write(
      Path staging,
      Path target,
      FolderFiles files,
      List<String> toWrite,
      TargetScan scan,
      boolean durable)
      throws IOException {
    Files.createDirectory(staging);
    Set<PosixFilePermission> folderDefault = modeOf(staging);
    List<Staged> staged = new ArrayList<>(toWrite.size());
    for (String path : toWrite) {
      Path out = staging.resolve(path);
      if (!out.getParent().equals(staging)) {
        Files.createDirectories(out.getParent());
      }
      FolderFiles.Content content = files.content(path);
      TargetScan.Generated existing = scan.generated().get(path);
      Set<PosixFilePermission> mode;
      if (existing != null) {
        mode = modeOf(existing.path());
      } else if (folderDefault == null) {
        mode = null;
      } else {
        Set<PosixFilePermission> fileDefault = EnumSet.copyOf(folderDefault);
        fileDefault.removeAll(EXECUTE);
        if (files.isPrivate(path)) {
          mode = EnumSet.copyOf(OWNER_ONLY);
          mode.retainAll(fileDefault);
        } else if (path.endsWith(".sh") || ContentFiles.startsWith(content, "#!")) {
          mode = folderDefault;
        } else {
          mode = fileDefault;
        }
      }
      staged.add(new Staged(out, content, mode));
    }
    if (!durable || staged.size() < 2) {
      for (Staged s : staged) {
        s.write(durable);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(SYNC_THREADS, staged.size()));
    try {
      List<Future<?>> done = new ArrayList<>(staged.size());
      for (Staged s : staged) {
        done.add(
            pool.submit(
                () -> {
                  s.write(true);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing " + staging, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One file to stage; its text is produced only when written, a buffer at a time. */
  private record Staged(Path file, FolderFiles.Content content, Set<PosixFilePermission> mode) {
    void write(boolean force) throws IOException {
      boolean posix = mode != null;
      try (FileChannel out =
          posix
              ? FileChannel.open(
                  file,
                  Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ContentFiles.write(out, content);
        if (force) {
          out.force(true);
        }
      }
      if (posix && !mode.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, mode);
      }
    }
  }

  /** A file's or folder's POSIX mode, or null where there are none. */
  private static Set<PosixFilePermission> modeOf(Path path) throws IOException {
    try {
      return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Refuses, before the commit, a staging folder on another file system than a folder receiving
   * files (a mount inside the target folder), where the renames could not be atomic.
   */
  static void requireSameFileSystem(Path staging, Path target, List<String> toWrite)
      throws IOException {
    Object device = device(staging);
    if (device == null) {
      return;
    }
    Set<Path> folders = new LinkedHashSet<>();
    folders.add(target);
    for (String path : toWrite) {
      folders.add(target.resolve(path).getParent());
    }
    for (Path folder : folders) {
      if (!Objects.equals(device, device(folder))) {
        throw new FolderException(
            VisibleText.line(folder.toString())
                + " is on another file system than "
                + VisibleText.line(staging.getParent().toString())
                + "; saltlab replaces files by renaming them, which needs one file system",
            "do not mount file systems inside the output folder, or choose another output folder");
      }
    }
  }

  private static Object device(Path path) throws IOException {
    try {
      return Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Forces folders' entries to disk, so renames and deletions in them survive a power loss. */
  static void syncFolders(Set<Path> folders) {
    for (Path folder : folders) {
      if (folder != null) {
        FileTrees.syncDirectory(folder);
      }
    }
  }
}
