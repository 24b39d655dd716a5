package io.saltlab.golden;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.render.Manifests;
import io.saltlab.examples.SeedLab;
import org.junit.jupiter.api.Test;

/** Each assertion passes on the seed lab and fails with a message quoting the YAML concerned. */
class ManifestsAssertTest {
  private static final Manifests SEED = SeedLab.lab().render("1.36");
  private static final Manifests OLD = SeedLab.lab().render("1.6");

  @Test
  void passesOnWhatTheSeedLabRenders() {
    ManifestsAssert.assertThat(SEED)
        .hasObject("Namespace", "salt-lab")
        .hasNoObject("StatefulSet", "salt-master")
        .deployment("salt-master")
        .mountsHostPath("/salt/conf", "/home/vagrant/salt/conf")
        .mountsHostPath("/salt/formulas", "/home/vagrant/salt/formulas")
        .hasImagePullSecret("registry-pull")
        .hasReplicas(1)
        .hasContainerPort("salt-pub", 4505)
        .hasContainerPort(4506)
        .hasImage("registry.lab.local:5000/salt/master:3006.9")
        .hasApiVersion("apps/v1")
        .and()
        .statefulSet("zookeeper")
        .hasEnv("ZOO_MY_ID", "1")
        .and()
        .service("salt-master")
        .selectsPodsOf("salt-master")
        .exposesPort("salt-ret", 4506)
        .isHeadless()
        .and()
        .secret("registry-pull")
        .hasType("kubernetes.io/dockerconfigjson")
        .hasDataKey(".dockerconfigjson");
    ManifestsAssert.assertThat(SeedLab.lab(), "1.6")
        .workload("StatefulSet", "billing")
        .hasApiVersion("apps/v1beta1");
  }

  @Test
  void missingObjectsListWhatIsRendered() {
    assertThatThrownBy(() -> ManifestsAssert.assertThat(SEED).deployment("salt-mastr"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a Deployment named 'salt-mastr' for Kubernetes 1.36")
        .hasMessageContaining("  Deployment/salt-lab/salt-master");
    assertThatThrownBy(() -> ManifestsAssert.assertThat(SEED).hasNoObject("Service", "billing"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it is rendered");
  }

  @Test
  void hostPathFailuresShowTheMountsAndTheYaml() {
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SEED)
                    .deployment("salt-master")
                    .mountsHostPath("/salt/conf", "/srv/salt/conf"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected Deployment/salt-lab/salt-master to mount host path /srv/salt/conf at"
                + " /salt/conf")
        .hasMessageContaining("/salt/conf <- hostPath /home/vagrant/salt/conf")
        .hasMessageContaining("Its YAML:\napiVersion: apps/v1\nkind: Deployment");
  }

  @Test
  void workloadFailuresNameWhatWasFound() {
    assertThatThrownBy(() -> ManifestsAssert.assertThat(SEED).statefulSet("billing").hasReplicas(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have 3 replicas, but spec.replicas is 1");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SEED).statefulSet("billing").hasImagePullSecret("other"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("imagePullSecrets [registry-pull]");
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(SEED)
                    .statefulSet("billing")
                    .hasContainerPort("http", 9999))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ports [http:8080]");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).statefulSet("billing").hasImage("nginx"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("minion-business:3006.9");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).statefulSet("billing").hasEnv("APP_NAME", "x"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("- name: APP_NAME\n          value: billing");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(OLD).statefulSet("billing").hasApiVersion("apps/v1"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it has apps/v1beta1");
  }

  @Test
  void selectorFailuresShowBothSides() {
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).service("billing").selectsPodsOf("catalog"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected Service/salt-lab/billing to select the pods of StatefulSet/salt-lab/catalog")
        .hasMessageContaining("app.kubernetes.io/name=billing (pods have catalog)")
        .hasMessageContaining("selector:\n    app.kubernetes.io/instance: salt-lab")
        .hasMessageContaining("The pod template of StatefulSet/salt-lab/catalog has labels:");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).service("billing").selectsPodsOf("nothing"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no workload of that name");
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).service("billing").exposesPort("http", 80))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it exposes [http:8080]");
  }

  @Test
  void secretFailuresNeverShowValues() {
    assertThatThrownBy(
            () ->
                ManifestsAssert.assertThat(OLD)
                    .secret("registry-pull")
                    .hasType("kubernetes.io/dockerconfigjson"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("it has type kubernetes.io/dockercfg and data keys [.dockercfg]")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(e.getMessage())
                    .doesNotContain("eyJ", SeedLab.EXAMPLE_PASSWORD));
    assertThatThrownBy(
            () -> ManifestsAssert.assertThat(SEED).secret("registry-pull").hasDataKey(".dockercfg"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("data keys are [.dockerconfigjson] (values not shown)")
        .satisfies(
            e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("eyJ"));
  }
}
