package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.write.FolderFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The apply order for GitOps engines: Argo CD sync waves and Flux layers chained by dependsOn. */
class ApplyOrderTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static SaltLab lab() {
    return TestLabs.twoRoles();
  }

  @Test
  void withoutAnEngineTheOutputIsAPlainRender() {
    KubernetesVersion v = KubernetesVersion.of("1.36");
    assertThat(ApplyOrder.render(lab(), v, GitOps.NONE).toYaml())
        .isEqualTo(lab().render(v).toYaml());
    assertThat(ApplyOrder.render(lab(), v, GitOps.FLUX).toYaml())
        .isEqualTo(lab().render(v).toYaml());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.6", "1.8", "1.36"})
  void argoCdWavesFollowTheLabsDependencies(String target) throws Exception {
    KubernetesVersion v = KubernetesVersion.of(target);
    Manifests waved = ApplyOrder.render(lab(), v, GitOps.ARGOCD);

    Map<String, String> waves = new TreeMap<>();
    for (RenderedResource r : waved.resources()) {
      waves.put(
          r.id(),
          r.tree().path("metadata").path("annotations").path(ApplyOrder.SYNC_WAVE).asText());
    }
    assertThat(waves).allSatisfy((id, wave) -> assertThat(wave).as(id).isNotEmpty());
    assertThat(waves)
        .containsEntry("Namespace/lab", "0")
        .containsEntry("Service/lab/salt-master", "2")
        .containsEntry("Service/lab/zookeeper", "3")
        .containsEntry("Service/lab/web", "3");
    waves.forEach(
        (id, wave) -> {
          if (id.startsWith("Secret/") || id.startsWith("ConfigMap/")) {
            assertThat(wave).as(id).isEqualTo("1");
          }
          if (id.endsWith("/salt-master") && !id.startsWith("ConfigMap/")) {
            assertThat(wave).as(id).isEqualTo("2");
          }
        });
    assertThat(waved.resources())
        .extracting(RenderedResource::id)
        .anyMatch(id -> id.startsWith("Secret/"));
    // the annotation is a string, as Argo CD reads it, and nothing else changed
    assertThat(waved.toYaml()).contains(ApplyOrder.SYNC_WAVE + ": \"0\"");
    assertThat(withoutWaves(waved)).isEqualTo(trees(lab().render(v)));
    assertThat(ManifestValidator.forTarget(v).validateYaml(waved.toYaml()).isClean()).isTrue();
  }

  @Test
  void fluxLayersEachObjectOnceAndChainsTheLayersInOrder() throws Exception {
    KubernetesVersion v = KubernetesVersion.of("1.36");
    Manifests manifests = lab().render(v);
    FolderFiles laidOut =
        ApplyOrder.fluxFolder(lab(), manifests, Layout.FILES, "./manifests/1.36/");
    Map<String, String> files = laidOut.contents();
    assertThat(laidOut.privateFiles()).isNotEmpty().allMatch(p -> p.startsWith("1-config/secret-"));
    assertThat(files).containsKey("topology.md");

    // every object of the plain folder, byte for byte, in exactly one layer folder
    Map<String, String> plain = new TreeMap<>(manifests.files());
    plain.remove(Manifests.KUSTOMIZATION);
    List<String> placed = new ArrayList<>();
    files.forEach(
        (path, content) -> {
          int slash = path.indexOf('/');
          String name = path.substring(slash + 1);
          if (slash > 0
              && !path.startsWith(ApplyOrder.FLUX_FOLDER + "/")
              && plain.containsKey(name)) {
            assertThat(content).as(path).isEqualTo(plain.get(name));
            placed.add(name);
          }
        });
    assertThat(placed).containsExactlyInAnyOrderElementsOf(plain.keySet());
    assertThat(files).containsKeys("0-namespace/namespace-lab.yaml", "2-master/kustomization.yaml");
    assertThat(files.keySet()).noneMatch(p -> p.startsWith("4-extras/"));

    // the top kustomization names the layer folders in order, so apply -k still takes it all
    assertThat(files.get(Manifests.KUSTOMIZATION))
        .endsWith("resources:\n- 0-namespace\n- 1-config\n- 2-master\n- 3-roles\n");

    List<JsonNode> flux = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (e.getKey().startsWith(ApplyOrder.FLUX_FOLDER + "/kustomization-")) {
        flux.add(YAML.readTree(e.getValue()));
      }
    }
    assertThat(flux)
        .extracting(k -> k.at("/metadata/name").asText())
        .containsExactly("lab-0-namespace", "lab-1-config", "lab-2-master", "lab-3-roles");
    String previous = null;
    for (JsonNode k : flux) {
      assertThat(k.path("apiVersion").asText()).isEqualTo("kustomize.toolkit.fluxcd.io/v1");
      assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
      assertThat(k.at("/metadata/namespace").asText()).isEqualTo("flux-system");
      assertThat(k.at("/spec/sourceRef/kind").asText()).isEqualTo("GitRepository");
      assertThat(k.at("/spec/prune").asBoolean()).isTrue();
      assertThat(k.at("/spec/wait").asBoolean())
          .as("dependsOn waits for health only with wait")
          .isTrue();
      String path = k.at("/spec/path").asText();
      assertThat(path).startsWith("./manifests/1.36/");
      String folder = path.substring("./manifests/1.36/".length());
      assertThat(files).containsKey(folder + "/" + Manifests.KUSTOMIZATION);
      if (previous == null) {
        assertThat(k.at("/spec/dependsOn").isMissingNode()).isTrue();
      } else {
        assertThat(k.at("/spec/dependsOn/0/name").asText()).isEqualTo(previous);
        assertThat(k.at("/spec/dependsOn").size()).isEqualTo(1);
      }
      previous = k.at("/metadata/name").asText();
    }
    assertThat(files.get(ApplyOrder.FLUX_FOLDER + "/" + Manifests.KUSTOMIZATION))
        .contains("- kustomization-lab-0-namespace.yaml");

    // the layers' objects together are still a valid lab for the target
    StringBuilder all = new StringBuilder();
    files.forEach(
        (p, c) -> {
          if (p.contains("/")
              && !p.startsWith(ApplyOrder.FLUX_FOLDER + "/")
              && !p.endsWith(Manifests.KUSTOMIZATION)) {
            all.append("---\n").append(c);
          }
        });
    assertThat(ManifestValidator.forTarget(v).validateYaml(all.toString()).isClean()).isTrue();
  }

  @Test
  void theStreamLayoutPutsOneStreamIntoEachLayer() {
    Manifests manifests = lab().render("1.36");
    Map<String, String> files =
        ApplyOrder.fluxFolder(lab(), manifests, Layout.STREAM, "gitops/lab").contents();
    assertThat(files).containsKeys("0-namespace/manifests.yaml", "3-roles/manifests.yaml");
    assertThat(files.get("flux/kustomization-lab-3-roles.yaml"))
        .contains("path: \"./gitops/lab/3-roles\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/abs/manifests", "../outside", "manifests/../x", "", "C:/x"})
  void theRepositoryPathMustBeRelativeAndInside(String bad) {
    Manifests manifests = lab().render("1.36");
    assertThatThrownBy(() -> ApplyOrder.fluxFolder(lab(), manifests, Layout.FILES, bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + bad + "'");
  }

  @Test
  void theRepositoryPathIsFoundFromTheGitWorkTree(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    Path folder = repo.resolve("deploy/manifests/1.36");
    assertThat(ApplyOrder.repositoryPath(folder)).isEqualTo("deploy/manifests/1.36");
    assertThat(ApplyOrder.repositoryPath(repo.resolve("deploy/./x/../manifests")))
        .isEqualTo("deploy/manifests");
  }

  @Test
  void anAbsoluteFolderOutsideAnyWorkTreeIsRefused(@TempDir Path dir) {
    // the temporary folder may itself sit in a work tree on a developer's machine
    Path folder = dir.resolve("manifests/1.36");
    boolean inWorkTree = false;
    for (Path p = folder; p != null; p = p.getParent()) {
      inWorkTree |= Files.exists(p.resolve(".git"));
    }
    if (!inWorkTree) {
      assertThatThrownBy(() -> ApplyOrder.repositoryPath(folder))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is in no Git work tree");
    }
  }

  @Test
  void extraObjectsArePlacedByKind() {
    SaltLab lab = lab();
    assertThat(ApplyOrder.layerOf(lab, object("CustomResourceDefinition", "x")))
        .isEqualTo(ApplyLayer.NAMESPACE);
    assertThat(ApplyOrder.layerOf(lab, object("ServiceAccount", "x"))).isEqualTo(ApplyLayer.CONFIG);
    assertThat(ApplyOrder.layerOf(lab, object("Deployment", "salt-master")))
        .isEqualTo(ApplyLayer.MASTER);
    assertThat(ApplyOrder.layerOf(lab, object("Deployment", "other"))).isEqualTo(ApplyLayer.ROLES);
    assertThat(ApplyOrder.layerOf(lab, object("Certificate", "x"))).isEqualTo(ApplyLayer.EXTRAS);
    assertThat(ApplyLayer.EXTRAS.wave()).isEqualTo(4);
    assertThat(ApplyLayer.MASTER.folder()).isEqualTo("2-master");
  }

  @Test
  void engineNamesParseAndABadOneIsNamed() {
    assertThat(GitOps.parse("ArgoCD")).isEqualTo(GitOps.ARGOCD);
    assertThat(GitOps.parse("flux")).isEqualTo(GitOps.FLUX);
    assertThat(GitOps.parse("none")).isEqualTo(GitOps.NONE);
    assertThat(GitOps.FLUX).hasToString("flux");
    assertThatThrownBy(() -> GitOps.parse("spinnaker"))
        .hasMessage("unknown GitOps engine 'spinnaker'; expected one of: none, argocd, flux");
  }

  private static JsonNode object(String kind, String name) {
    ObjectNode o = YAML.createObjectNode();
    o.put("kind", kind);
    o.putObject("metadata").put("name", name).put("namespace", "lab");
    return o;
  }

  private static List<JsonNode> trees(Manifests m) {
    return m.resources().stream().map(RenderedResource::tree).toList();
  }

  private static List<JsonNode> withoutWaves(Manifests m) {
    List<JsonNode> out = new ArrayList<>();
    for (RenderedResource r : m.resources()) {
      ObjectNode copy = r.tree().deepCopy();
      ObjectNode metadata = (ObjectNode) copy.get("metadata");
      ObjectNode annotations = (ObjectNode) metadata.get("annotations");
      annotations.remove(ApplyOrder.SYNC_WAVE);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
      out.add(copy);
    }
    return out;
  }
}
