package io.saltlab.core.decorate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dekorate.kubernetes.config.Label;
import io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator;
import io.dekorate.kubernetes.decorator.AddLabelDecorator;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.saltlab.core.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoratorsTest {

  private static Deployment deployment(String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewTemplate()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("img")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<HasMetadata> decorate(List<HasMetadata> items, Decorator<?>... decorators) {
    KubernetesListBuilder list = new KubernetesListBuilder().withItems(items);
    for (Decorator<?> d : decorators) {
      list.accept(d);
    }
    return list.build().getItems();
  }

  @Test
  void addHostPathVolumeTouchesOnlyTheNamedWorkload() {
    List<HasMetadata> out =
        decorate(
            List.of(deployment("salt-master"), deployment("zookeeper")),
            new AddHostPathVolumeDecorator(
                "salt-master", "salt-conf", "/srv/salt/conf", "Directory"));
    Deployment master = (Deployment) out.get(0);
    Deployment other = (Deployment) out.get(1);
    assertThat(master.getSpec().getTemplate().getSpec().getVolumes())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getName()).isEqualTo("salt-conf");
              assertThat(v.getHostPath().getPath()).isEqualTo("/srv/salt/conf");
              assertThat(v.getHostPath().getType()).isEqualTo("Directory");
            });
    assertThat(other.getSpec().getTemplate().getSpec().getVolumes()).isEmpty();
  }

  @Test
  void addHostPathVolumeLeavesTypeOutWhenNotGiven() {
    List<HasMetadata> out =
        decorate(List.of(deployment("m")), new AddHostPathVolumeDecorator("m", "v", "/x", null));
    assertThat(
            ((Deployment) out.get(0))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes()
                .get(0)
                .getHostPath()
                .getType())
        .isNull();
  }

  @Test
  void applyTargetApiVersionFollowsTheTable() {
    StatefulSet sts =
        new StatefulSetBuilder().withNewMetadata().withName("s").endMetadata().build();
    List<HasMetadata> old =
        decorate(
            List.of(deployment("d"), sts),
            new ApplyTargetApiVersionDecorator(KubernetesVersion.of("1.6")));
    assertThat(old.get(0).getApiVersion()).isEqualTo("extensions/v1beta1");
    assertThat(old.get(1).getApiVersion()).isEqualTo("apps/v1beta1");
    List<HasMetadata> v18 =
        decorate(
            List.of(deployment("d")),
            new ApplyTargetApiVersionDecorator(KubernetesVersion.of("1.8")));
    assertThat(v18.get(0).getApiVersion()).isEqualTo("apps/v1beta2");
    List<HasMetadata> modern =
        decorate(
            List.of(deployment("d")),
            new ApplyTargetApiVersionDecorator(KubernetesVersion.of("1.36")));
    assertThat(modern.get(0).getApiVersion()).isEqualTo("apps/v1");
  }

  @Test
  void dekorateDecoratorsWorkOnThisFabric8ModelThroughListBuilderAccept() {
    HasMetadata svc = new ServiceBuilder().withNewMetadata().withName("svc").endMetadata().build();
    List<HasMetadata> out =
        decorate(
            List.of(deployment("d"), svc),
            new AddLabelDecorator(
                new Label("app.kubernetes.io/managed-by", "saltlab", new String[0])),
            new AddImagePullSecretDecorator(Decorator.ANY, "registry-pull"));
    Deployment d = (Deployment) out.get(0);
    assertThat(d.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "saltlab");
    assertThat(out.get(1).getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "saltlab");
    assertThat(d.getSpec().getTemplate().getSpec().getImagePullSecrets())
        .singleElement()
        .satisfies(r -> assertThat(r.getName()).isEqualTo("registry-pull"));
  }
}
