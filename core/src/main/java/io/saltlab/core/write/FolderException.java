package io.saltlab.core.write;

/**
 * A failure to write or read an output folder that the user can act on: what went wrong (one line,
 * naming the path) and what to do about it. Never carries file contents.
 */
public class FolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  /**
   * A failure with a hint.
   *
   * @param message what went wrong, one line naming the path
   * @param hint what to do about it, one line
   */
  public FolderException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /**
   * What to do about it.
   *
   * @return one line, never null
   */
  public String hint() {
    return hint == null ? "" : hint;
  }
}
