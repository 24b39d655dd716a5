package io.saltlab.topology.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lab check on a spec value points at that value's line: a too-short autosign token is reported
 * on the line of the key that named it, not at the top of the file (issue 16's paper cut).
 */
class ValueLinesTest {

  private static final String SPEC =
      String.join(
          "\n",
          "name: lab",
          "registry:",
          "  server: registry.example.com:5000",
          "  existingSecret: registry-pull",
          "master:",
          "  image: registry.example.com:5000/salt/master:3006.9",
          "  hostRoot: /srv/salt",
          "  node: kube0",
          "minionImage: registry.example.com:5000/salt/minion:3006.9",
          "roles:",
          "  - name: web",
          "autosignTokenEnv: LAB_TOKEN",
          "");

  @Test
  void aTooShortTokenIsReportedOnTheLineOfItsKey() {
    LabSpecException e =
        catchThrowableOfType(
            LabSpecException.class,
            () -> LabSpec.parse(SPEC, "lab.yaml", Path.of("."), Map.of("LAB_TOKEN", "short")));

    assertThat(e).isNotNull();
    assertThat(e.problems())
        .anySatisfy(
            p -> {
              assertThat(p.field()).startsWith("autosignToken");
              assertThat(p.line()).isEqualTo(12);
            });
    assertThat(e.getMessage()).doesNotContain("short");
  }
}
