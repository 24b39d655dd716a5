package io.saltlab.topology.spec;

import java.util.Objects;

/**
 * One thing wrong with a lab spec file: where (line, column, field) and what.
 *
 * <p>Messages never hold a secret: passwords are not written in spec files, only where to find
 * them.
 */
public final class SpecProblem {
  private final String source;
  private final int line;
  private final int column;
  private final String field;
  private final String message;

  /**
   * Creates a problem.
   *
   * @param source the file name as given, for messages
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param field path of the field, for example {@code roles[1].ports[0].port}, or empty for the
   *     document
   * @param message what is wrong and what would be right, one line
   */
  public SpecProblem(String source, int line, int column, String field, String message) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.field = Objects.requireNonNull(field, "field");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The file name as given. */
  public String source() {
    return source;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** Path of the field, empty for the whole document. */
  public String field() {
    return field;
  }

  /** What is wrong, one line. */
  public String message() {
    return message;
  }

  /** {@code file:line:column: field: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(source);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    return out.append(message).toString();
  }
}
