package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import org.junit.jupiter.api.Test;

/** A number too large to represent is a problem with its file and line, never an exception. */
class NonFiniteNumberTest {

  @Test
  void oneE400IsReportedAtItsDocument() {
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: ok}\n"
            + "immutable: 1e400\ndata: {a: b}\n";
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validateYaml("in.yaml", yaml);
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.source())
        .containsExactly("yaml-number in.yaml#2 (line 5)");
  }
}
