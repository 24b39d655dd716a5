package io.saltlab.cli;

import java.util.List;

/**
 * A failure the user can act on: printed as one {@code error:} line, optional detail lines and one
 * {@code hint:} line, never as a stack trace.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;
  private final transient List<String> details;
  private final int exitCode;

  /**
   * An input or usage error (exit code {@link ExitCodes#INPUT}).
   *
   * @param message what went wrong, one line
   * @param hint what to do about it, one line
   */
  CliException(String message, String hint) {
    this(message, List.of(), hint, ExitCodes.INPUT);
  }

  /**
   * A failure with detail lines, such as every problem of an invalid lab.
   *
   * @param message what went wrong, one line
   * @param details further lines, printed indented
   * @param hint what to do about it
   * @param exitCode the process exit code
   */
  CliException(String message, List<String> details, String hint, int exitCode) {
    super(message);
    this.hint = hint;
    this.details = List.copyOf(details);
    this.exitCode = exitCode;
  }

  /** What to do about it; may be {@code null}. */
  String hint() {
    return hint;
  }

  /** Lines printed between the error and the hint, such as one per lab problem. */
  List<String> details() {
    return details == null ? List.of() : details;
  }

  /** The exit code the process ends with. */
  int exitCode() {
    return exitCode;
  }
}
