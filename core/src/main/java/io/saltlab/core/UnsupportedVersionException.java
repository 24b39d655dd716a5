package io.saltlab.core;

/** Thrown when a target Kubernetes version is malformed or outside the supported range. */
public class UnsupportedVersionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the bad value and the supported range
   */
  public UnsupportedVersionException(String message) {
    super(message);
  }
}
