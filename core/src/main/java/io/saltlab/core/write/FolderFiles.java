package io.saltlab.core.write;

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
 */
public final class FolderFiles {
  private final Map<String, String> contents;
  private final Set<String> privateFiles;

  private FolderFiles(Map<String, String> contents, Set<String> privateFiles) {
    this.contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    this.privateFiles = Collections.unmodifiableSet(new LinkedHashSet<>(privateFiles));
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
   * Relative path to content, in the fixed order.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> contents() {
    return contents;
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
    private final Map<String, String> contents = new LinkedHashMap<>();
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
      checkRelative(path);
      contents.put(path, Objects.requireNonNull(content, "content"));
      privateFiles.remove(path);
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
      add(path, content);
      privateFiles.add(path);
      return this;
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
