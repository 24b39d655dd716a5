package io.saltlab.cli;

import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.StreamedManifests;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.topology.ApplyOrder;
import io.saltlab.topology.GitOps;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.SaltLab;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything {@code render} writes into one target folder, computed in memory: the library's {@link
 * Manifests#folder(Layout)} plus the lab's cluster files under {@code cluster/}.
 */
final class RenderedFiles {
  private RenderedFiles() {}

  private static String repositoryPath(Path folder) {
    try {
      return ApplyOrder.repositoryPath(folder);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "--gitops flux: " + e.getMessage(), "render inside the Git work tree Flux reads from");
    }
  }

  /** The sub-folder of a target folder that holds the cluster bootstrap. */
  static final String CLUSTER_FOLDER = "cluster/";

  /**
   * Renders a lab for a target and returns its folder's files in the files layout.
   *
   * @param lab the lab
   * @param target the Kubernetes version
   * @return the target folder's files
   */
  static FolderFiles of(SaltLab lab, KubernetesVersion target) {
    return lab.render(target).folder();
  }

  /**
   * A loaded lab's files for a target in a layout, with nothing declared as existing in the
   * cluster; see {@link #of(LabSource.Loaded, KubernetesVersion, TargetOptions.Layout,
   * ValidationContext, PrintWriter)}.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param layout one file per object, or one stream
   * @param notes where to say why a cluster is left out, and the render's validation warnings
   * @return the target folder's files
   */
  static FolderFiles of(
      LabSource.Loaded loaded,
      KubernetesVersion target,
      TargetOptions.Layout layout,
      PrintWriter notes) {
    return of(loaded, target, layout, ValidationContext.empty(), notes);
  }

  /**
   * A loaded lab's files for a target in a layout: the manifests, {@code topology.md} and, when the
   * lab has a cluster for that target, its files under {@code cluster/}. A cluster that cannot run
   * the target is reported on {@code notes} and left out, never guessed.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param layout one file per object, or one stream
   * @param existing what the cluster is declared to hold ({@code --existing-*})
   * @param notes where to say why a cluster is left out, and the render's validation warnings
   * @return the target folder's files
   */
  static FolderFiles of(
      LabSource.Loaded loaded,
      KubernetesVersion target,
      TargetOptions.Layout layout,
      ValidationContext existing,
      PrintWriter notes) {
    return of(loaded, target, layout, GitOps.NONE, null, existing, notes);
  }

  /**
   * A loaded lab's files for a target in a layout, with the apply order of a GitOps engine; see
   * {@link #of(LabSource.Loaded, KubernetesVersion, TargetOptions.Layout, ValidationContext,
   * PrintWriter)} and {@link ApplyOrder}.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param layout one file per object, or one stream
   * @param gitOps the engine, {@link GitOps#NONE} for a plain folder
   * @param out the output folder holding the target folders (Flux's paths are relative to the Git
   *     repository around it); only read for {@link GitOps#FLUX}
   * @param existing what the cluster is declared to hold ({@code --existing-*})
   * @param notes where to say why a cluster is left out, and the render's validation warnings
   * @return the target folder's files
   */
  static FolderFiles of(
      LabSource.Loaded loaded,
      KubernetesVersion target,
      TargetOptions.Layout layout,
      GitOps gitOps,
      Path out,
      ValidationContext existing,
      PrintWriter notes) {
    Manifests rendered = ApplyOrder.render(loaded.lab(), target, gitOps, existing);
    rendered.validation().ifPresent(report -> ExistingOptions.printWarnings(report, notes));
    FolderFiles manifests =
        gitOps == GitOps.FLUX
            ? ApplyOrder.fluxFolder(
                loaded.lab(),
                rendered,
                layout.library(),
                repositoryPath(out.resolve(target.toString())))
            : rendered.folder(layout.library());
    return withCluster(loaded, target, manifests, notes);
  }

  /**
   * A target folder's files, and the streamed render whose spool file they are read from: open
   * until the files are written.
   */
  static final class Rendered implements AutoCloseable {
    private final FolderFiles files;
    private final StreamedManifests streamed;

    private Rendered(FolderFiles files, StreamedManifests streamed) {
      this.files = files;
      this.streamed = streamed;
    }

    /** The files to write. */
    FolderFiles files() {
      return files;
    }

    /** Deletes the render's spool file. */
    @Override
    public void close() {
      if (streamed != null) {
        streamed.close();
      }
    }
  }

  /**
   * The files {@link #of(LabSource.Loaded, KubernetesVersion, TargetOptions.Layout, GitOps, Path,
   * ValidationContext, PrintWriter)} gives, rendered without holding every object (see {@link
   * ApplyOrder#renderStreamed}): what {@code render} writes. The Flux layout is made in memory.
   *
   * @return the files, to write before closing
   */
  static Rendered render(
      LabSource.Loaded loaded,
      KubernetesVersion target,
      TargetOptions.Layout layout,
      GitOps gitOps,
      Path out,
      ValidationContext existing,
      PrintWriter notes) {
    if (gitOps == GitOps.FLUX) {
      return new Rendered(of(loaded, target, layout, gitOps, out, existing, notes), null);
    }
    StreamedManifests streamed = ApplyOrder.renderStreamed(loaded.lab(), target, gitOps, existing);
    try {
      streamed.validation().ifPresent(report -> ExistingOptions.printWarnings(report, notes));
      return new Rendered(
          withCluster(loaded, target, streamed.folder(layout.library()), notes), streamed);
    } catch (RuntimeException | Error e) {
      streamed.close();
      throw e;
    }
  }

  /** The manifests' files plus the lab's cluster files for the target, when it has a cluster. */
  private static FolderFiles withCluster(
      LabSource.Loaded loaded, KubernetesVersion target, FolderFiles manifests, PrintWriter notes) {
    Optional<LabCluster> cluster;
    try {
      cluster = loaded.cluster(target);
    } catch (InvalidLabException e) {
      notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      return manifests;
    }
    if (cluster.isEmpty()) {
      return manifests;
    }
    FolderFiles.Builder files = FolderFiles.builder().addAll(manifests);
    try {
      cluster
          .get()
          .render(target)
          .forEach((path, content) -> files.add(CLUSTER_FOLDER + path, content));
    } catch (InvalidLabException e) {
      notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      return manifests;
    }
    return files.build();
  }
}
