package io.saltlab.core.validate;

/**
 * How bad a {@link Problem} is: whether the API server would refuse the object, or accept it and
 * let it break or misbehave once it runs.
 */
public enum Severity {
  /**
   * The API server would reject the object (or the document is no object at all): {@code saltlab
   * validate} exits 1 and a render writes nothing.
   */
  ERROR,

  /**
   * The API server accepts the object, but it breaks or misbehaves at run time (a Service whose
   * selector matches no pod, a probe on a port no container declares, an image without a tag...).
   * Printed, but fatal only with {@code validate --strict}.
   */
  WARNING;

  /**
   * The lower-case word shown in reports: {@code error} or {@code warning}.
   *
   * @return the label
   */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
