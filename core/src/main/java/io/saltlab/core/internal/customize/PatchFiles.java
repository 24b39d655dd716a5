package io.saltlab.core.internal.customize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a patch or object file a spec names, relative to the spec's folder, as hostile input: the
 * path stays inside that folder, is a regular file (no symlink, FIFO, device or directory, anywhere
 * on the way), is at most {@link YamlTrees#MAX_CHARS} bytes and UTF-8. A refusal is an {@link
 * IllegalArgumentException} whose message names the path and what would be right.
 */
public final class PatchFiles {

  private PatchFiles() {}

  /**
   * Reads a file.
   *
   * @param folder the spec's folder
   * @param relative the path as the spec writes it
   * @return the file's text
   * @throws IllegalArgumentException naming the file and the reason it is refused
   */
  public static String read(Path folder, String relative) {
    Path rel;
    try {
      rel = Path.of(relative);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + relative + "' is not a file path");
    }
    if (relative.isEmpty() || rel.isAbsolute() || rel.normalize().startsWith("..")) {
      throw new IllegalArgumentException(
          "'"
              + relative
              + "' must be a path relative to the spec file's folder and inside it, for example"
              + " patches/orders.yaml");
    }
    Path base = folder.toAbsolutePath().normalize();
    Path file = base.resolve(rel).normalize();
    // Every step from the folder down is checked without following links: a symlinked directory on
    // the way could lead anywhere.
    Path at = base;
    for (Path step : base.relativize(file)) {
      at = at.resolve(step);
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(
            "'" + relative + "' does not exist (looked for " + file + ")");
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "'" + relative + "' cannot be read (" + e.getClass().getSimpleName() + ")");
      }
      boolean last = at.equals(file);
      if (a.isSymbolicLink()) {
        throw new IllegalArgumentException(
            "'"
                + relative
                + "' is or passes through a symbolic link ("
                + at
                + "); give the file itself");
      }
      if (last && !a.isRegularFile()) {
        throw new IllegalArgumentException(
            "'"
                + relative
                + "' is not a regular file (a directory, FIFO or device); expected a"
                + " YAML file");
      }
      if (last && a.size() > YamlTrees.MAX_CHARS) {
        throw new IllegalArgumentException(
            "'"
                + relative
                + "' is "
                + a.size()
                + " bytes; a patch or object file is at most "
                + YamlTrees.MAX_CHARS
                + " bytes");
      }
    }
    byte[] bytes;
    try (InputStream in =
        Channels.newInputStream(
            Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      // Bounded even if the file grew since it was checked.
      bytes = in.readNBytes(YamlTrees.MAX_CHARS + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "'" + relative + "' cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > YamlTrees.MAX_CHARS) {
      throw new IllegalArgumentException(
          "'" + relative + "' is larger than " + YamlTrees.MAX_CHARS + " bytes");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("'" + relative + "' is not UTF-8 text");
    }
  }
}
