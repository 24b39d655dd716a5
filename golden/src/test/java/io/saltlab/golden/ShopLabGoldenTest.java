package io.saltlab.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.customize.Customizations;
import io.saltlab.core.validate.ManifestValidationException;
import io.saltlab.examples.ShopLab;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.SaltLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the shop lab's full YAML, byte for byte, on the targets whose output differs (apps/v1 and
 * policy/v1beta1 on 1.9, policy/v1 from 1.21, the newest fields on 1.36), and the exact refusal on
 * 1.6, which has no NetworkPolicy. The lab's customizations ({@link ShopLab#customizations()}) are
 * in every file: the diff of each re-approval shows what they change.
 */
class ShopLabGoldenTest {

  @ParameterizedTest(name = "shop lab for Kubernetes {0}")
  @ValueSource(strings = {"1.9", "1.21", "1.36"})
  void shopLab(String target) {
    Golden.verify(ShopLab.lab(), target);
  }

  @Test
  void isRefusedOn16WithTheFieldAndTheFirstVersion() {
    assertThatThrownBy(() -> ShopLab.lab().render("1.6"))
        .isInstanceOf(InvalidLabException.class)
        .hasMessage(
            "lab 'shop-lab' for Kubernetes 1.6 is invalid (1 problem):\n"
                + "  - isolateNamespace: 'true'; expected Kubernetes 1.7 or later, the first to"
                + " have NetworkPolicy (networking.k8s.io/v1) (this target is 1.6); leave it out"
                + " for 1.6");
  }

  @Test
  void withoutTheNetworkPolicyItRendersOn16() {
    assertThat(
            SaltLab.builder()
                .from(ShopLab.lab())
                .isolateNamespace(false)
                .customizations(Customizations.none())
                .build()
                .render("1.6")
                .find("PodDisruptionBudget", "zookeeper"))
        .isPresent();
  }

  /** Customizations are validated like the rest: hazelcast's patch sets a field 1.6 lacks. */
  @Test
  void itsCustomizationsAreValidatedForTheTarget() {
    SaltLab lab = SaltLab.builder().from(ShopLab.lab()).isolateNamespace(false).build();
    assertThatThrownBy(() -> lab.render("1.6"))
        .isInstanceOf(ManifestValidationException.class)
        .hasMessageContaining("1 problem")
        .hasMessageContaining(
            "StatefulSet/shop-lab/hazelcast: spec.podManagementPolicy: unknown field"
                + " podManagementPolicy (found Parallel)");
  }
}
