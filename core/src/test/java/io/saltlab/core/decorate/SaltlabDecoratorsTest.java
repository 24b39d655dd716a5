package io.saltlab.core.decorate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import org.junit.jupiter.api.Test;

class SaltlabDecoratorsTest {

  private static DeploymentBuilder deployment(String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec();
  }

  private static Container container(DeploymentBuilder b) {
    return b.build().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void tcpProbesAreSetOnTheNamedWorkloadOnly() {
    DeploymentBuilder master = deployment("master");
    DeploymentBuilder other = deployment("other");
    for (DeploymentBuilder b : new DeploymentBuilder[] {master, other}) {
      b.accept(
          new AddTcpProbeDecorator(
              "master", "master", AddTcpProbeDecorator.Kind.LIVENESS, 4506, 30, 20, 5, 3));
      b.accept(
          new AddTcpProbeDecorator(
              "master", "master", AddTcpProbeDecorator.Kind.READINESS, 4506, 5, 10, 2, 3));
    }
    Container c = container(master);
    assertThat(c.getLivenessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(4506);
    assertThat(c.getLivenessProbe().getInitialDelaySeconds()).isEqualTo(30);
    assertThat(c.getLivenessProbe().getSuccessThreshold()).isEqualTo(1);
    assertThat(c.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(4506);
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(container(other).getLivenessProbe()).isNull();
    assertThat(container(other).getReadinessProbe()).isNull();
  }

  @Test
  void subPathMountsOfOneVolumeAccumulateAndReplaceByPath() {
    DeploymentBuilder b = deployment("m");
    b.accept(
        new AddSubPathMountDecorator("m", "m", "cfg", "/salt/states/top.sls", "states_top.sls"));
    b.accept(
        new AddSubPathMountDecorator("m", "m", "cfg", "/salt/pillar/top.sls", "pillar_top.sls"));
    b.accept(new AddSubPathMountDecorator("m", "m", "other", "/salt/pillar/top.sls", "x"));
    assertThat(container(b).getVolumeMounts())
        .extracting(
            m ->
                m.getName() + ":" + m.getMountPath() + ":" + m.getSubPath() + ":" + m.getReadOnly())
        .containsExactly(
            "cfg:/salt/states/top.sls:states_top.sls:true", "other:/salt/pillar/top.sls:x:true");
  }

  @Test
  void subPathMountWorksOnStatefulSets() {
    StatefulSetBuilder b =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("zk")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("zk")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec();
    b.accept(
        new AddSubPathMountDecorator(
            "zk", "zk", "cfg", "/etc/salt/minion.d/saltlab.conf", "saltlab.conf"));
    assertThat(b.build().getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
        .hasSize(1);
  }
}
