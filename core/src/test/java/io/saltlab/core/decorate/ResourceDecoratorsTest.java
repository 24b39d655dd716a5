package io.saltlab.core.decorate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dekorate.kubernetes.config.DeploymentStrategy;
import io.dekorate.kubernetes.config.EmptyDirVolume;
import io.dekorate.kubernetes.config.Env;
import io.dekorate.kubernetes.config.Label;
import io.dekorate.kubernetes.config.Mount;
import io.dekorate.kubernetes.config.NodeSelector;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * saltlab's own decorators make the change dekorate's decorators of the same name make, whether
 * applied directly ({@link Decorators#apply}) or through a visitor walk over a list.
 */
class ResourceDecoratorsTest {

  /** Objects of several shapes: two named workloads, a Service, a ConfigMap. */
  private static List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>();
    for (String name : List.of("master", "web")) {
      out.add(
          new DeploymentBuilder()
              .withNewMetadata()
              .withName(name)
              .addToLabels("app", name)
              .endMetadata()
              .withNewSpec()
              .withNewSelector()
              .addToMatchLabels("app", name)
              .endSelector()
              .withNewTemplate()
              .withNewMetadata()
              .addToLabels("app", name)
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName(name)
              .withImage("img")
              .addNewEnv()
              .withName("KEEP")
              .withValue("1")
              .endEnv()
              .addNewEnv()
              .withName("REPLACED")
              .withValue("old")
              .endEnv()
              .addNewVolumeMount()
              .withName("data")
              .withMountPath("/old")
              .endVolumeMount()
              .endContainer()
              .addNewContainer()
              .withName("sidecar")
              .withImage("img")
              .endContainer()
              .addNewInitContainer()
              .withName(name)
              .withImage("init")
              .endInitContainer()
              .addToNodeSelector("disk", "ssd")
              .addNewImagePullSecret()
              .withName("already")
              .endImagePullSecret()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build());
    }
    out.add(
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("master")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("master")
            .endContainer()
            .endSpec()
            .endTemplate()
            .addNewVolumeClaimTemplate()
            .withNewMetadata()
            .withName("claim")
            .endMetadata()
            .endVolumeClaimTemplate()
            .endSpec()
            .build());
    out.add(
        new DaemonSetBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    out.add(
        new ServiceBuilder()
            .withNewMetadata()
            .withName("master")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build());
    out.add(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("web")
            .endMetadata()
            .addToData("k", "v")
            .build());
    return out;
  }

  private static List<HasMetadata> throughList(Decorator<?> decorator) {
    KubernetesListBuilder list = new KubernetesListBuilder().withItems(objects());
    list.accept(decorator);
    return list.build().getItems();
  }

  private static List<HasMetadata> direct(Decorator<?> decorator) {
    List<HasMetadata> out = new ArrayList<>();
    for (HasMetadata o : objects()) {
      var builder =
          (io.fabric8.kubernetes.api.builder.VisitableBuilder<?, ?>)
              ((io.fabric8.kubernetes.api.builder.Editable<?>) o).edit();
      Decorators.apply(builder, List.of(decorator));
      out.add((HasMetadata) builder.build());
    }
    return out;
  }

  /** Ours, applied both ways, gives what dekorate's gives through a list, and changes something. */
  private static void assertSameAsDekorate(Decorator<?> dekorates, ResourceDecorator ours) {
    List<HasMetadata> expected = throughList(dekorates);
    assertThat(expected).isNotEqualTo(objects());
    assertThat(throughList(ours)).isEqualTo(expected);
    assertThat(direct(ours)).isEqualTo(expected);
  }

  @Test
  void addLabelLabelsEveryMetadataOfEveryObject() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddLabelDecorator(
            new Label("team", "salt", new String[0])),
        new AddLabelDecorator("team", "salt"));
  }

  @Test
  void addImagePullSecretSkipsPodSpecsThatNameItAlready() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator(Decorator.ANY, "pull"),
        new AddImagePullSecretDecorator(null, "pull"));
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator("web", "already"),
        new AddImagePullSecretDecorator("web", "already"));
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator("web", "pull"),
        new AddImagePullSecretDecorator("web", "pull"));
  }

  @Test
  void addMountReplacesTheMountOfTheSameVolume() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddMountDecorator(
            "master", "master", new Mount("data", "/data", null, null)),
        new AddMountDecorator("master", "master", "data", "/data", false));
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddMountDecorator(
            "web", "web", new Mount("keys", "/keys", null, true)),
        new AddMountDecorator("web", "web", "keys", "/keys", true));
  }

  @Test
  void addEnvVarReplacesTheVariableOfTheSameName() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddEnvVarDecorator(
            "web", "web", new Env("REPLACED", "new", null, null, null, null, null)),
        new AddEnvVarDecorator("web", "web", "REPLACED", "new"));
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddEnvVarDecorator(
            "master", "sidecar", new Env("ADDED", "x", null, null, null, null, null)),
        new AddEnvVarDecorator("master", "sidecar", "ADDED", "x"));
  }

  @Test
  void addNodeSelectorReplacesTheEntryOfTheSameKey() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddNodeSelectorDecorator(
            "master", new NodeSelector("disk", "hdd")),
        new AddNodeSelectorDecorator("master", "disk", "hdd"));
  }

  @Test
  void addEmptyDirVolumeAppendsAVolume() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.AddEmptyDirVolumeDecorator(
            "web", new EmptyDirVolume("pki")),
        new AddEmptyDirVolumeDecorator("web", "pki"));
  }

  @Test
  void applyRecreateStrategyChangesTheNamedDeploymentOnly() {
    assertSameAsDekorate(
        new io.dekorate.kubernetes.decorator.ApplyDeploymentStrategyDecorator(
            "web", DeploymentStrategy.Recreate),
        new ApplyRecreateStrategyDecorator("web"));
  }

  @Test
  void ownDecoratorsGiveTheSameObjectsDirectlyAndThroughAList() {
    List<ResourceDecorator> ours =
        List.of(
            new AddHostPathVolumeDecorator("master", "conf", "/srv/conf", "Directory"),
            new AddKeyToPathVolumeDecorator(
                "web",
                AddKeyToPathVolumeDecorator.Source.SECRET,
                "token",
                "tok",
                0400,
                Map.of("k", "k"),
                0400),
            new AddSubPathMountDecorator("web", "web", "token", "/etc/k", "k"),
            new AddTcpProbeDecorator(
                "master", "master", AddTcpProbeDecorator.Kind.LIVENESS, 4506, 1, 2, 3, 4),
            new ApplyTargetApiVersionDecorator(io.saltlab.core.KubernetesVersion.of("1.6")));
    for (ResourceDecorator d : ours) {
      List<HasMetadata> viaList = throughList(d);
      assertThat(viaList).as(d.getClass().getSimpleName()).isNotEqualTo(objects());
      assertThat(direct(d)).as(d.getClass().getSimpleName()).isEqualTo(viaList);
    }
  }

  @Test
  void partsFindNestedBuildersInWalkOrderAndTheObjectsOwnMetadata() {
    DeploymentBuilder b =
        new DeploymentBuilder((io.fabric8.kubernetes.api.model.apps.Deployment) objects().get(0));
    ResourceParts parts = ResourceParts.of(b);
    assertThat(parts.name()).isEqualTo("master");
    assertThat(parts.metadata().getLabels()).containsEntry("app", "master");
    assertThat(parts.all(io.fabric8.kubernetes.api.model.ContainerBuilder.class))
        .extracting(io.fabric8.kubernetes.api.model.ContainerBuilder::getName)
        .containsExactlyInAnyOrder("master", "sidecar", "master");
    assertThat(parts.all(io.fabric8.kubernetes.api.model.PodSpecFluent.class)).hasSize(1);
    assertThat(ResourceParts.isResource(b)).isTrue();
    assertThat(
            ResourceParts.isResource(new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder()))
        .isFalse();
    assertThat(ResourceParts.isResource(new KubernetesListBuilder())).isFalse();
  }
}
