package io.saltlab.golden;

import io.saltlab.examples.SeedLab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins the seed lab's full YAML, byte for byte, for the targets whose output differs. */
class SeedLabGoldenTest {

  @ParameterizedTest(name = "seed lab for Kubernetes {0}")
  @ValueSource(strings = {"1.6", "1.8", "1.9", "1.36"})
  void seedLab(String target) {
    Golden.verify(SeedLab.lab(), target);
  }
}
