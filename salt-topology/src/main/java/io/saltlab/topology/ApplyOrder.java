package io.saltlab.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.topology.TopologyDiagram;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.ObjectSource;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.render.StreamedManifests;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.FolderFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which GitOps engines should apply a lab, derived from what each object needs: see
 * {@link ApplyLayer}. Argo CD and Flux otherwise apply a folder by their own rules, which put
 * custom resources after every built-in kind and know nothing of a minion needing its master.
 *
 * <p>For Argo CD, {@link #render(SaltLab, KubernetesVersion, GitOps)} writes the annotation {@value
 * #SYNC_WAVE} with the layer's {@link ApplyLayer#wave() wave} on every object: Argo CD applies
 * lower waves first and waits for a wave's objects to be healthy before the next. For Flux, {@link
 * #fluxFolder} puts each layer into its own folder and writes one Flux {@code Kustomization} per
 * layer into {@value #FLUX_FOLDER}{@code /}, each {@code dependsOn} the layer before it and waiting
 * for its objects to be ready ({@code wait: true}), so the next layer starts only after.
 */
public final class ApplyOrder {

  /** The annotation Argo CD reads the sync wave from. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** The sub-folder of a target folder holding the Flux Kustomizations. */
  public static final String FLUX_FOLDER = "flux";

  /** The namespace Flux runs in, where its Kustomizations live. */
  public static final String FLUX_NAMESPACE = "flux-system";

  /** The GitRepository source {@code flux bootstrap} creates, which the Kustomizations read. */
  public static final String FLUX_SOURCE = "flux-system";

  private static final Set<String> LEADING_KINDS = Set.of("Namespace", "CustomResourceDefinition");

  private static final Set<String> CONFIG_KINDS =
      Set.of(
          "Secret",
          "ConfigMap",
          "ServiceAccount",
          "Role",
          "RoleBinding",
          "ClusterRole",
          "ClusterRoleBinding",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "StorageClass",
          "LimitRange",
          "ResourceQuota",
          "NetworkPolicy",
          "PriorityClass",
          "PodSecurityPolicy");

  private static final Set<String> RUNNING_KINDS =
      Set.of(
          "Service",
          "Endpoints",
          "EndpointSlice",
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "Pod",
          "Job",
          "CronJob",
          "Ingress",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget");

  private ApplyOrder() {}

  /**
   * The layer an object of a lab belongs to, from its kind and, for Services and workloads, whether
   * it is the lab's salt-master.
   *
   * <p>This method deliberately takes a Jackson tree, the form saltlab renders from, so it places
   * objects added to a lab's output as well.
   *
   * @param lab the lab the object belongs to
   * @param object one Kubernetes object
   * @return its layer
   */
  public static ApplyLayer layerOf(SaltLab lab, JsonNode object) {
    String kind = object.path("kind").asText("");
    if (LEADING_KINDS.contains(kind)) {
      return ApplyLayer.NAMESPACE;
    }
    if (CONFIG_KINDS.contains(kind)) {
      return ApplyLayer.CONFIG;
    }
    if (RUNNING_KINDS.contains(kind)) {
      JsonNode metadata = object.path("metadata");
      boolean master =
          metadata.path("name").asText("").equals(lab.master().name())
              && metadata.path("namespace").asText("").equals(lab.namespace());
      return master ? ApplyLayer.MASTER : ApplyLayer.ROLES;
    }
    return ApplyLayer.EXTRAS;
  }

  /**
   * Renders a lab for a GitOps engine: for {@link GitOps#ARGOCD} every object carries its sync
   * wave; for {@link GitOps#NONE} and {@link GitOps#FLUX} (whose order lives in the folder layout,
   * see {@link #fluxFolder}) this is {@link SaltLab#render(KubernetesVersion)}. Validated either
   * way.
   *
   * @param lab the lab
   * @param target the Kubernetes version
   * @param gitOps the engine
   * @return the manifests
   */
  public static Manifests render(SaltLab lab, KubernetesVersion target, GitOps gitOps) {
    return render(lab, target, gitOps, ValidationContext.empty());
  }

  /**
   * Renders a lab for a GitOps engine, as {@link #render(SaltLab, KubernetesVersion, GitOps)}, with
   * objects the cluster is declared to hold already (an existing pull Secret, for example).
   *
   * @param lab the lab
   * @param target the Kubernetes version
   * @param gitOps the engine
   * @param existing what the cluster holds beyond the lab's objects
   * @return the manifests
   */
  public static Manifests render(
      SaltLab lab, KubernetesVersion target, GitOps gitOps, ValidationContext existing) {
    if (gitOps != GitOps.ARGOCD) {
      return lab.render(target, existing);
    }
    ManifestRenderer renderer = LabTranslator.renderer(lab, target, existing);
    // The lab's customizations first, as SaltLab.render applies them: extra objects get waves too.
    List<ObjectNode> trees =
        new ArrayList<>(lab.customizations().apply(LabTranslator.trees(lab, target)));
    for (ObjectNode tree : trees) {
      addSyncWave(lab, tree);
    }
    return renderer.renderTrees(trees);
  }

  /**
   * Renders a lab as {@link #render(SaltLab, KubernetesVersion, GitOps, ValidationContext)} does,
   * without holding every object: each object is translated, checked and written to a spool file as
   * it comes, the lab being translated twice (see {@link ManifestRenderer#renderStreamed}). The
   * files are the same; {@link GitOps#FLUX}, whose layers are laid out from the whole manifests, is
   * not offered.
   *
   * @param lab the lab
   * @param target the Kubernetes version
   * @param gitOps the engine, {@link GitOps#NONE} or {@link GitOps#ARGOCD}
   * @param existing what the cluster holds beyond the lab's objects
   * @return the manifests; close them when their files are written
   * @throws IllegalArgumentException for {@link GitOps#FLUX}
   */
  public static StreamedManifests renderStreamed(
      SaltLab lab, KubernetesVersion target, GitOps gitOps, ValidationContext existing) {
    if (gitOps == GitOps.FLUX) {
      throw new IllegalArgumentException(
          "the Flux layout is made from whole manifests: use render and fluxFolder");
    }
    ObjectSource objects = LabTranslator.source(lab, target);
    ObjectSource source =
        gitOps == GitOps.ARGOCD
            ? sink ->
                objects.forEach(
                    tree -> {
                      addSyncWave(lab, (ObjectNode) tree);
                      sink.accept(tree);
                    })
            : objects;
    return LabTranslator.renderer(lab, target, existing).renderStreamed(source);
  }

  private static void addSyncWave(SaltLab lab, ObjectNode tree) {
    tree.withObjectProperty("metadata")
        .withObjectProperty("annotations")
        .put(SYNC_WAVE, Integer.toString(layerOf(lab, tree).wave()));
  }

  /**
   * The files of a target folder laid out for Flux: each non-empty layer in its own folder ({@link
   * ApplyLayer#folder()}) in the given layout, a top {@code kustomization.yaml} naming the layer
   * folders in order (so {@code kubectl apply -k} still takes the whole folder), {@code
   * topology.md}, and in {@value #FLUX_FOLDER}{@code /} one Flux {@code Kustomization} per layer,
   * each depending on the one before. Point a Flux Kustomization of your cluster (or {@code flux
   * bootstrap}'s path) at that folder. Files holding Secrets stay private, as in {@link
   * Manifests#folder(Layout)}.
   *
   * @param lab the lab, which decides each object's layer
   * @param manifests the lab rendered (and validated) for a target
   * @param layout one file per object, or one stream per layer
   * @param repoFolder where the target folder sits in the Git repository Flux reads, relative to
   *     its root, such as {@code manifests/1.36} (see {@link #repositoryPath(Path)}); the
   *     Kustomizations' {@code path} starts with it
   * @return the target folder's files, in apply order with the Flux folder last
   * @throws IllegalArgumentException when {@code repoFolder} is absolute or leaves the repository
   */
  public static FolderFiles fluxFolder(
      SaltLab lab, Manifests manifests, Layout layout, String repoFolder) {
    String base = repoPath(repoFolder);
    KubernetesVersion target = manifests.target();
    Map<ApplyLayer, List<JsonNode>> layers = new EnumMap<>(ApplyLayer.class);
    for (RenderedResource r : manifests.resources()) {
      layers.computeIfAbsent(layerOf(lab, r.tree()), k -> new ArrayList<>()).add(r.tree());
    }
    ManifestRenderer plain = new ManifestRenderer(target).withoutValidation();
    FolderFiles.Builder files = FolderFiles.builder();
    List<JsonNode> kustomizations = new ArrayList<>();
    StringBuilder top = new StringBuilder(Manifests.header(target));
    top.append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
        .append("kind: Kustomization\n")
        .append("resources:\n");
    String previous = null;
    for (Map.Entry<ApplyLayer, List<JsonNode>> layer : layers.entrySet()) {
      String folder = layer.getKey().folder();
      FolderFiles layerFiles = plain.renderTrees(layer.getValue()).folder(layout);
      layerFiles
          .contents()
          .forEach(
              (f, c) -> {
                if (f.equals(TopologyDiagram.FILE)) {
                  return; // one drawing of the whole lab, at the top
                }
                if (layerFiles.isPrivate(f)) {
                  files.addPrivate(folder + "/" + f, c);
                } else {
                  files.add(folder + "/" + f, c);
                }
              });
      top.append("- ").append(folder).append('\n');
      String name = lab.name() + "-" + folder;
      kustomizations.add(fluxKustomization(lab, name, base + "/" + folder, previous));
      previous = name;
    }
    files.add(Manifests.KUSTOMIZATION, top.toString());
    FolderFiles whole = manifests.folder(layout);
    files.add(TopologyDiagram.FILE, whole.contents().get(TopologyDiagram.FILE));
    plain
        .renderTrees(kustomizations)
        .files()
        .forEach((f, c) -> files.add(FLUX_FOLDER + "/" + f, c));
    return files.build();
  }

  private static JsonNode fluxKustomization(
      SaltLab lab, String name, String path, String dependsOn) {
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.put("apiVersion", "kustomize.toolkit.fluxcd.io/v1");
    k.put("kind", "Kustomization");
    ObjectNode metadata = k.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", FLUX_NAMESPACE);
    ObjectNode labels = metadata.putObject("labels");
    labels.put(Labels.MANAGED_BY, "saltlab");
    labels.put(Labels.PART_OF, lab.name());
    ObjectNode spec = k.putObject("spec");
    if (dependsOn != null) {
      spec.putArray("dependsOn").addObject().put("name", dependsOn);
    }
    spec.put("interval", "10m");
    spec.put("path", "./" + path);
    spec.put("prune", true);
    ObjectNode source = spec.putObject("sourceRef");
    source.put("kind", "GitRepository");
    source.put("name", FLUX_SOURCE);
    spec.put("timeout", "5m");
    spec.put("wait", true);
    return k;
  }

  /**
   * Where a folder sits in the Git repository around it, as {@link #fluxFolder} takes it: its path
   * relative to the nearest parent holding {@code .git}; a relative folder outside any Git work
   * tree is taken as given, relative to the repository root.
   *
   * @param folder a target folder, such as {@code manifests/1.36}
   * @return the path with {@code /} separators, such as {@code manifests/1.36}
   * @throws IllegalArgumentException when an absolute folder is in no Git work tree
   */
  public static String repositoryPath(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return absolute.equals(p) ? "" : slashes(p.relativize(absolute));
      }
    }
    if (!folder.isAbsolute()) {
      return slashes(folder.normalize());
    }
    throw new IllegalArgumentException(
        folder
            + " is in no Git work tree, so its path in the repository Flux reads is unknown;"
            + " render into a folder of the repository (or give the output folder relative to its"
            + " root)");
  }

  private static String slashes(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path part : path) {
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  private static String repoPath(String repoFolder) {
    String p = repoFolder == null ? "" : repoFolder.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException(
          "the folder's path in the Git repository must be relative to its root, for example"
              + " manifests/1.36; got '"
              + repoFolder
              + "'");
    }
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            "the folder's path in the Git repository must stay inside it, without '.', '..' or"
                + " empty parts; got '"
                + repoFolder
                + "'");
      }
    }
    return p;
  }
}
