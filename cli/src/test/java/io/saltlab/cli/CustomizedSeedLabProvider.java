package io.saltlab.cli;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.cluster.ClusterProvider;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.customize.Target;
import io.saltlab.examples.SeedLab;
import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;
import java.util.Optional;

/**
 * The seed lab with one customization of each kind that a spec file can also carry, for {@code
 * render --class}; {@link CustomizedLabCliTest} writes the spec twin. Plus a typed edit, which only
 * code can make, and which the spec twin makes as the JSON patch it amounts to.
 */
public final class CustomizedSeedLabProvider implements LabProvider, ClusterProvider {
  static final String INGRESS =
      "apiVersion: networking.k8s.io/v1\n"
          + "kind: Ingress\n"
          + "metadata: {name: orders, namespace: salt-lab}\n"
          + "spec:\n"
          + "  rules:\n"
          + "  - http:\n"
          + "      paths:\n"
          + "      - path: /\n"
          + "        pathType: Prefix\n"
          + "        backend: {service: {name: orders, port: {number: 8082}}}\n";

  static final String JSON_PATCH =
      "[{op: add, path: /spec/template/spec/terminationGracePeriodSeconds, value: 60}]";

  static final String STRATEGIC_MERGE =
      "{metadata: {annotations: {prometheus.io/scrape: \"true\"}}}";

  @Override
  public SaltLab lab() {
    return SaltLab.builder()
        .from(SeedLab.lab())
        .customizations(
            Customizations.builder()
                .edit(
                    StatefulSet.class,
                    "zookeeper",
                    (StatefulSetBuilder s) ->
                        s.editSpec()
                            .editTemplate()
                            .editSpec()
                            .withPriorityClassName("lab-critical")
                            .endSpec()
                            .endTemplate()
                            .endSpec())
                .jsonPatch(Target.of("StatefulSet", "hazelcast"), JSON_PATCH)
                .strategicMerge(Target.of("Service", "orders"), STRATEGIC_MERGE)
                .addYaml(INGRESS)
                .build())
        .build();
  }

  /** The seed lab's VMs, as the spec twin's {@code cluster:} section (from seed-lab.yaml) has. */
  @Override
  public Optional<LabCluster> cluster(SaltLab lab, KubernetesVersion target) {
    return LabCluster.seedCluster(lab, target);
  }
}
