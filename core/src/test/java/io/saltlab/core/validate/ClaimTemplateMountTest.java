package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A StatefulSet's claim templates count as pod volumes (NoFalseAlarmsTest shows the Kubernetes
 * docs' example passes), but only under their own names: a mount of a name that is neither a volume
 * nor a claim template is still reported, so the exemption cannot hide a typo.
 */
class ClaimTemplateMountTest {
  private static final String STATEFUL_SET =
      String.join(
          "\n",
          "apiVersion: apps/v1",
          "kind: StatefulSet",
          "metadata: {name: web, namespace: default}",
          "spec:",
          "  serviceName: web",
          "  replicas: 2",
          "  selector: {matchLabels: {app: web}}",
          "  template:",
          "    metadata: {labels: {app: web}}",
          "    spec:",
          "      containers:",
          "        - name: web",
          "          image: registry.k8s.io/nginx-slim:0.8",
          "          volumeMounts:",
          "            - {name: www, mountPath: /usr/share/nginx/html}",
          "            - {name: logs, mountPath: /other}",
          "  volumeClaimTemplates:",
          "    - metadata: {name: www}",
          "      spec:",
          "        accessModes: [ReadWriteOnce]",
          "        resources: {requests: {storage: 1Gi}}",
          "");

  @ParameterizedTest
  @ValueSource(strings = {"1.9", "1.36"})
  void otherNamesStillNeedAVolume(String target) {
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of(target)).validateYaml(STATEFUL_SET);
    assertThat(report.problems())
        .filteredOn(p -> p.check().equals("mount-without-volume"))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).contains("logs"));
  }
}
