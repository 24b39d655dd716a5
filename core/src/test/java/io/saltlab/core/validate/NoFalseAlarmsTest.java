package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the API server and kubectl accept must pass: empty documents (a trailing {@code ---}),
 * documents of only a comment (as {@code helm template} emits), {@code ...} document ends, and a
 * StatefulSet mounting its volumeClaimTemplates; and problems point at the field's line.
 */
class NoFalseAlarmsTest {

  private static final String CONFIG_MAP =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "---\n" + CONFIG_MAP + "---\n",
        "# Source: chart/templates/empty.yaml\n---\n" + CONFIG_MAP,
        CONFIG_MAP + "---\n# Source: chart/templates/nothing.yaml\n---\n# only a comment\n",
        CONFIG_MAP + "...\n",
        CONFIG_MAP + "...\n---\n# trailing comment\n...\n",
        "---\n---\n" + CONFIG_MAP + "---\n---\n"
      })
  void emptyAndCommentOnlyDocumentsAreNoObjects(String yaml) {
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validateYaml("chart.yaml", yaml);
    assertThat(report.problems()).as(report.format()).isEmpty();
    assertThat(report.documentCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.9", "1.20", "1.36"})
  void statefulSetMountsOfItsClaimTemplatesAreVolumes(String version) {
    String yaml =
        String.join(
            "\n",
            "apiVersion: apps/v1",
            "kind: StatefulSet",
            "metadata: {name: web}",
            "spec:",
            "  serviceName: web",
            "  selector: {matchLabels: {app: web}}",
            "  template:",
            "    metadata: {labels: {app: web}}",
            "    spec:",
            "      containers:",
            "      - name: nginx",
            "        image: registry.k8s.io/nginx-slim:0.8",
            "        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]",
            "  volumeClaimTemplates:",
            "  - metadata: {name: www}",
            "    spec:",
            "      accessModes: [ReadWriteOnce]",
            "      resources: {requests: {storage: 1Gi}}",
            "---",
            "apiVersion: v1",
            "kind: Service",
            "metadata: {name: web}",
            "spec: {clusterIP: None, selector: {app: web}}",
            "");
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of(version)).validateYaml("web.yaml", yaml);
    assertThat(report.problems()).as(report.format()).isEmpty();
  }

  @Test
  void problemsPointAtTheFieldsLineAndColumn() {
    String yaml =
        String.join(
            "\n",
            "# a comment line",
            "apiVersion: v1",
            "kind: Pod",
            "metadata:",
            "  name: tool",
            "spec:",
            "  containers:",
            "  - name: tool",
            "    image: busybox:1.36",
            "    imagePullPolicy: Sometimes",
            "    resources:",
            "      limits: {memory: 1.5GB}",
            "");
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validateYaml("pod.yaml", yaml);
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.location().orElse("?"))
        .containsExactly("invalid-enum pod.yaml:10:5", "invalid-quantity pod.yaml:12:16");
    assertThat(report.problems().get(0).line()).isEqualTo(10);
    assertThat(report.problems().get(0).column()).isEqualTo(5);
    assertThat(report.format()).contains("  - error: pod.yaml:10:5: Pod/default/tool: ");
  }
}
