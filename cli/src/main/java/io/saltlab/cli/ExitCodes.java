package io.saltlab.cli;

/** The exit codes of every command, also listed in each command's {@code --help}. */
final class ExitCodes {
  /** The command did what was asked: written, up to date, valid. */
  static final int OK = 0;

  /** The command ran and found something: drift in {@code check}, problems in {@code validate}. */
  static final int PROBLEMS = 1;

  /**
   * The command could not run: bad arguments, unreadable or invalid lab, unsupported target, a
   * folder that cannot be written, a tool that is not available in this build.
   */
  static final int INPUT = 2;

  /** What {@link #OK} means, for the help of the commands that render. */
  static final String OK_MEANING = "ok (rendered, up to date, valid)";

  /** What {@link #PROBLEMS} means. */
  static final String PROBLEMS_MEANING =
      "problems found (drift in check, invalid manifests in validate)";

  /** What {@link #INPUT} means. */
  static final String INPUT_MEANING =
      "usage or input error (bad option, invalid lab or spec, unsupported target, I/O error)";

  private ExitCodes() {}
}
