package io.saltlab.core.internal.customize;

/**
 * A patch that could not be applied to the object it targets: a pointer naming nothing, a failed
 * {@code test}, a strategic-merge item without its merge key. The message names the operation and
 * what exists where it looked.
 */
public final class PatchException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what exists
   */
  public PatchException(String message) {
    super(message);
  }
}
