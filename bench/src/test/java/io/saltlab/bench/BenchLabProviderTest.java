package io.saltlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The provider run.sh hands to {@code saltlab render --class} sizes its lab from the environment.
 */
class BenchLabProviderTest {

  @Test
  void withoutTheVariableItSaysWhichVariableAndWhatItWants() {
    assumeTrue(
        System.getenv(BenchLabProvider.ROLES) == null,
        "SALTLAB_BENCH_ROLES is set in this environment");
    assertThatThrownBy(() -> new BenchLabProvider().lab())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SALTLAB_BENCH_ROLES")
        .hasMessageContaining("unset");
  }

  @Test
  void givesTheBenchLabOfThatSize() {
    String value = System.getenv(BenchLabProvider.ROLES);
    assumeTrue(
        value != null && value.matches("\\d+"), "SALTLAB_BENCH_ROLES is not set to a number");
    assertThat(new BenchLabProvider().lab().roles()).hasSize(Integer.parseInt(value));
  }
}
