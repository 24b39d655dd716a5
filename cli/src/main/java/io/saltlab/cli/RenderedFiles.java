package io.saltlab.cli;

import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.cluster.LabCluster;
import java.io.PrintWriter;
import java.util.Optional;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.SaltLab;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything {@code render} writes into one target folder, computed in memory. */
final class RenderedFiles {
  private RenderedFiles() {}

  /**
   * The files of one target folder: {@link Manifests#files()} (one file per object and
   * {@code kustomization.yaml}) plus {@code topology.md}.
   *
   * @param manifests the lab rendered for the target
   * @return file name to content, in a fixed order
   */
  static Map<String, String> of(Manifests manifests) {
    Map<String, String> files = new LinkedHashMap<>(manifests.files());
    files.put(TopologyDiagram.FILE, TopologyDiagram.markdown(manifests));
    return files;
  }

  /**
   * Renders a lab for a target and returns its folder's files.
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
   * cluster for that target, its files under {@code cluster/}. A cluster that cannot run the
   * target is reported on {@code notes} and left out, never guessed.
   *
   * @param loaded the lab and its cluster source
   * @param target the Kubernetes version
   * @param notes where to say why a cluster is left out
   * @return relative path to content
   */
  static Map<String, String> of(LabSource.Loaded loaded, KubernetesVersion target, PrintWriter notes) {
    Map<String, String> files = of(loaded.lab(), target);
    Optional<LabCluster> cluster;
    try {
      cluster = loaded.cluster(target);
    } catch (InvalidLabException e) {
      notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      return files;
    }
    if (cluster.isPresent()) {
      try {
        cluster.get().render(target).forEach((path, content) -> files.put(CLUSTER_FOLDER + path, content));
      } catch (InvalidLabException e) {
        notes.println("note: no cluster/ for " + target + ": " + e.getMessage().replace("\n", " "));
      }
    }
    return files;
  }
}
