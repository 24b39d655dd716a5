package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The defects of the seed write-up's manifests (docs/seed.md), reproduced in our own minimal
 * validate/seed-lab23.yaml: the validator must name each of them.
 */
class SeedLabTest {

  private static final Path SEED = Path.of("src/test/resources/validate/seed-lab23.yaml");

  private static ValidationReport validate(String version) {
    return ManifestValidator.forTarget(KubernetesVersion.of(version)).validatePaths(SEED);
  }

  private static List<String> at(ValidationReport report, String check) {
    return report.problems().stream()
        .filter(p -> p.check().equals(check))
        .map(p -> p.resource() + " " + p.path())
        .collect(Collectors.toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.6", "1.28", "1.36"})
  void reportsTheHostpathTyposOnEveryBundledTarget(String version) {
    ValidationReport report = validate(version);

    assertThat(at(report, "unknown-field"))
        .containsExactly(
            "Deployment/salt-lab/salt-master spec.template.spec.volumes[0].hostpath",
            "Deployment/salt-lab/salt-master spec.template.spec.volumes[1].hostpath",
            "Deployment/salt-lab/salt-master spec.template.spec.volumes[2].hostpath",
            "Deployment/salt-lab/salt-master spec.template.spec.volumes[3].hostpath",
            "Deployment/salt-lab/salt-master spec.template.spec.volumes[4].hostpath");
    assertThat(report.problems())
        .filteredOn(p -> p.check().equals("unknown-field"))
        .allSatisfy(
            p ->
                assertThat(p.hint())
                    .hasValueSatisfying(h -> assertThat(h).contains("did you mean hostPath?")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.6", "1.20", "1.28", "1.36"})
  void reportsTheCrossObjectDefectsOnEveryTarget(String version) {
    ValidationReport report = validate(version);

    assertThat(at(report, "selector-matches-no-pod"))
        .containsExactly(
            "Service/salt-lab/salt-master spec.selector",
            "Service/salt-lab/salt-minion spec.selector");
    assertThat(report.problems())
        .filteredOn(p -> p.check().equals("selector-matches-no-pod"))
        .extracting(p -> p.value().orElse(""))
        .containsExactly("{\"service\":\"salt-master\"}", "{\"service\":\"salt-minion\"}");
    assertThat(report.problems())
        .filteredOn(p -> p.check().equals("selector-matches-no-pod"))
        .first()
        .satisfies(
            p ->
                assertThat(p.hint())
                    .hasValueSatisfying(
                        h -> assertThat(h).startsWith("did you mean name: salt-master?")));
    assertThat(at(report, "hostpath-variable"))
        .hasSize(5)
        .allSatisfy(
            s ->
                assertThat(s)
                    .matches(
                        "Deployment/salt-lab/salt-master"
                            + " spec\\.template\\.spec\\.volumes\\[\\d]\\.hostpath\\.path"));
    assertThat(report.problems())
        .filteredOn(p -> p.check().equals("hostpath-variable"))
        .extracting(p -> p.value().orElse(""))
        .containsExactly(
            "$HOME/salt/conf",
            "$HOME/salt/states",
            "$HOME/salt/pillar",
            "$HOME/salt/delivery",
            "$HOME/salt/formulas");
    assertThat(at(report, "pod-template-namespace"))
        .containsExactly(
            "Deployment/salt-lab/salt-master spec.template.metadata.namespace",
            "Deployment/salt-lab/salt-minion spec.template.metadata.namespace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.28", "1.36"})
  void removedExtensionsDeploymentNamesAppsV1(String version) {
    ValidationReport report = validate(version);

    List<Problem> removed =
        report.problems().stream()
            .filter(p -> p.check().equals("api-not-served"))
            .collect(Collectors.toList());
    assertThat(removed)
        .extracting(Problem::resource)
        .containsExactly("Deployment/salt-lab/salt-master", "Deployment/salt-lab/salt-minion");
    Problem first = removed.get(0);
    assertThat(first.path()).isEqualTo("apiVersion");
    assertThat(first.value()).contains("extensions/v1beta1");
    assertThat(first.message())
        .isEqualTo(
            "extensions/v1beta1 Deployment is not served by Kubernetes "
                + version
                + " (no API extensions/v1beta1 at all; removed in 1.16)");
    assertThat(first.expected()).contains("an apiVersion serving Deployment: apps/v1");
    assertThat(first.hint())
        .hasValueSatisfying(h -> assertThat(h).startsWith("use apiVersion: apps/v1 "));
    // apps/v1 requires a selector that extensions/v1beta1 defaulted: said in the same report
    assertThat(at(report, "missing-field"))
        .contains(
            "Deployment/salt-lab/salt-master spec.selector",
            "Deployment/salt-lab/salt-minion spec.selector");
  }

  @Test
  void extensionsDeploymentIsFineWhereItIsServed() {
    assertThat(at(validate("1.6"), "api-not-served")).isEmpty();
    assertThat(at(validate("1.11"), "api-not-served")).isEmpty();
  }

  @Test
  void unbundledTargetSaysItIsNotSchemaChecked() {
    ValidationReport report = validate("1.20");

    assertThat(report.isSchemaChecked()).isFalse();
    assertThat(report.schemaNotice())
        .contains(
            "not schema-checked: no schema bundled for 1.20; bundled: 1.5, 1.6, 1.7, 1.8, 1.9,"
                + " 1.10, 1.11, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36; not checked:"
                + " unknown fields, required fields and value types; checked: apiVersion and kind"
                + " served, value rules and cross-object rules");
    assertThat(report.format()).contains("not schema-checked: no schema bundled for 1.20");
    assertThat(at(report, "unknown-field")).isEmpty();
    // The version table knows extensions/v1beta1 Deployments were removed in 1.16, schema or not.
    assertThat(at(report, "api-not-served"))
        .containsExactly(
            "Deployment/salt-lab/salt-master apiVersion",
            "Deployment/salt-lab/salt-minion apiVersion");
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void secretValuesNeverAppearInTheReport() {
    String text = validate("1.36").format();

    assertThat(text)
        .doesNotContain("c2FsdA==", "czNjcmV0", "cmVnaXN0cnkuZXhhbXBsZS5jb20=", "eyJyZWdpc3Ry");
  }

  @Test
  void formatListsEveryProblemOnItsOwnLine() {
    ValidationReport report = validate("1.36");

    String[] lines = report.format().split("\n");
    assertThat(lines[0])
        .isEqualTo(
            "Kubernetes 1.36: 6 documents, "
                + report.problems().size()
                + " problems ("
                + report.errors().size()
                + " errors, "
                + report.warnings().size()
                + " warnings)");
    assertThat(report.warnings()).isNotEmpty();
    assertThat(report.errors().size() + report.warnings().size())
        .isEqualTo(report.problems().size());
    assertThat(lines).hasSize(1 + report.problems().size());
    for (Problem p : report.problems()) {
      assertThat(report.format()).contains("  - " + p);
      assertThat(p.source()).startsWith(SEED.toString() + "#");
      assertThat(p.location()).hasValueSatisfying(l -> assertThat(l).startsWith(SEED + ":"));
    }
  }
}
