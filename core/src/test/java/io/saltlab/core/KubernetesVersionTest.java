package io.saltlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionTest {

  @Test
  void parsesMinorPatchAndLeadingV() {
    assertThat(KubernetesVersion.of("1.36").minor()).isEqualTo(36);
    assertThat(KubernetesVersion.of("v1.16").minor()).isEqualTo(16);
    assertThat(KubernetesVersion.of("1.9.4").minor()).isEqualTo(9);
    assertThat(KubernetesVersion.of(" 1.6 ")).hasToString("1.6");
  }

  @Test
  void listsEveryVersionOfTheRangeInOrder() {
    assertThat(KubernetesVersion.all()).hasSize(32);
    assertThat(KubernetesVersion.all().get(0)).hasToString("1.5");
    assertThat(KubernetesVersion.all().get(31)).hasToString("1.36");
    assertThat(KubernetesVersion.DEFAULT).hasToString("1.36");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.4", "1.37", "2.1", "latest", "1", ""})
  void rejectsVersionsOutsideTheRangeNamingTheRange(String text) {
    assertThatThrownBy(() -> KubernetesVersion.of(text))
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessageContaining("1.5-1.36")
        .hasMessageContaining("for example 1.36");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> KubernetesVersion.of(null))
        .isInstanceOf(UnsupportedVersionException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void ordersByMinor() {
    assertThat(KubernetesVersion.of("1.9")).isLessThan(KubernetesVersion.of("1.10"));
    assertThat(KubernetesVersion.of("1.16").isAtLeast(16)).isTrue();
    assertThat(KubernetesVersion.of("1.15").isAtLeast(16)).isFalse();
  }
}
