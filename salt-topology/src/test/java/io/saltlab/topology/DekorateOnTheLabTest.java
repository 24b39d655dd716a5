package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dekorate.kubernetes.config.Env;
import io.dekorate.kubernetes.config.Label;
import io.dekorate.kubernetes.decorator.AddEnvVarDecorator;
import io.dekorate.kubernetes.decorator.AddImagePullSecretDecorator;
import io.dekorate.kubernetes.decorator.AddLabelDecorator;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dekorate's own decorators applied to the lab's translated objects through {@code
 * listBuilder.accept(decorator)}: the proof that dekorate 4.1.5 works on fabric8 7.5.2 (the chosen
 * Jackson 2 line), and that what it produces still renders and validates.
 */
class DekorateOnTheLabTest {

  @ParameterizedTest(name = "dekorate decorates the lab for {0}")
  @ValueSource(strings = {"1.6", "1.36"})
  void dekorateDecoratorsApplyToTheLabsObjects(String version) {
    KubernetesVersion target = KubernetesVersion.of(version);
    SaltLab lab = TestLabs.withRoles(2);
    List<HasMetadata> objects = LabRendering.translate(lab, target);

    KubernetesListBuilder list = new KubernetesListBuilder().withItems(objects);
    list.accept(new AddLabelDecorator(new Label("example.com/team", "platform", new String[0])));
    list.accept(new AddImagePullSecretDecorator(Decorator.ANY, "extra-pull"));
    list.accept(
        new AddEnvVarDecorator(
            "role-1", "role-1", new Env("EXTRA", "1", null, null, null, null, null)));
    List<HasMetadata> decorated = list.build().getItems();

    Manifests m =
        new ManifestRenderer(target)
            .withContext(
                io.saltlab.core.validate.ValidationContext.builder()
                    .existingSecret(lab.namespace(), "extra-pull")
                    .build())
            .render(decorated);
    assertThat(m.validation()).hasValueSatisfying(r -> assertThat(r.isClean()).isTrue());
    for (RenderedResource r : m.resources()) {
      assertThat(r.tree().at("/metadata/labels/example.com~1team").asText())
          .as(r.id())
          .isEqualTo("platform");
      JsonNode pod = r.tree().at("/spec/template/spec");
      if (!pod.isMissingNode()) {
        assertThat(pod.path("imagePullSecrets").findValuesAsText("name"))
            .as(r.id())
            .contains("registry-pull", "extra-pull");
      }
    }
    JsonNode env =
        m.find("Deployment", "role-1")
            .orElseThrow()
            .tree()
            .at("/spec/template/spec/containers/0/env");
    assertThat(env.findValuesAsText("name")).contains("SALT_ROLE", "EXTRA");
    JsonNode other =
        m.find("Deployment", "role-0")
            .orElseThrow()
            .tree()
            .at("/spec/template/spec/containers/0/env");
    assertThat(other.findValuesAsText("name")).doesNotContain("EXTRA");
  }
}
