package com.example;

import static io.saltlab.golden.ManifestsAssert.assertThat;

import io.saltlab.examples.ShopLab;
import io.saltlab.golden.Golden;
import io.saltlab.topology.AppRole;
import io.saltlab.topology.SaltLab;
import org.junit.jupiter.api.Test;

/** The snippets of docs/testing.md, as written there (a test keeps them equal). */
class MyLabTest {

  @Test
  void masterKeepsItsConfigOnTheNode() {
    assertThat(MyLab.lab(), "1.36")
        .deployment("salt-master")
            .mountsHostPath("/salt/conf", "/home/vagrant/salt/conf")
            .hasImagePullSecret("registry-pull")
            .hasReplicas(1)
        .and()
        .service("salt-master").selectsPodsOf("salt-master").exposesPort("salt-pub", 4505);
  }

  @Test
  void wholeOutputIsPinned() {
    Golden.verify(MyLab.lab(), "1.36");   // byte comparison; never approves on CI=true
  }

  @Test
  void threeZookeepersStayOneStatefulSet() {
    SaltLab lab = MyLab.lab();
    SaltLab bigger = SaltLab.builder().from(lab)
        .roles(lab.roles().stream()
            .map(r -> r.name().equals("zookeeper") ? AppRole.builder().from(r).replicas(3).build() : r)
            .toList())
        .build();

    assertThat(bigger, "1.36").statefulSet("zookeeper").hasReplicas(3);
  }

  @Test
  void shopLabSettings() {
    assertThat(ShopLab.lab(), "1.36")
        .statefulSet("orders")
            .requests("cpu", "100m").limits("memory", "512Mi")      // compared as quantities: 0.1 = 100m
            .hasHttpProbe("readinessProbe", "/health", "http")
            .tolerates("dedicated", "NoSchedule")                   // field, or the 1.5 annotation
            .hasEnvFromSecret("DB_PASSWORD", "orders-db", "password")
            .hasPodAnnotation("prometheus.io/scrape", "true")
        .and()
        .service("orders").hasType("NodePort").exposesNodePort("http", 30080)
        .and()
        .statefulSet("zookeeper")
            .mountsVolume("/var/lib/zookeeper", "volumeClaimTemplate").hasClaimTemplate("data", "1Gi")
            .hasEnvFromField("ZOO_MEMBER_NAME", "metadata.name")
        .and()
        .disruptionBudget("zookeeper").hasMinAvailable("2").selectsPodsOf("zookeeper")
        .and()
        .networkPolicy("shop-lab-isolation").admitsOnlyTheNamespace()
        .and()
        .networkPolicy("orders-ingress").selectsPodsOf("orders").admitsPort(8080);
  }
}
