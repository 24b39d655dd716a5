package io.saltlab.core.internal.write;

import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.internal.files.SafeRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit record of one target folder's write: which staged files go into place, which stale
 * generated files go, which emptied folders go. Written beside the folder before the first file
 * moves, renamed into place atomically (the commit), deleted once every step is done; a write that
 * finds one finishes it. Each step can be done twice, so finishing is safe however often it is
 * interrupted.
 *
 * @param puts files to move from the staging folder into the target folder
 * @param deletes generated files to delete from the target folder
 * @param folders folders of the target folder to remove when empty, deepest first
 */
public record Journal(List<String> puts, List<String> deletes, List<String> folders) {

  private static final String MAGIC = "saltlab journal 1";

  /** The largest journal read back: far more than a lab of 50,000 objects needs. */
  static final long MAX_BYTES = 64L << 20;

  /** Copies the lists. */
  public Journal {
    puts = List.copyOf(puts);
    deletes = List.copyOf(deletes);
    folders = List.copyOf(folders);
  }

  /**
   * Writes the journal to a temporary file, then renames it into place: the commit.
   *
   * @param temporary where to write first, beside {@code journal}
   * @param journal the journal's name
   * @param durable whether to force it to disk before and after the rename
   * @throws IOException when it cannot be written; nothing is committed then
   */
  public void commit(Path temporary, Path journal, boolean durable) throws IOException {
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    for (String p : puts) {
      text.append("put ").append(escape(p)).append('\n');
    }
    for (String p : deletes) {
      text.append("del ").append(escape(p)).append('\n');
    }
    for (String p : folders) {
      text.append("rmdir ").append(escape(p)).append('\n');
    }
    text.append("end ").append(puts.size() + deletes.size() + folders.size()).append('\n');
    Files.deleteIfExists(temporary);
    try (FileChannel out =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      if (durable) {
        out.force(true);
      }
    }
    Files.move(temporary, journal, StandardCopyOption.ATOMIC_MOVE);
    if (durable) {
      FileTrees.syncDirectory(journal.getParent());
    }
  }

  /**
   * Reads a committed journal.
   *
   * @param journal its path
   * @return the journal, or empty when none is there or it is not a whole journal (never committed)
   * @throws RefusedFileException when something other than a regular file is at that path
   */
  public static Optional<Journal> read(Path journal) throws RefusedFileException {
    if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String text = SafeRead.decode(SafeRead.bytes(journal, MAX_BYTES));
    List<String> lines = text.lines().toList();
    if (lines.size() < 2 || !lines.get(0).equals(MAGIC)) {
      return Optional.empty();
    }
    List<String> puts = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (int i = 1; i < lines.size() - 1; i++) {
      String line = lines.get(i);
      int space = line.indexOf(' ');
      String path = space < 0 ? null : unescape(line.substring(space + 1));
      if (path == null) {
        return Optional.empty();
      }
      switch (line.substring(0, space)) {
        case "put" -> puts.add(path);
        case "del" -> deletes.add(path);
        case "rmdir" -> folders.add(path);
        default -> {
          return Optional.empty();
        }
      }
    }
    String end = "end " + (puts.size() + deletes.size() + folders.size());
    return lines.get(lines.size() - 1).equals(end)
        ? Optional.of(new Journal(puts, deletes, folders))
        : Optional.empty();
  }

  /** Percent-escapes everything but plain path characters, so a line holds exactly one path. */
  static String escape(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '-'
          || c == '/') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
    return out.toString();
  }

  /** The path of an escaped line, or null when it is not one a write could have put there. */
  static String unescape(String escaped) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '%') {
        if (i + 2 >= escaped.length()) {
          return null;
        }
        int hi = Character.digit(escaped.charAt(i + 1), 16);
        int lo = Character.digit(escaped.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    String path = bytes.toString(StandardCharsets.UTF_8);
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\0') >= 0) {
      return null;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return path;
  }
}
