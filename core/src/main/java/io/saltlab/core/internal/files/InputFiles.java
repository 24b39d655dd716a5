package io.saltlab.core.internal.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads the files and folders a user names as input ({@code saltlab validate PATH...}) safely: each
 * named path must be a regular file or a real folder (never a link, FIFO, device or kernel file);
 * folders are walked without following links, and every part that cannot be read (a link, a special
 * file, a folder without permission, a file over the limit) is reported on its own while the rest
 * is read. Reading stops, with a report, once the total limit is passed.
 */
public final class InputFiles {

  /** The most bytes one input file may hold: 8 MiB. */
  public static final long MAX_FILE_BYTES = 8L << 20;

  /** The most bytes read from all inputs of one run: 64 MiB. */
  public static final long MAX_TOTAL_BYTES = 64L << 20;

  /** The most YAML documents read in one run: a 6,000-role lab, with room in a 128 MB heap. */
  public static final int MAX_DOCUMENTS = 20_000;

  private InputFiles() {}

  /** Receives what the walk finds. */
  public interface Sink {
    /**
     * A file read whole.
     *
     * @param file its path
     * @param text its UTF-8 text
     */
    void file(Path file, String text);

    /**
     * A part that was not read.
     *
     * @param path its path
     * @param refusal why, without the path
     */
    void refused(Path path, RefusedFileException refusal);

    /**
     * The total limit was reached: nothing more is read.
     *
     * @param path the first path not read
     * @param limit the total limit in bytes
     */
    void limitReached(Path path, long limit);
  }

  /**
   * Checks the named paths before anything is read: each must exist and be a regular file or a real
   * folder.
   *
   * @param paths the paths as given
   * @return for each refused path, a line {@code PATH: what}; empty when all may be read
   */
  public static List<String> refusedArguments(List<Path> paths) {
    List<String> refused = new ArrayList<>();
    for (Path p : paths) {
      try {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
          SafeRead.check(p, MAX_FILE_BYTES);
        }
      } catch (RefusedFileException e) {
        refused.add(p + " " + e.what());
      } catch (IOException | RuntimeException e) {
        try {
          SafeRead.check(p, MAX_FILE_BYTES);
        } catch (RefusedFileException r) {
          refused.add(p + " " + r.what());
        }
      }
    }
    return refused;
  }

  /**
   * Reads files and folders: named files whatever their name, files in folders when {@code wanted}
   * accepts them, folders in sorted order.
   *
   * @param paths the paths as given
   * @param wanted which files inside folders to read (by path)
   * @param sink receives the files and the refusals
   */
  public static void read(List<Path> paths, Predicate<Path> wanted, Sink sink) {
    long[] total = {0};
    for (Path p : paths) {
      boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      if (!folder) {
        if (!readOne(p, total, sink)) {
          return;
        }
        continue;
      }
      List<Path> files = new ArrayList<>();
      walk(p, wanted, files, sink);
      files.sort(null);
      for (Path f : files) {
        if (!readOne(f, total, sink)) {
          return;
        }
      }
    }
  }

  private static boolean readOne(Path file, long[] total, Sink sink) {
    long left = MAX_TOTAL_BYTES - total[0];
    try {
      long size = SafeRead.check(file, MAX_FILE_BYTES).size();
      if (size > left) {
        sink.limitReached(file, MAX_TOTAL_BYTES);
        return false;
      }
      byte[] bytes = SafeRead.bytes(file, Math.min(MAX_FILE_BYTES, left));
      total[0] += bytes.length;
      sink.file(file, SafeRead.decode(bytes));
    } catch (RefusedFileException e) {
      sink.refused(file, e);
    }
    return true;
  }

  /** Lists wanted files under a folder, links never followed, each unreadable part reported. */
  private static void walk(Path root, Predicate<Path> wanted, List<Path> files, Sink sink) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (!wanted.test(f)) {
                return FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile()) {
                files.add(f);
              } else {
                try {
                  SafeRead.check(f, MAX_FILE_BYTES);
                } catch (RefusedFileException e) {
                  sink.refused(f, e);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              sink.refused(f, unreadable(e));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) {
              if (e != null) {
                sink.refused(d, unreadable(e));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | RuntimeException e) {
      sink.refused(root, unreadable(e));
    }
  }

  private static RefusedFileException unreadable(Exception e) {
    String why =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT);
    return new RefusedFileException(
        RefusedFileException.Reason.UNREADABLE,
        "cannot be read (" + why + ")",
        "check its permissions; the other files were read");
  }
}
