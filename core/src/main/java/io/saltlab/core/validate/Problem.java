package io.saltlab.core.validate;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One defect found in a set of Kubernetes manifests: where it is, what is there, what was expected
 * and how to fix it.
 *
 * <p>Problems are values: equal fields mean equal problems. The value shown for anything inside a
 * Secret other than its metadata, apiVersion, kind and type is always {@value #REDACTED}, so a
 * report can be printed or logged without leaking credentials.
 */
public final class Problem {

  /** What is shown instead of a value that could be secret. */
  public static final String REDACTED = "<redacted>";

  static final Comparator<Problem> ORDER =
      Comparator.comparingInt((Problem p) -> p.documentOrder)
          .thenComparing(p -> p.path, Problem::comparePaths)
          .thenComparing(p -> p.check)
          .thenComparing(p -> p.message)
          .thenComparing(p -> String.valueOf(p.value));

  private final String check;
  private final String source;
  private final String resource;
  private final String path;
  private final String message;
  private final String value;
  private final String expected;
  private final String hint;
  private final int documentOrder;
  private final Severity severity;
  private final String file;
  private final int line;
  private final int column;

  private Problem(Builder b) {
    this.check = Objects.requireNonNull(b.check, "check");
    this.source = b.source == null ? "" : b.source;
    this.resource = b.resource == null ? "" : b.resource;
    this.path = b.path == null ? "" : b.path;
    this.message = Objects.requireNonNull(b.message, "message");
    this.value = b.value;
    this.expected = b.expected;
    this.hint = b.hint;
    this.documentOrder = b.documentOrder;
    this.severity = b.severity;
    this.file = b.file;
    this.line = b.line;
    this.column = b.column;
  }

  /** The same problem, placed at a line and column of a file (1-based). */
  Problem at(String file, int line, int column) {
    Builder b =
        builder(check)
            .source(source)
            .resource(resource)
            .path(path)
            .message(message)
            .value(value)
            .expected(expected)
            .hint(hint)
            .order(documentOrder)
            .severity(severity);
    b.file = file;
    b.line = line;
    b.column = column;
    return b.build();
  }

  /** Orders paths with numbers compared as numbers, so volumes[2] comes before volumes[10]. */
  private static int comparePaths(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        int c =
            new java.math.BigInteger(a.substring(i, ei))
                .compareTo(new java.math.BigInteger(b.substring(j, ej)));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The position of the problem's document in the input, for ordering and placing. */
  int documentOrder() {
    return documentOrder;
  }

  static Builder builder(String check) {
    return new Builder(check);
  }

  /**
   * A short, stable identifier of the kind of defect, for example {@code unknown-field}, {@code
   * selector-matches-no-pod} or {@code hostpath-variable}; tests and tools match on it.
   *
   * @return the check identifier
   */
  public String check() {
    return check;
  }

  /**
   * Whether the API server would refuse this ({@link Severity#ERROR}) or accept it and let it break
   * at run time ({@link Severity#WARNING}).
   *
   * @return the severity
   */
  public Severity severity() {
    return severity;
  }

  /**
   * Where the offending field is, as {@code file:line:column} (1-based), for documents read from a
   * file or a named YAML text; a field that is missing is placed at the nearest enclosing field
   * that exists.
   *
   * @return the location, empty for documents passed as trees and for whole-file problems without a
   *     position
   */
  public Optional<String> location() {
    return file == null ? Optional.empty() : Optional.of(file + ":" + line + ":" + column);
  }

  /**
   * The line of {@link #location()}, 1-based.
   *
   * @return the line, 0 when the location is unknown
   */
  public int line() {
    return line;
  }

  /**
   * The column of {@link #location()}, 1-based.
   *
   * @return the column, 0 when the location is unknown
   */
  public int column() {
    return column;
  }

  /**
   * Where the document came from: a file name with the document's number and first line (for
   * example {@code salt.yaml#2 (line 14)}), or {@code document 3} for documents passed as trees.
   *
   * @return the source, empty if unknown
   */
  public String source() {
    return source;
  }

  /**
   * The object concerned as {@code Kind/namespace/name} ({@code Kind/name} for cluster-scoped
   * objects); parts that the document lacks are shown as {@code ?}.
   *
   * @return the resource, empty for problems that concern a whole file
   */
  public String resource() {
    return resource;
  }

  /**
   * The field concerned, such as {@code spec.template.spec.volumes[0].hostpath}; map keys that are
   * not plain identifiers are quoted ({@code metadata.labels["app.kubernetes.io/name"]}).
   *
   * @return the path, empty when the problem concerns the whole document or file
   */
  public String path() {
    return path;
  }

  /**
   * What is wrong, in a few words (for example {@code unknown field}).
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * The offending value as compact text, {@value #REDACTED} inside Secret payloads.
   *
   * @return the value, empty when there is none (a missing field)
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /**
   * What would have been valid.
   *
   * @return the expectation, empty when none can be stated
   */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /**
   * A suggestion for fixing the problem.
   *
   * @return the hint, empty when there is none
   */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /**
   * One line for people: severity, location (or source), resource, path, message, value,
   * expectation and hint.
   *
   * @return the line
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity.label()).append(": ");
    if (file != null) {
      sb.append(file).append(':').append(line).append(':').append(column).append(": ");
    } else if (!source.isEmpty()) {
      sb.append(source).append(": ");
    }
    if (!resource.isEmpty()) {
      sb.append(resource).append(": ");
    }
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    sb.append(message);
    if (value != null) {
      sb.append(" (found ").append(value).append(')');
    }
    if (expected != null) {
      sb.append("; expected ").append(expected);
    }
    if (hint != null) {
      sb.append("; hint: ").append(hint);
    }
    sb.append(" [").append(check).append(']');
    return sb.toString().replace('\n', ' ');
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Problem)) {
      return false;
    }
    Problem p = (Problem) o;
    return check.equals(p.check)
        && severity == p.severity
        && line == p.line
        && column == p.column
        && Objects.equals(file, p.file)
        && source.equals(p.source)
        && resource.equals(p.resource)
        && path.equals(p.path)
        && message.equals(p.message)
        && Objects.equals(value, p.value)
        && Objects.equals(expected, p.expected)
        && Objects.equals(hint, p.hint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(check, source, resource, path, message, value, expected, hint, line);
  }

  /** Assembles a problem; package-private because problems are only made by the validator. */
  static final class Builder {
    private final String check;
    private String source;
    private String resource;
    private String path;
    private String message;
    private String value;
    private String expected;
    private String hint;
    private int documentOrder;
    private Severity severity = Severity.ERROR;
    private String file;
    private int line;
    private int column;

    private Builder(String check) {
      this.check = check;
    }

    Builder source(String s) {
      this.source = s;
      return this;
    }

    Builder resource(String r) {
      this.resource = r;
      return this;
    }

    Builder path(String p) {
      this.path = p;
      return this;
    }

    Builder message(String m) {
      this.message = m;
      return this;
    }

    Builder value(String v) {
      this.value = v;
      return this;
    }

    Builder expected(String e) {
      this.expected = e;
      return this;
    }

    Builder hint(String h) {
      this.hint = h;
      return this;
    }

    Builder severity(Severity s) {
      this.severity = s;
      return this;
    }

    /** Marks the problem as something the API server accepts but that breaks at run time. */
    Builder warning() {
      return severity(Severity.WARNING);
    }

    Builder order(int o) {
      this.documentOrder = o;
      return this;
    }

    Problem build() {
      return new Problem(this);
    }
  }
}
