package io.saltlab.bench;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Renders a {@link BenchLabs} lab as one process with the command line's model, renderer,
 * validation and writers but no argument parsing, spec reading or output folder: the main to
 * profile the render itself and to compare commits (bench/RESULTS.md, "Before and after"). {@code
 * bench/run.sh} times the command line itself.
 *
 * <p>{@code RenderLab ROLES OUTDIR [TARGET] [--stream]} builds the lab, renders and validates it
 * for {@code TARGET} (1.36 unless given) and writes it into {@code OUTDIR/TARGET/}: one file per
 * object plus {@code kustomization.yaml}, as {@code saltlab render} does, or with {@code --stream}
 * one multi-document {@code lab.yaml}, as the cdk8s script does.
 */
public final class RenderLab {

  private RenderLab() {}

  /**
   * Renders and writes, printing one line.
   *
   * @param args roles, output folder, optional target, optional {@code --stream}
   */
  public static void main(String[] args) {
    boolean stream = args.length > 0 && args[args.length - 1].equals("--stream");
    int positional = stream ? args.length - 1 : args.length;
    if (positional < 2) {
      System.err.println("usage: RenderLab ROLES OUTDIR [TARGET] [--stream]");
      System.exit(2);
    }
    int roles = Integer.parseInt(args[0]);
    KubernetesVersion target = KubernetesVersion.of(positional > 2 ? args[2] : "1.36");
    Path out = Paths.get(args[1]).resolve(target.toString());
    Manifests manifests = BenchLabs.lab(roles).render(target);
    if (stream) {
      manifests.writeStream(out.resolve("lab.yaml"));
      System.out.println(
          "rendered " + manifests.resources().size() + " objects into " + out.resolve("lab.yaml"));
    } else {
      int files = manifests.folder().contents().size();
      manifests.writeDirectory(out);
      System.out.println(
          "rendered "
              + manifests.resources().size()
              + " objects into "
              + files
              + " files in "
              + out);
    }
  }
}
