package io.saltlab.core.write;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The generated files of one target folder, in memory: relative path (with '/' separators, sub
 * folders allowed) to UTF-8 text, in a fixed order, each marked private or not. Private files (a
 * Secret's manifest) are written readable by their owner only. What {@link OutputFolder} writes and
 * what the drift check compares with; it knows nothing of what the files mean.
 *
 * <p>A file's text is either held as one string or, for files too large to hold twice (the
 * multi-document stream of a large lab), {@linkplain Content produced on demand} straight into the
 * file being written or compared, so that the writer never needs the whole text in memory.
 */
public final class FolderFiles {
  /**
   * The most folders a generated file's path may have above it: a target folder's entries deeper
   * than this are never saltlab's, so the writer and the drift check do not look inside them.
   */
  public static final int MAX_DEPTH = 16;

  /** The longest relative path a generated file may have, in characters. */
  public static final int MAX_PATH_CHARS = 1024;

  private final Map<String, Content> contents;
  private final Set<String> privateFiles;

  private FolderFiles(Map<String, Content> contents, Set<String> privateFiles) {
    this.contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    this.privateFiles = Collections.unmodifiableSet(new LinkedHashSet<>(privateFiles));
  }

  /**
   * A file's text, written on demand. It must write the same characters each time it is asked, as
   * the writer may ask twice (once to compare with the file already there, once to write).
   */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the text.
     *
     * @param out where the characters go (encoded as UTF-8 by the caller)
     * @throws IOException when {@code out} fails
     */
    void writeTo(Writer out) throws IOException;
  }

  /** A held string as content; remembers the string so {@link #contents()} need not copy it. */
  private record Text(String text) implements Content {
    @Override
    public void writeTo(Writer out) throws IOException {
      out.write(text);
    }
  }

  /**
   * Files none of which is private.
   *
   * @param contents relative path to content, in the order to keep
   * @return the files
   * @throws IllegalArgumentException when a path is not a plain relative path
   */
  public static FolderFiles of(Map<String, String> contents) {
    Builder b = builder();
    contents.forEach(b::add);
    return b.build();
  }

  /** Starts an empty set of files. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Relative path to content, in the fixed order. Files produced on demand are produced here,
   * whole, into strings: writers use {@link #paths()} and {@link #content(String)} instead.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> contents() {
    Map<String, String> texts = new LinkedHashMap<>();
    contents.forEach((path, content) -> texts.put(path, text(content)));
    return Collections.unmodifiableMap(texts);
  }

  /**
   * The relative paths, in the fixed order.
   *
   * @return an unmodifiable set
   */
  public Set<String> paths() {
    return contents.keySet();
  }

  /**
   * One file's content, to write or compare without holding its whole text.
   *
   * @param path a relative path of these files
   * @return its content, or null when there is no such file
   */
  public Content content(String path) {
    return contents.get(path);
  }

  private static String text(Content content) {
    if (content instanceof Text t) {
      return t.text();
    }
    StringWriter out = new StringWriter();
    try {
      content.writeTo(out);
    } catch (IOException e) {
      // A StringWriter does not fail; a content that throws on its own is a bug.
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Whether a file is written readable by its owner only (mode 0600).
   *
   * @param path a relative path of these files
   * @return true for a private file
   */
  public boolean isPrivate(String path) {
    return privateFiles.contains(path);
  }

  /**
   * The private files' paths.
   *
   * @return an unmodifiable set
   */
  public Set<String> privateFiles() {
    return privateFiles;
  }

  /** Collects files in order; a path added twice keeps its first place and its last content. */
  public static final class Builder {
    private final Map<String, Content> contents = new LinkedHashMap<>();
    private final Set<String> privateFiles = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Adds a file readable as the user's umask allows.
     *
     * @param path relative path with '/' separators, such as {@code cluster/Vagrantfile}
     * @param content the file's text
     * @return this builder
     * @throws IllegalArgumentException when the path is empty, absolute or has {@code .}/{@code ..}
     *     or empty segments
     */
    public Builder add(String path, String content) {
      return add(path, new Text(Objects.requireNonNull(content, "content")));
    }

    /**
     * Adds a file whose text is written on demand, for a file too large to hold as one string.
     *
     * @param path relative path with '/' separators
     * @param content writes the file's text, the same each time
     * @return this builder
     * @throws IllegalArgumentException when the path is not a plain relative path
     */
    public Builder add(String path, Content content) {
      checkRelative(path);
      contents.put(path, Objects.requireNonNull(content, "content"));
      privateFiles.remove(path);
      return this;
    }

    /**
     * Adds a file readable by its owner only, whose text is written on demand.
     *
     * @param path relative path with '/' separators
     * @param content writes the file's text, the same each time
     * @return this builder
     * @throws IllegalArgumentException when the path is not a plain relative path
     */
    public Builder addPrivate(String path, Content content) {
      add(path, content);
      privateFiles.add(path);
      return this;
    }

    /**
     * Adds a file readable by its owner only, such as a Secret's manifest.
     *
     * @param path relative path with '/' separators
     * @param content the file's text
     * @return this builder
     * @throws IllegalArgumentException when the path is not a plain relative path
     */
    public Builder addPrivate(String path, String content) {
      return addPrivate(path, new Text(Objects.requireNonNull(content, "content")));
    }

    /**
     * Adds every file of another set, keeping which are private.
     *
     * @param files the files to add
     * @return this builder
     */
    public Builder addAll(FolderFiles files) {
      files.contents.forEach(
          (path, content) -> {
            if (files.isPrivate(path)) {
              addPrivate(path, content);
            } else {
              add(path, content);
            }
          });
      return this;
    }

    /**
     * The files.
     *
     * @return the files collected so far
     * @throws IllegalArgumentException when one path is a folder of another ({@code a} and {@code
     *     a/b})
     */
    public FolderFiles build() {
      for (String path : contents.keySet()) {
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
          String parent = path.substring(0, slash);
          if (contents.containsKey(parent)) {
            throw new IllegalArgumentException(
                "generated file '" + parent + "' is also the folder of '" + path + "'");
          }
          slash = parent.lastIndexOf('/');
        }
      }
      return new FolderFiles(contents, privateFiles);
    }

    private static void checkRelative(String path) {
      Objects.requireNonNull(path, "path");
      boolean bad =
          path.isEmpty()
              || path.startsWith("/")
              || path.endsWith("/")
              || path.indexOf('\\') >= 0
              || path.indexOf('\0') >= 0;
      if (!bad && (path.length() > MAX_PATH_CHARS || path.split("/", -1).length > MAX_DEPTH + 1)) {
        throw new IllegalArgumentException(
            "generated file name '"
                + path.substring(0, Math.min(path.length(), 80))
                + "...' is longer than "
                + MAX_PATH_CHARS
                + " characters or deeper than "
                + MAX_DEPTH
                + " folders; expected names such as 'a.yaml' or 'cluster/Vagrantfile'");
      }
      if (!bad) {
        for (String segment : path.split("/", -1)) {
          if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            bad = true;
          }
        }
      }
      if (bad) {
        throw new IllegalArgumentException(
            "generated file name '"
                + path
                + "' is not a plain relative path; expected names such as 'a.yaml' or"
                + " 'cluster/Vagrantfile'");
      }
    }
  }
}
