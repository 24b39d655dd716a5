package io.saltlab.cli.internal.args;

import java.util.List;

/**
 * A command line that cannot be run as written: an unknown option or command, a missing or invalid
 * value. The message is one line for the user's {@code error:} line; the suggestions, if any, are
 * the likely intended words for a {@code did you mean} hint.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> suggestions;
  private final String advice;

  /**
   * A usage error.
   *
   * @param message what is wrong, one line
   * @param suggestions words the user may have meant, best first; may be empty
   * @param advice a sentence saying how to write it right, or {@code null}
   */
  public UsageException(String message, List<String> suggestions, String advice) {
    super(message);
    this.suggestions = List.copyOf(suggestions);
    this.advice = advice;
  }

  /** Words the user may have meant, best first. */
  public List<String> suggestions() {
    return suggestions == null ? List.of() : suggestions;
  }

  /** How to write the command line right, when there is more to say than "see --help". */
  public String advice() {
    return advice;
  }
}
