package io.saltlab.golden;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.render.Manifests;
import io.saltlab.examples.ShopLab;
import org.junit.jupiter.api.Test;

/**
 * The test kit's assertions on resources, probes, Service types and ports, tolerations, volumes and
 * claims, environment sources, disruption budgets and network policies: each passes on the shop lab
 * and fails with a message that quotes the YAML concerned.
 */
class SettingsAssertTest {
  private static final Manifests SHOP = ShopLab.lab().render("1.36");
  // The typed settings on 1.5: without the NetworkPolicy, and without the customizations, which
  // set fields from 1.6 and 1.7.
  private static final Manifests SHOP_15 =
      io.saltlab.topology.SaltLab.builder()
          .from(ShopLab.lab())
          .isolateNamespace(false)
          .customizations(io.saltlab.core.customize.Customizations.none())
          .build()
          .render("1.5");

  @Test
  void passOnTheShopLab() {
    ManifestsAssert.assertThat(SHOP)
        .statefulSet("orders")
        .requests("cpu", "0.1")
        .limits("memory", "512Mi")
        .hasHttpProbe("readinessProbe", "/health", "http")
        .hasHttpProbe("livenessProbe", "/health", "http")
        .tolerates("dedicated", "NoSchedule")
        .hasEnvFromSecret("DB_PASSWORD", "orders-db", "password")
        .hasPodAnnotation("prometheus.io/scrape", "true")
        .and()
        .service("orders")
        .hasType("NodePort")
        .exposesNodePort("http", 30080)
        .hasAnnotation("shop.example.com/entry-point", "true")
        .and()
        .service("zookeeper")
        .hasType("Headless")
        .and()
        .statefulSet("zookeeper")
        .hasTcpProbe("readinessProbe", "client")
        .mountsVolume("/var/lib/zookeeper", "volumeClaimTemplate")
        .mountsVolume("/etc/salt/pki/minion", "volumeClaimTemplate")
        .hasClaimTemplate("data", "1Gi")
        .hasEnvFromField("ZOO_MEMBER_NAME", "metadata.name")
        .and()
        .disruptionBudget("zookeeper")
        .hasApiVersion("policy/v1")
        .hasMinAvailable("2")
        .selectsPodsOf("zookeeper")
        .and()
        .networkPolicy("shop-lab-isolation")
        .admitsOnlyTheNamespace()
        .and()
        .networkPolicy("orders-ingress")
        .selectsPodsOf("orders")
        .admitsPort(8080);
    ManifestsAssert.assertThat(SHOP_15)
        .statefulSet("hazelcast")
        .tolerates("dedicated", "NoSchedule")
        .and()
        .disruptionBudget("zookeeper")
        .hasApiVersion("policy/v1beta1");
  }

  @Test
  void failuresSayWhatWasFoundAndQuoteTheYaml() {
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SHOP).statefulSet("orders").requests("cpu", "200m"))
        .hasMessageContaining("Expected StatefulSet/shop-lab/orders to have requests.cpu 200m")
        .hasMessageContaining("requests [orders: 100m]")
        .hasMessageContaining("Its YAML:\n")
        .hasMessageContaining("kind: StatefulSet");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .statefulSet("orders")
                    .hasTcpProbe("readinessProbe", "http"))
        .hasMessageContaining("readinessProbe [orders: httpGet /health on http]");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .statefulSet("orders")
                    .tolerates("gpu", "NoSchedule"))
        .hasMessageContaining("tolerations [dedicated:NoSchedule]");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .statefulSet("zookeeper")
                    .mountsVolume("/var/lib/zookeeper", "emptyDir"))
        .hasMessageContaining("/var/lib/zookeeper <- volumeClaimTemplate");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .statefulSet("zookeeper")
                    .hasClaimTemplate("data", "2Gi"))
        .hasMessageContaining("claim templates [salt-minion-keys 1Mi, data 1Gi]");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .statefulSet("orders")
                    .hasEnvFromSecret("DB_PASSWORD", "catalog-db", "password"))
        .hasMessageContaining("DB_PASSWORD <- secretKeyRef orders-db/password");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SHOP).service("orders").hasType("ClusterIP"))
        .hasMessageContaining("it is NodePort")
        .hasMessageContaining("type: NodePort");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SHOP).service("orders").exposesNodePort("http", 30081))
        .hasMessageContaining("node ports [http:30080]");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP).disruptionBudget("zookeeper").hasMinAvailable("3"))
        .hasMessageContaining("minAvailable is 2")
        .hasMessageContaining("kind: PodDisruptionBudget");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .networkPolicy("orders-ingress")
                    .admitsOnlyTheNamespace())
        .hasMessageContaining("kind: NetworkPolicy");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .networkPolicy("shop-lab-isolation")
                    .admitsPort(8080))
        .hasMessageContaining("it admits []");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SHOP)
                    .disruptionBudget("zookeeper")
                    .selectsPodsOf("orders"))
        .hasMessageContaining("to select the pods of StatefulSet/shop-lab/orders");
  }
}
