package io.saltlab.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * A PodDisruptionBudget for a role: how many of its pods a voluntary disruption (a node drain) may
 * take down at once. Exactly one of the two is set, as a number ({@code 2}) or a percentage ({@code
 * 50%}).
 *
 * @param minAvailable pods that must stay up, or empty
 * @param maxUnavailable pods that may be down, or empty; from 1.7
 */
public record DisruptionBudget(Optional<String> minAvailable, Optional<String> maxUnavailable) {

  /** Checks the parts. */
  public DisruptionBudget {
    Objects.requireNonNull(minAvailable, "minAvailable");
    Objects.requireNonNull(maxUnavailable, "maxUnavailable");
  }

  /**
   * At least so many pods stay up.
   *
   * @param count a number such as {@code 2} or a percentage such as {@code 50%}
   * @return the budget
   */
  public static DisruptionBudget minAvailable(String count) {
    return new DisruptionBudget(Optional.of(count), Optional.empty());
  }

  /**
   * At most so many pods are down.
   *
   * @param count a number such as {@code 1} or a percentage such as {@code 25%}
   * @return the budget
   */
  public static DisruptionBudget maxUnavailable(String count) {
    return new DisruptionBudget(Optional.empty(), Optional.of(count));
  }
}
