package io.saltlab.core.customize;

import java.util.List;

/**
 * Customizations that cannot be made or applied: a malformed patch, a target that matches no
 * object, a pointer that names nothing, a failed {@code test}, an extra object that collides with a
 * generated one. Lists every problem, each naming the customization, what it looked for and what
 * exists.
 */
public final class CustomizationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems one message per problem
   */
  public CustomizationException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, in the order the customizations were given. */
  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder b = new StringBuilder(problems.size() + " customization problems:");
    for (String p : problems) {
      b.append("\n  - ").append(p);
    }
    return b.toString();
  }
}
