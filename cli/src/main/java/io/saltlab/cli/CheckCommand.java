package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.check.Drift;
import io.saltlab.core.check.DriftCheck;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.topology.GitOps;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code saltlab check}: renders in memory and compares with what is committed in {@code DIR/<V>/};
 * never writes. The CI guard against hand edits and forgotten renders.
 */
final class CheckCommand {

  /** The declaration of {@code saltlab check}. */
  static final CommandSpec SPEC =
      CommandSpec.builder("saltlab check", "Checks that DIR/<V>/ matches the lab, without writing.")
          .details(
              "Renders in memory and compares with each target folder. Prints a unified diff per"
                  + " changed file (Secret data values hidden) and lists missing and extra"
                  + " generated files. Files you added to the folder are ignored. Run it in CI"
                  + " after committing the output of render.")
          .include(LabSource.OPTIONS)
          .include(TargetOptions.OPTIONS)
          .include(ExistingOptions.OPTIONS)
          .exitCode(ExitCodes.OK, ExitCodes.OK_MEANING)
          .exitCode(ExitCodes.PROBLEMS, ExitCodes.PROBLEMS_MEANING)
          .exitCode(ExitCodes.INPUT, ExitCodes.INPUT_MEANING)
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, CheckCommand::run);

  private CheckCommand() {}

  @SuppressWarnings("try") // the read lock only has to be held while comparing
  private static int run(ParsedArgs args, CliContext context) {
    List<KubernetesVersion> targets = TargetOptions.targets(args);
    targets.forEach(ManifestValidator::preload);
    LabSource.Loaded saltLab = LabSource.of(args).load(context.environment());
    PrintWriter out = context.out();
    Path dir = args.get(TargetOptions.OUT);
    boolean clean;
    try (OutputFolder.ReadGuard guard = OutputFolder.readLock(dir, RenderCommand.LOCK_WAIT)) {
      clean =
          compareAll(
              saltLab,
              targets,
              dir,
              args.get(TargetOptions.LAYOUT),
              args.get(TargetOptions.GITOPS).gitOps(),
              ExistingOptions.context(args),
              context);
    }
    if (!clean) {
      out.println("hint: run 'saltlab render' with the same options, review and commit the result");
    }
    out.flush();
    return clean ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  private static boolean compareAll(
      LabSource.Loaded saltLab,
      List<KubernetesVersion> targets,
      Path dir,
      TargetOptions.Layout layout,
      GitOps gitOps,
      ValidationContext existing,
      CliContext context) {
    PrintWriter out = context.out();
    boolean clean = true;
    for (KubernetesVersion target : targets) {
      Path folder = dir.resolve(target.toString());
      Drift drift =
          DriftCheck.compare(
              folder,
              target.toString(),
              RenderedFiles.of(saltLab, target, layout, gitOps, dir, existing, context.err()));
      if (drift.isClean()) {
        out.printf("%s: up to date -> %s%n", target, folder);
        continue;
      }
      clean = false;
      TargetOptions.Layout other =
          layout == TargetOptions.Layout.files
              ? TargetOptions.Layout.stream
              : TargetOptions.Layout.files;
      if (DriftCheck.compare(
              folder,
              target.toString(),
              RenderedFiles.of(
                  saltLab,
                  target,
                  other,
                  gitOps,
                  dir,
                  existing,
                  new PrintWriter(java.io.Writer.nullWriter())))
          .isClean()) {
        // Every object file missing or extra only because the layouts differ: say that instead.
        out.printf(
            "%s: %s was rendered with --layout %s, not %s; run check with --layout %s (or render"
                + " again with --layout %s to switch)%n",
            target, folder, other, layout, other, layout);
        continue;
      }
      out.print(drift.diff());
      out.printf(
          "%s: drift in %s: %d changed, %d missing, %d extra%n",
          target, folder, drift.changed().size(), drift.missing().size(), drift.extra().size());
      for (String m : drift.missing()) {
        out.println("  missing: " + m);
      }
      for (String x : drift.extra()) {
        out.println("  extra:   " + x);
      }
    }
    return clean;
  }
}
