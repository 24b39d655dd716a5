package io.saltlab.examples;

import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Renders the cluster under the seed lab (CentOS 7 VMs kube0, node1, node2 as in the write-up): a
 * Vagrant project with its provisioning scripts, by default for Kubernetes 1.6 into {@code
 * ./cluster/1.6/}.
 *
 * <p>Arguments: {@code [TARGET [OUTPUT_DIR]]}, for example {@code 1.30 /tmp/cluster}. CentOS 7 runs
 * 1.6 to 1.30; for a current target build a {@link LabCluster} on Ubuntu or Debian.
 */
public final class RenderSeedCluster {

  private RenderSeedCluster() {}

  /**
   * Renders and prints what was written.
   *
   * @param args optional target version and output folder
   */
  public static void main(String[] args) {
    try {
      KubernetesVersion target = KubernetesVersion.of(args.length > 0 ? args[0] : "1.6");
      Path out = Paths.get(args.length > 1 ? args[1] : "cluster").resolve(target.toString());
      List<Path> written = LabCluster.seedCluster(SeedLab.lab()).writeTo(out, target);
      System.out.println(
          "Rendered the seed cluster for Kubernetes "
              + target
              + " into "
              + out.toAbsolutePath()
              + ":");
      for (Path p : written) {
        System.out.println("  " + p);
      }
      System.out.println(
          "Then: cd " + out + " && export SALTLAB_REGISTRY_PASSWORD=... && vagrant up");
    } catch (IOException | RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }
}
