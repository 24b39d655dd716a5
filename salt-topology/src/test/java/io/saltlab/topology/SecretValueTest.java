package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValueTest {

  @Test
  void neverPrintsTheValue() {
    SecretValue s = SecretValue.fromEnv("REG_PASS", Map.of("REG_PASS", "hunter2"));
    assertThat(s.toString()).doesNotContain("hunter2").contains("environment variable REG_PASS");
    assertThat(s.reveal()).isEqualTo("hunter2");
    Registry r = Registry.builder().server("r:5000").username("u").password(s).build();
    assertThat(r.toString()).doesNotContain("hunter2").contains("****");
    assertThat(TestLabs.withRoles(1).toString()).doesNotContain(TestLabs.PASSWORD);
  }

  @Test
  void missingVariableSaysWhatToDo() {
    assertThatThrownBy(() -> SecretValue.fromEnv("REG_PASS", Map.of()))
        .hasMessage(
            "environment variable REG_PASS is not set or empty; set it to the secret (export"
                + " REG_PASS=...) or load the secret from a file instead");
  }

  /** An alphanumeric password pasted in place of the name is a valid name, but not UPPER_CASE. */
  @Test
  void aNameThatMayBeAPastedPasswordIsNeverPrinted() {
    for (String pasted : java.util.List.of("hunter2", "Tr0ub4dor3", "correcthorsebattery")) {
      assertThatThrownBy(() -> SecretValue.fromEnv(pasted, Map.of()))
          .hasMessageNotContaining(pasted)
          .hasMessageContaining("not in UPPER_CASE");
    }
    assertThat(SecretValue.isConventionalName("SALTLAB_REGISTRY_PASSWORD")).isTrue();
    assertThat(SecretValue.isConventionalName("_X1")).isTrue();
    assertThat(SecretValue.isConventionalName("http_proxy")).isFalse();
  }

  @Test
  void readsAFileDroppingOneTrailingNewline(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("pw");
    Files.writeString(f, "hunter2\n");
    assertThat(SecretValue.fromFile(f).reveal()).isEqualTo("hunter2");
    assertThatThrownBy(() -> SecretValue.fromFile(dir.resolve("missing")))
        .hasMessageContaining("secret file")
        .hasMessageContaining("missing does not exist");
  }
}
