package io.saltlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider run.sh hands to {@code saltlab render --class} sizes its lab from the environment.
 */
class BenchLabProviderTest {

  @Test
  void withoutTheVariableItSaysWhichVariableAndWhatItWants() {
    assertThatThrownBy(() -> new BenchLabProvider(Map.of()).lab())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SALTLAB_BENCH_ROLES")
        .hasMessageContaining("unset");
  }

  @Test
  void refusesAValueThatIsNotANumberOfRoles() {
    assertThatThrownBy(() -> new BenchLabProvider(Map.of(BenchLabProvider.ROLES, "-3")).lab())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'-3'");
  }

  @Test
  void givesTheBenchLabOfThatSize() {
    assertThat(new BenchLabProvider(Map.of(BenchLabProvider.ROLES, "7")).lab().roles()).hasSize(7);
    assertThat(new BenchLabProvider(Map.of(BenchLabProvider.ROLES, " 0 ")).lab().roles()).isEmpty();
  }
}
