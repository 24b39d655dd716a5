package io.saltlab.core.internal.files;

import java.io.IOException;

/**
 * A file {@link SafeRead} would not read, or could not: why, in words that name the path and never
 * its content, and what to do instead. Each caller turns it into its own kind of error (a spec
 * problem, a validation problem, a folder error).
 */
public final class RefusedFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the file was refused. */
  public enum Reason {
    /** Nothing is at the path. */
    MISSING,
    /** The path is a symbolic link, which saltlab never follows. */
    LINK,
    /** A folder where a file was expected. */
    FOLDER,
    /** A FIFO, device, socket or other special file, which may block or never end. */
    SPECIAL,
    /** A file of the kernel's ({@code /proc}, {@code /sys}, {@code /dev}). */
    SYSTEM,
    /** Larger than the limit for its use. */
    TOO_LARGE,
    /** Not UTF-8 text. */
    NOT_TEXT,
    /** The operating system refused or failed the read (permissions, I/O error). */
    UNREADABLE
  }

  private final Reason reason;
  private final String what;
  private final String hint;

  RefusedFileException(Reason reason, String what, String hint) {
    super(what);
    this.reason = reason;
    this.what = what;
    this.hint = hint;
  }

  /**
   * Why the file was refused.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * What is wrong with the file, without the path: {@code is a symbolic link; saltlab does not
   * follow links}.
   *
   * @return a phrase to put after the path
   */
  public String what() {
    return what;
  }

  /**
   * What to do instead.
   *
   * @return one line
   */
  public String hint() {
    return hint;
  }
}
