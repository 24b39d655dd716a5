package io.saltlab.topology.spec.internal;

import io.saltlab.topology.spec.LabSpecException;
import io.saltlab.topology.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one spec file, bounded: a file with more than {@link #MAX_PROBLEMS} is
 * broken as a whole (100,000 unknown keys), and listing them all would cost seconds and bury the
 * first one.
 */
public final class SpecProblems {
  /** Most problems listed; a count stands in for the rest. */
  public static final int MAX_PROBLEMS = 100;

  private final String source;
  private final List<SpecProblem> problems = new ArrayList<>();
  private int omitted;

  /**
   * An empty list.
   *
   * @param source the file's name, for messages
   */
  public SpecProblems(String source) {
    this.source = source;
  }

  /** The file's name, for messages. */
  public String source() {
    return source;
  }

  /**
   * Records a problem.
   *
   * @param line 1-based line, 0 when unknown
   * @param column 1-based column, 0 when unknown
   * @param field the field's path, empty for the whole file
   * @param message what is wrong and what would be right, one line
   */
  public void add(int line, int column, String field, String message) {
    if (problems.size() >= MAX_PROBLEMS) {
      omitted++;
      return;
    }
    problems.add(new SpecProblem(source, line, column, field, message));
  }

  /** Whether the bound is reached: further problems are only counted. */
  public boolean full() {
    return problems.size() >= MAX_PROBLEMS;
  }

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return problems.isEmpty() && omitted == 0;
  }

  /** The list the YAML parser appends to directly. */
  List<SpecProblem> list() {
    return problems;
  }

  /**
   * Whether a problem was found at a field or inside it.
   *
   * @param path the field's path, such as {@code roles[2]}
   * @return true when any problem's field is the path or lies under it
   */
  public boolean under(String path) {
    if (path.isEmpty()) {
      return !isEmpty();
    }
    for (SpecProblem p : problems) {
      String f = p.field();
      if (f.equals(path) || f.startsWith(path + ".") || f.startsWith(path + "[")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The exception listing the problems found; a count stands in for those beyond {@link
   * #MAX_PROBLEMS}.
   *
   * @return the exception, to throw
   */
  public LabSpecException failure() {
    List<SpecProblem> listed = new ArrayList<>(problems);
    if (omitted > 0) {
      listed.add(
          new SpecProblem(
              source,
              0,
              0,
              "",
              "and " + omitted + " more problems not listed; fix the ones above first"));
    }
    return new LabSpecException(source, listed);
  }
}
