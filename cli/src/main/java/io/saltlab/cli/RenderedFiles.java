package io.saltlab.cli;

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
}
