package io.saltlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes quantity syntax, canonical forms as the API server writes them, and near misses. */
class QuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "500m, 500m",
    "0.5, 500m",
    ".5, 500m",
    "5., 5",
    "+1, 1",
    "1000m, 1",
    "0.1, 100m",
    "2000, 2k",
    "1024, 1024",
    "1n, 1n",
    "0.0000000001, 1n",
    "0.0005, 500u",
    "1.5Gi, 1536Mi",
    "1Gi, 1Gi",
    "1024Mi, 1Gi",
    "100Mi, 100Mi",
    "0.5Ki, 512",
    "1.5Ki, 1536",
    "2e3, 2e3",
    "1e3, 1e3",
    "1.5e3, 1500",
    "12e6, 12e6",
    "5e-3, 5e-3",
    "1E, 1E",
    "1.5G, 1500M",
    "0, 0",
    "0Gi, 0"
  })
  void parsesAndWritesTheCanonicalForm(String text, String canonical) {
    Quantity q = Quantity.parse(text);
    assertThat(q.toString()).isEqualTo(canonical);
    assertThat(Quantity.parse(q.toString())).as("canonical form reads back").isEqualTo(q);
    assertThat(Quantity.parse(q.toString()).toString()).isEqualTo(canonical);
    assertThat(Quantity.problem(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "1..5", "Gi", "1 Gi", "1Gi ", "1e", "1.5e3.2", "--1", "0x10"})
  void refusesWhatIsNotAQuantity(String text) {
    assertThatThrownBy(() -> Quantity.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "' is not a quantity")
        .hasMessageContaining("for example 500m, 1.5Gi or 2e3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      quoteCharacter = '"',
      value = {"1.5GB, '1.5G' (powers of 1000) or '1.5Gi'", "512mb, '512M'", "1gi, '1G'"})
  void nearMissesGetADidYouMean(String text, String hint) {
    assertThat(Quantity.problem(text)).contains("did you mean " + hint);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e99", "9223372036854775808", "9Ei"})
  void refusesWhatTheApiServerCannotHold(String text) {
    assertThat(Quantity.problem(text)).contains("too large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1Ei"})
  void boundsAreInclusive(String text) {
    assertThat(Quantity.problem(text)).isNull();
  }

  @org.junit.jupiter.api.Test
  void comparesAmountsAcrossSuffixes() {
    assertThat(Quantity.parse("1Gi")).isGreaterThan(Quantity.parse("1G"));
    assertThat(Quantity.parse("500m").compareTo(Quantity.parse("0.5"))).isZero();
    assertThat(Quantity.parse("1.5Gi").value()).isEqualTo(new BigDecimal("1610612736"));
    assertThat(Quantity.problem("x".repeat(65))).contains("65 characters");
  }
}
