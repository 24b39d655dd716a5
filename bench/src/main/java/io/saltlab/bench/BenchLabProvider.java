package io.saltlab.bench;

import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;
import java.util.Map;

/**
 * The {@link BenchLabs} lab for {@code saltlab render --class io.saltlab.bench.BenchLabProvider}:
 * the lab written in code, as the cdk8s script writes its own, so that {@code bench/run.sh} times
 * the same kind of program on both sides. Its size is the environment variable {@value #ROLES}.
 */
public final class BenchLabProvider implements LabProvider {

  /** The environment variable giving the number of roles. */
  public static final String ROLES = "SALTLAB_BENCH_ROLES";

  private final Map<String, String> environment;

  /** Creates the provider reading this process's environment; the command line calls it. */
  public BenchLabProvider() {
    this(System.getenv());
  }

  /** Creates the provider reading the given variables instead (tests). */
  BenchLabProvider(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The lab of {@code $SALTLAB_BENCH_ROLES} roles.
   *
   * @return the lab
   * @throws IllegalArgumentException when the variable is missing or not a number of roles
   */
  @Override
  public SaltLab lab() {
    String value = environment.get(ROLES);
    try {
      int roles = Integer.parseInt(value == null ? "" : value.trim());
      if (roles < 0) {
        throw new NumberFormatException();
      }
      return BenchLabs.lab(roles);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          ROLES
              + " must be a number of roles such as 5000, was "
              + (value == null ? "unset" : "'" + value + "'"));
    }
  }
}
