package io.saltlab.core.internal.files;

import io.saltlab.core.internal.files.RefusedFileException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * The one way saltlab reads a file it is handed (spec files, secret files, {@code validate}
 * arguments, committed output): only a regular file, never through a symbolic link, never a FIFO,
 * device, socket or kernel file ({@code /proc}, {@code /sys}, {@code /dev}), and never more than a
 * stated number of bytes, so that no input can hang a run, exhaust its memory or make it print what
 * a link points at.
 *
 * <p>The checks look at the path itself ({@code lstat}) before opening it, and the file is opened
 * with {@code O_NOFOLLOW}; the read stops one byte past the limit whatever size the file claims
 * (kernel files claim 0).
 */
public final class SafeRead {
  /** Folders whose files belong to the kernel: endless, blocking or secret-laden when read. */
  private static final List<String> SYSTEM_ROOTS = List.of("/proc", "/sys", "/dev");

  private SafeRead() {}

  /**
   * Checks that a path is a regular file saltlab may read, without reading it.
   *
   * @param file the path
   * @param limit the most bytes the file may hold
   * @return the file's attributes, read without following a link
   * @throws RefusedFileException when it is missing, a link, not a regular file, a kernel file or
   *     too large
   */
  public static BasicFileAttributes check(Path file, long limit) throws RefusedFileException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new RefusedFileException(
          Reason.MISSING,
          "does not exist",
          "check the path; it is resolved from the current folder");
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
    if (attributes.isSymbolicLink()) {
      throw new RefusedFileException(
          Reason.LINK,
          "is a symbolic link; saltlab never follows links",
          "give the path of the file itself, not of a link to it");
    }
    if (attributes.isDirectory()) {
      throw new RefusedFileException(
          Reason.FOLDER, "is a folder, not a file", "give the path of a file");
    }
    if (!attributes.isRegularFile()) {
      throw new RefusedFileException(
          Reason.SPECIAL,
          "is " + special(file) + ", not a regular file; saltlab reads only regular files",
          "copy what you mean to a regular file and give its path");
    }
    if (isSystemFile(file)) {
      throw new RefusedFileException(
          Reason.SYSTEM,
          "is a kernel file (under /proc, /sys or /dev); saltlab does not read those",
          "copy what you mean to a regular file and give its path");
    }
    if (attributes.size() > limit) {
      throw tooLarge(limit);
    }
    return attributes;
  }

  /**
   * Reads a regular file whole, at most {@code limit} bytes.
   *
   * @param file the file
   * @param limit the most bytes it may hold
   * @return its bytes
   * @throws RefusedFileException when {@link #check} refuses it, it grows past the limit while
   *     read, or the read fails
   */
  public static byte[] bytes(Path file, long limit) throws RefusedFileException {
    BasicFileAttributes attributes = check(file, limit);
    try (FileChannel in =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      int capacity =
          (int) Math.min(Math.max(attributes.size(), 0) + 1, Math.min(limit, 1 << 30) + 1);
      ByteBuffer buffer = ByteBuffer.allocate(Math.max(capacity, 1));
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        if (buffer.position() > limit) {
          throw tooLarge(limit);
        }
        if (!buffer.hasRemaining()) {
          long grown = Math.min((long) buffer.capacity() * 2, limit + 1);
          if (grown <= buffer.capacity()) {
            throw tooLarge(limit);
          }
          ByteBuffer bigger = ByteBuffer.allocate((int) grown);
          buffer.flip();
          bigger.put(buffer);
          buffer = bigger;
        }
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    } catch (RefusedFileException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads a regular file whole as strict UTF-8 text, at most {@code limit} bytes.
   *
   * @param file the file
   * @param limit the most bytes it may hold
   * @return its text
   * @throws RefusedFileException when refused, unreadable or not UTF-8
   */
  public static String utf8(Path file, long limit) throws RefusedFileException {
    return decode(bytes(file, limit));
  }

  /**
   * Decodes strict UTF-8.
   *
   * @param bytes the bytes
   * @return the text
   * @throws RefusedFileException ({@link Reason#NOT_TEXT}) when they are not UTF-8
   */
  public static String decode(byte[] bytes) throws RefusedFileException {
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      return text.toString();
    } catch (CharacterCodingException e) {
      throw new RefusedFileException(
          Reason.NOT_TEXT, "is not UTF-8 text", "save the file as UTF-8");
    }
  }

  /**
   * Whether a path lies under {@code /proc}, {@code /sys} or {@code /dev}, its folders' links
   * resolved (the last element is not, since it is never followed).
   *
   * @param file a path
   * @return true for a kernel file
   */
  static boolean isSystemFile(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path real = absolute;
    if (parent != null) {
      try {
        real = parent.toRealPath().resolve(absolute.getFileName());
      } catch (IOException | RuntimeException e) {
        real = absolute;
      }
    }
    for (String root : SYSTEM_ROOTS) {
      if (real.startsWith(root) || absolute.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  private static String special(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      switch (mode & 0170000) {
        case 0010000:
          return "a FIFO (named pipe)";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          return "a special file";
      }
    } catch (IOException | RuntimeException e) {
      return "a special file (FIFO, device or socket)";
    }
  }

  private static RefusedFileException tooLarge(long limit) {
    return new RefusedFileException(
        Reason.TOO_LARGE,
        "is larger than the limit of " + limit + " bytes",
        "this use allows files up to "
            + limit
            + " bytes; the README and docs/cli.md list the limits");
  }

  private static RefusedFileException unreadable(Exception e) {
    if (e instanceof AccessDeniedException) {
      return new RefusedFileException(
          Reason.UNREADABLE, "cannot be read: permission denied", "check the file's permissions");
    }
    String type = e.getClass().getSimpleName();
    // The message of an I/O error names the path, never content; still, keep only its first line.
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return new RefusedFileException(
        Reason.UNREADABLE,
        "cannot be read (" + type + (message.isEmpty() ? "" : ": " + message) + ")",
        "check the file and its permissions");
  }
}
