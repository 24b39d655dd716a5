package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.check.Drift;
import io.saltlab.core.check.DriftCheck;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.topology.GitOps;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code saltlab check}: renders in memory and compares with what is committed in {@code DIR/<V>/};
 * never writes. The CI guard against hand edits and forgotten renders.
 */
final class CheckCommand {

  /** {@code --require-secrets}: without the secrets, fail instead of leaving their values out. */
  static final Option<Boolean> REQUIRE_SECRETS =
      Option.flag(
          "Fail (exit 2) when a secret the spec file names is not available here, instead of"
              + " comparing everything else and saying which values were not compared.",
          "--require-secrets");

  /** The declaration of {@code saltlab check}. */
  static final CommandSpec SPEC =
      CommandSpec.builder("saltlab check", "Checks that DIR/<V>/ matches the lab, without writing.")
          .details(
              "Renders in memory and compares with each target folder. Prints a unified diff per"
                  + " changed file (Secret data values hidden) and lists missing and extra"
                  + " generated files. Files you added to the folder are ignored. Run it in CI"
                  + " after committing the output of render; it needs no secrets: without a"
                  + " spec file's secrets, their values are not compared (everything else is, the"
                  + " Secrets' type and keys too), and it says which.")
          .include(LabSource.OPTIONS)
          .include(TargetOptions.OPTIONS)
          .include(ExistingOptions.OPTIONS)
          .option(REQUIRE_SECRETS)
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
    LabSource.ForCheck saltLab =
        LabSource.of(args).loadForCheck(context.environment(), args.get(REQUIRE_SECRETS));
    PrintWriter out = context.out();
    Path dir = args.get(TargetOptions.OUT);
    if (!saltLab.missing().isEmpty()) {
      out.println(
          "note: not available here, so the values derived from them are not compared: "
              + VisibleText.line(String.join(", ", saltLab.missing()))
              + " (give them to compare those too, or --require-secrets to fail without them)");
    }
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
      LabSource.ForCheck saltLab,
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
      FolderFiles expected =
          RenderedFiles.of(saltLab.lab(), target, layout, gitOps, dir, existing, context.err());
      FolderFiles standIn =
          saltLab.standIn() == saltLab.lab()
              ? expected
              : RenderedFiles.of(
                  saltLab.standIn(), target, layout, gitOps, dir, existing, context.err());
      Drift drift = DriftCheck.compare(folder, target.toString(), expected, standIn);
      if (!drift.uncompared().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%s: %d values not compared (no secrets here): %s%n",
            target,
            drift.uncompared().size(),
            VisibleText.line(String.join(", ", drift.uncompared())));
      }
      String shown = VisibleText.line(folder.toString());
      if (drift.unfinishedWrite()) {
        out.printf(
            Locale.ROOT,
            "%s: note: a render of %s was interrupted after it committed; the next render"
                + " finishes it%n",
            target,
            shown);
      }
      if (drift.isClean()) {
        out.printf(Locale.ROOT, "%s: up to date -> %s%n", target, shown);
        continue;
      }
      clean = false;
      TargetOptions.Layout other =
          layout == TargetOptions.Layout.files
              ? TargetOptions.Layout.stream
              : TargetOptions.Layout.files;
      if (sameInOtherLayout(saltLab, target, folder, other, gitOps, dir, existing)) {
        // Every object file missing or extra only because the layouts differ: say that instead.
        out.printf(
            Locale.ROOT,
            "%s: %s was rendered with --layout %s, not %s; run check with --layout %s (or render"
                + " again with --layout %s to switch)%n",
            target,
            shown,
            other,
            layout,
            other,
            layout);
        continue;
      }
      out.print(drift.diff());
      out.printf(
          Locale.ROOT,
          "%s: drift in %s: %d changed, %d missing, %d extra%s%n",
          target,
          shown,
          drift.changed().size(),
          drift.missing().size(),
          drift.extra().size(),
          drift.blocked().isEmpty() ? "" : ", " + drift.blocked().size() + " not saltlab's");
      for (String m : drift.missing()) {
        out.println("  missing: " + VisibleText.line(m));
      }
      for (String x : drift.extra()) {
        out.println("  extra:   " + VisibleText.line(x));
      }
      for (String b : drift.blocked()) {
        out.println(
            "  not saltlab's: "
                + VisibleText.line(b)
                + " (a link, folder or special file stands there; never opened)");
      }
    }
    return clean;
  }

  /** Whether the folder is exactly what the other layout renders (its secrets aside). */
  private static boolean sameInOtherLayout(
      LabSource.ForCheck saltLab,
      KubernetesVersion target,
      Path folder,
      TargetOptions.Layout other,
      GitOps gitOps,
      Path dir,
      ValidationContext existing) {
    PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
    FolderFiles expected =
        RenderedFiles.of(saltLab.lab(), target, other, gitOps, dir, existing, quiet);
    FolderFiles standIn =
        saltLab.standIn() == saltLab.lab()
            ? expected
            : RenderedFiles.of(saltLab.standIn(), target, other, gitOps, dir, existing, quiet);
    return DriftCheck.compare(folder, target.toString(), expected, standIn).isClean();
  }
}
