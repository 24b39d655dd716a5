package io.saltlab.examples;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.write.WriteResult;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Renders the seed lab: with no arguments, for the newest supported Kubernetes version into {@code
 * ./manifests/<version>/}, one file per object plus a {@code kustomization.yaml} and {@code
 * topology.md}, through the same safe writer as {@code saltlab render}.
 *
 * <p>Arguments: {@code [TARGET [OUTPUT_DIR]]}, for example {@code 1.6 /tmp/out}.
 */
public final class RenderSeedLab {

  private RenderSeedLab() {}

  /**
   * Renders and prints what was written.
   *
   * @param args optional target version and output folder
   */
  public static void main(String[] args) {
    try {
      KubernetesVersion target =
          args.length > 0 ? KubernetesVersion.of(args[0]) : KubernetesVersion.DEFAULT;
      Path out = Paths.get(args.length > 1 ? args[1] : "manifests").resolve(target.toString());
      Manifests manifests = SeedLab.lab().render(target);
      WriteResult result = manifests.writeDirectory(out);
      System.out.println(
          "Rendered the seed lab for Kubernetes " + target + " into " + out.toAbsolutePath() + ":");
      for (String file : result.written()) {
        System.out.println("  wrote " + file);
      }
      for (String file : result.removed()) {
        System.out.println("  removed " + file);
      }
      System.out.println("  " + result.kept() + " unchanged");
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }
}
