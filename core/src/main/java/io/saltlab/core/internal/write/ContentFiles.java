package io.saltlab.core.internal.write;

import io.saltlab.core.write.FolderFiles;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes and compares {@link FolderFiles.Content} as UTF-8 without holding a file's whole text or
 * bytes: the output folder writer's way to handle a multi-document stream of any size.
 */
public final class ContentFiles {
  /** Large enough that the system calls cost nothing next to producing the text. */
  private static final int BUFFER = 64 * 1024;

  private ContentFiles() {}

  /**
   * Writes a new file from its content and forces it to disk, so the rename that publishes the
   * folder never exposes a short file. The bytes are those of {@code String.getBytes(UTF_8)} of the
   * text (both replace a lone surrogate by {@code ?}).
   *
   * @param file a file that must not exist yet
   * @param content the text to write
   * @throws IOException when it cannot be written
   */
  public static void writeDurably(Path file, FolderFiles.Content content) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      write(channel, content);
      channel.force(true);
    }
  }

  /**
   * Writes a content into an open channel a buffer at a time, leaving the channel open (to be
   * forced or closed by the caller). The bytes are those of {@code String.getBytes(UTF_8)}.
   *
   * @param channel where the bytes go
   * @param content the text to write
   * @throws IOException when it cannot be written
   */
  public static void write(FileChannel channel, FolderFiles.Content content) throws IOException {
    // Not closed here: closing the writer would close the channel.
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8),
            BUFFER);
    content.writeTo(out);
    out.flush();
  }

  /**
   * Whether a content's text begins with a prefix, producing no more of it than needed.
   *
   * @param content the text
   * @param prefix what it may begin with
   * @return true when it does
   * @throws IOException when the content fails
   */
  public static boolean startsWith(FolderFiles.Content content, String prefix) throws IOException {
    StringBuilder head = new StringBuilder(prefix.length());
    Writer capture =
        new Writer() {
          @Override
          public void write(char[] chars, int off, int len) throws IOException {
            head.append(chars, off, Math.min(len, prefix.length() - head.length()));
            if (head.length() >= prefix.length()) {
              throw new Different();
            }
          }

          @Override
          public void write(String str, int off, int len) throws IOException {
            head.append(str, off, off + Math.min(len, prefix.length() - head.length()));
            if (head.length() >= prefix.length()) {
              throw new Different();
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try {
      content.writeTo(capture);
    } catch (Different enough) {
      // The prefix's length was produced: the rest is not needed.
    }
    return head.toString().startsWith(prefix);
  }

  /**
   * Whether a file holds exactly the bytes of a content, reading both a buffer at a time and
   * stopping at the first difference.
   *
   * @param file an existing regular file; a link is never followed (the read fails instead)
   * @param content the text it should hold
   * @return true when the bytes are the same
   * @throws IOException when the file cannot be read
   */
  public static boolean sameBytes(Path file, FolderFiles.Content content) throws IOException {
    try (InputStream in =
        new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), BUFFER)) {
      Comparing compared = new Comparing(in);
      Writer out = new OutputStreamWriter(compared, StandardCharsets.UTF_8);
      try {
        content.writeTo(out);
        out.flush();
      } catch (Different e) {
        return false;
      }
      return in.read() < 0;
    }
  }

  /** Thrown through the content's writer at the first byte that differs, to stop producing. */
  private static final class Different extends IOException {
    private static final long serialVersionUID = 1L;

    Different() {
      super("differs");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      // A signal, not an error: no trace to fill.
      return this;
    }
  }

  /** An output stream that checks each byte written against the next byte of a file. */
  private static final class Comparing extends OutputStream {
    private final InputStream expected;
    private final byte[] chunk = new byte[BUFFER];

    Comparing(InputStream expected) {
      this.expected = expected;
    }

    @Override
    public void write(int b) throws IOException {
      if (expected.read() != (b & 0xff)) {
        throw new Different();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = expected.readNBytes(chunk, 0, Math.min(len, chunk.length));
        if (n == 0) {
          throw new Different();
        }
        if (!Arrays.equals(chunk, 0, n, b, off, off + n)) {
          throw new Different();
        }
        off += n;
        len -= n;
      }
    }
  }
}
