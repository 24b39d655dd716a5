package io.saltlab.cli;

import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.SaltLab;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Everything {@code render} writes into one target folder, computed in memory. */
final class RenderedFiles {
  private RenderedFiles() {}

  /**
   * The files of one target folder in the files layout: {@link Manifests#files()} (one file per
   * object and {@code kustomization.yaml}) plus {@code topology.md}.
   *
   * @param manifests the lab rendered for the target
   * @return file name to content, in a fixed order
   */
  static Map<String, String> of(Manifests manifests) {
    return of(manifests, TargetOptions.Layout.files);
  }

  /**
   * The files of one target folder: the objects in the layout asked for, {@code kustomization.yaml}
   * and {@code topology.md}.
   *
   * @param manifests the lab rendered for the target
   * @param layout one file per object, or one stream
   * @return file name to content, in a fixed order
   */
  static Map<String, String> of(Manifests manifests, TargetOptions.Layout layout) {
    Map<String, String> files =
        new LinkedHashMap<>(
            layout == TargetOptions.Layout.stream ? manifests.streamFiles() : manifests.files());
    files.put(TopologyDiagram.FILE, TopologyDiagram.markdown(manifests));
    return files;
  }

  /**
   * Renders a lab for a target and returns its folder's files in the files layout.
   *
   * @param lab the lab
   * @param target the Kubernetes version
   * @return file name to content
   */
  static Map<String, String> of(SaltLab lab, KubernetesVersion target) {
    return of(lab.render(target));
  }

  /** The sub-folder of a target folder that holds the cluster bootstrap. */
  static final String CLUSTER_FOLDER = "cluster/";

  /**
   * A loaded lab's files for a target: the manifests, {@code topology.md} and, when the lab has a
   * cluster for that target, its files under {@code cluster/}. A cluster that cannot run the target
   * is reported on {@code notes} and left out, never guessed.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param notes where to say why a cluster is left out
   * @return relative path to content
   */
  static Map<String, String> of(
      LabSource.Loaded loaded, KubernetesVersion target, PrintWriter notes) {
    return of(loaded, target, TargetOptions.Layout.files, notes);
  }

  /**
   * A loaded lab's files for a target in a layout; see {@link #of(LabSource.Loaded,
   * KubernetesVersion, PrintWriter)}.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param layout one file per object, or one stream
   * @param notes where to say why a cluster is left out
   * @return relative path to content
   */
  static Map<String, String> of(
      LabSource.Loaded loaded,
      KubernetesVersion target,
      TargetOptions.Layout layout,
      PrintWriter notes) {
    Map<String, String> files = of(loaded.lab().render(target), layout);
    Optional<LabCluster> cluster;
    try {
      cluster = loaded.cluster(target);
    } catch (InvalidLabException e) {
      notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      return files;
    }
    if (cluster.isPresent()) {
      try {
        cluster
            .get()
            .render(target)
            .forEach((path, content) -> files.put(CLUSTER_FOLDER + path, content));
      } catch (InvalidLabException e) {
        notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      }
    }
    return files;
  }
}
