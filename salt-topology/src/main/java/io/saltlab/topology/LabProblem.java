package io.saltlab.topology;

import java.util.Objects;

/**
 * One thing wrong with a lab as built: the field, the bad value, what was expected and an example
 * of a good value.
 */
public final class LabProblem {
  private final String field;
  private final String value;
  private final String expected;
  private final String example;

  /**
   * Creates a problem.
   *
   * @param field path of the field in the lab, for example {@code roles[2].name}
   * @param value the bad value as text (never a secret)
   * @param expected what a good value looks like
   * @param example a good value
   */
  public LabProblem(String field, String value, String expected, String example) {
    this.field = Objects.requireNonNull(field, "field");
    this.value = value;
    this.expected = Objects.requireNonNull(expected, "expected");
    this.example = example;
  }

  /** Path of the field in the lab, for example {@code roles[2].name}. */
  public String field() {
    return field;
  }

  /** The bad value as text, or {@code null} when the value is missing. */
  public String value() {
    return value;
  }

  /** What a good value looks like. */
  public String expected() {
    return expected;
  }

  /** A good value, or {@code null} when none fits. */
  public String example() {
    return example;
  }

  /** One line: {@code field: 'value' is wrong; expected ..., for example '...'}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(field).append(": ");
    out.append(value == null ? "missing" : "'" + printable(value) + "'");
    out.append("; expected ").append(expected);
    if (example != null) {
      out.append(", for example '").append(example).append('\'');
    }
    return out.toString();
  }

  private static String printable(String s) {
    String shown = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    StringBuilder out = new StringBuilder();
    for (char c : shown.toCharArray()) {
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LabProblem)) {
      return false;
    }
    LabProblem p = (LabProblem) o;
    return field.equals(p.field)
        && Objects.equals(value, p.value)
        && expected.equals(p.expected)
        && Objects.equals(example, p.example);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, value, expected, example);
  }
}
