package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a set of manifests for one target version: every problem, in a
 * deterministic order (document order, then field path), plus whether the documents could be
 * checked against a bundled schema at all.
 *
 * <p>{@link #isClean()} speaks of problems only. A target without a bundled schema (1.12-1.27) is
 * never silently passed: {@link #schemaNotice()} then says {@code not schema-checked: ...}, and
 * {@link #format()} always shows that line.
 */
public final class ValidationReport {

  private final KubernetesVersion target;
  private final List<Problem> problems;
  private final String schemaNotice;
  private final int documentCount;

  ValidationReport(
      KubernetesVersion target, List<Problem> problems, String schemaNotice, int documentCount) {
    this.target = target;
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.ORDER);
    this.problems = Collections.unmodifiableList(sorted);
    this.schemaNotice = schemaNotice;
    this.documentCount = documentCount;
  }

  /**
   * The Kubernetes version the documents were validated for.
   *
   * @return the target version
   */
  public KubernetesVersion target() {
    return target;
  }

  /**
   * Every problem found, in deterministic order.
   *
   * @return an unmodifiable list, empty when the documents are clean
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The problems the API server would refuse, in report order.
   *
   * @return an unmodifiable list
   */
  public List<Problem> errors() {
    return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
  }

  /**
   * The problems the API server accepts but that break or misbehave at run time, in report order.
   *
   * @return an unmodifiable list
   */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
  }

  /**
   * True when no problem of either severity was found. This does not mean the documents were
   * schema-checked: see {@link #isSchemaChecked()}.
   *
   * @return whether the problem list is empty
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * True when no error was found (warnings may remain): what {@code saltlab validate} without
   * {@code --strict}, and every render, require.
   *
   * @return whether no problem is an error
   */
  public boolean isValid() {
    for (Problem p : problems) {
      if (p.severity() == Severity.ERROR) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a schema is bundled for the target and every document was checked against it.
   *
   * @return whether schema validation ran
   */
  public boolean isSchemaChecked() {
    return schemaNotice == null;
  }

  /**
   * For targets without a bundled schema: exactly {@code not schema-checked: no schema bundled for
   * 1.N; bundled: 1.5, 1.6, ...}.
   *
   * @return the notice, empty when the documents were schema-checked
   */
  public Optional<String> schemaNotice() {
    return Optional.ofNullable(schemaNotice);
  }

  /**
   * How many documents were validated (empty YAML documents are not counted).
   *
   * @return the document count
   */
  public int documentCount() {
    return documentCount;
  }

  /**
   * Multi-line text for people: a summary line (with the count of errors and warnings when there
   * are warnings), the notice of checks that could not run if any, then every problem on its own
   * line, starting with its severity.
   *
   * @return the formatted report, ending without a newline
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("Kubernetes ")
        .append(target)
        .append(": ")
        .append(documentCount)
        .append(documentCount == 1 ? " document, " : " documents, ")
        .append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    int warnings = warnings().size();
    if (warnings > 0) {
      int errors = problems.size() - warnings;
      sb.append(" (")
          .append(errors)
          .append(errors == 1 ? " error, " : " errors, ")
          .append(warnings)
          .append(warnings == 1 ? " warning)" : " warnings)");
    }
    if (schemaNotice != null) {
      sb.append("\n").append(schemaNotice);
    }
    for (Problem p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }

  /**
   * Throws when there is an error, and passes warnings; for callers, such as the renderer, that
   * must not write manifests the API server would refuse.
   *
   * @return this report, when it has no error
   * @throws ManifestValidationException listing every problem, when an error was found
   */
  public ValidationReport requireValid() {
    if (!isValid()) {
      throw new ManifestValidationException(this);
    }
    return this;
  }

  /**
   * Throws when there is any problem, warnings included; for callers that treat warnings as
   * failures (as {@code saltlab validate --strict} does).
   *
   * @return this report, when clean
   * @throws ManifestValidationException listing every problem, when not clean
   */
  public ValidationReport requireClean() {
    if (!isClean()) {
      throw new ManifestValidationException(this);
    }
    return this;
  }

  /** The same text as {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }
}
