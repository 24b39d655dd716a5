package io.saltlab.core.validate;

/**
 * Thrown when manifests that must be valid are not: carries the whole {@link ValidationReport}, and
 * its message lists every problem (one per line), so that a build log shows all defects at once
 * instead of the first.
 */
public class ManifestValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * Creates the exception for a report that has problems.
   *
   * @param report the report; its {@link ValidationReport#format()} becomes the message
   */
  public ManifestValidationException(ValidationReport report) {
    super(report.format());
    this.report = report;
  }

  /**
   * The report that caused the exception.
   *
   * @return the report with every problem
   */
  public ValidationReport report() {
    return report;
  }
}
