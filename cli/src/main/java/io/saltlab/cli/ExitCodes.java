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

  /** Help line for {@link #OK}, in picocli's {@code code:description} form. */
  static final String OK_LINE = "0:ok (rendered, up to date, valid)";

  /** Help line for {@link #PROBLEMS}. */
  static final String PROBLEMS_LINE =
      "1:problems found (drift in check, invalid manifests in validate)";

  /** Help line for {@link #INPUT}. */
  static final String INPUT_LINE =
      "2:usage or input error (bad option, invalid lab or spec, unsupported target, I/O error)";

  private ExitCodes() {}
}
