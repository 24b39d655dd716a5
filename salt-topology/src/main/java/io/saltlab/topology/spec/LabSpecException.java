package io.saltlab.topology.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown when a lab spec file cannot be read or describes an invalid lab; lists every problem
 * found, each with its line and column.
 */
public class LabSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /** The problems; a serialised exception keeps only its message. */
  private final transient List<SpecProblem> problems;

  /**
   * Creates the exception.
   *
   * @param source the spec file's name, for messages
   * @param problems at least one problem
   */
  public LabSpecException(String source, List<SpecProblem> problems) {
    super(message(source, sorted(problems)));
    this.source = source;
    this.problems = Collections.unmodifiableList(sorted(problems));
  }

  /** Every problem, in file order where known. */
  public List<SpecProblem> problems() {
    return problems == null ? List.of() : problems;
  }

  /** One line: {@code lab spec FILE is invalid (N problems)}. */
  public String headline() {
    int n = problems().size();
    return "lab spec " + source + " is invalid (" + n + (n == 1 ? " problem)" : " problems)");
  }

  /** Each problem as {@code file:line:column: field: message}. */
  public List<String> problemLines() {
    List<String> lines = new ArrayList<>();
    for (SpecProblem p : problems()) {
      lines.add(p.toString());
    }
    return lines;
  }

  /** File order reads best; problems without a position (the file as a whole) go last. */
  private static List<SpecProblem> sorted(List<SpecProblem> problems) {
    List<SpecProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        java.util.Comparator.comparingInt(
                (SpecProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
            .thenComparingInt(SpecProblem::column));
    return sorted;
  }

  private static String message(String source, List<SpecProblem> problems) {
    StringBuilder out =
        new StringBuilder("lab spec ")
            .append(source)
            .append(" is invalid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    for (SpecProblem p : problems) {
      out.append("\n  - ").append(p);
    }
    return out.toString();
  }
}
