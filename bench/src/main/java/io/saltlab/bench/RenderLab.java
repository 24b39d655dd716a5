package io.saltlab.bench;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Renders a {@link BenchLabs} lab as one process, the way the command line renders a lab: {@code
 * RenderLab ROLES OUTDIR [TARGET]} builds the lab, renders and validates it for {@code TARGET}
 * (1.36 unless given) and writes one file per object plus {@code kustomization.yaml} into {@code
 * OUTDIR/TARGET/}. {@code bench/run.sh} times it against the cdk8s script.
 */
public final class RenderLab {

  private RenderLab() {}

  /**
   * Renders and writes, printing one line.
   *
   * @param args roles, output folder, optional target
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: RenderLab ROLES OUTDIR [TARGET]");
      System.exit(2);
    }
    int roles = Integer.parseInt(args[0]);
    KubernetesVersion target = KubernetesVersion.of(args.length > 2 ? args[2] : "1.36");
    Path out = Paths.get(args[1]).resolve(target.toString());
    Manifests manifests = BenchLabs.lab(roles).render(target);
    int files = manifests.writeDirectory(out).size();
    System.out.println("rendered " + manifests.resources().size() + " objects into " + files + " files in " + out);
  }
}
