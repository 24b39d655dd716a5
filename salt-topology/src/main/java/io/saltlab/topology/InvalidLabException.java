package io.saltlab.topology;

import java.util.Collections;
import java.util.List;

/**
 * Thrown when a lab is built with problems; lists every problem at once so that one run is enough
 * to fix them all.
 */
public class InvalidLabException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems; a serialised exception keeps only its message. */
  private final transient List<LabProblem> problems;

  /**
   * Creates the exception.
   *
   * @param subject what was checked, for example {@code lab 'salt-lab'}
   * @param problems every problem found, at least one
   */
  public InvalidLabException(String subject, List<LabProblem> problems) {
    super(message(subject, problems));
    this.problems = Collections.unmodifiableList(List.copyOf(problems));
  }

  /** Every problem, in the order of the lab's fields. */
  public List<LabProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  private static String message(String subject, List<LabProblem> problems) {
    StringBuilder out = new StringBuilder();
    out.append(subject)
        .append(" is invalid (")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems")
        .append("):");
    for (LabProblem p : problems) {
      out.append("\n  - ").append(p);
    }
    return out.toString();
  }
}
