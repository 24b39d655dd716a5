package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.write.Durability;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.core.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code saltlab render}: writes the lab into {@code DIR/<V>/} for each target, safely. */
final class RenderCommand {

  /** How long a render waits for another one writing into the same folder. */
  static final Duration LOCK_WAIT = OutputFolder.DEFAULT_WAIT;

  /** {@code --durable}: force files to disk. */
  static final Option<Boolean> DURABLE =
      Option.flag(
          "Force every new file, the journal and the folders to disk, so that a power loss right"
              + " after the render leaves each file old or new (the next render finishes the"
              + " swap). Without it a killed render still never leaves a torn folder, but a power"
              + " loss within about 30 s may leave files of that render empty; render again then.",
          "--durable");

  /** The declaration of {@code saltlab render}. */
  static final CommandSpec SPEC =
      CommandSpec.builder("saltlab render", "Renders the lab into DIR/<V>/ for each target.")
          .details(
              "One YAML file per object (or one manifests.yaml with --layout stream),"
                  + " kustomization.yaml and topology.md (a Mermaid diagram). Each target folder"
                  + " is written under a lock on DIR/.saltlab.lock, file by file, committed by a"
                  + " journal: files, links and folders you added are never touched, and"
                  + " unchanged output is left as it is. Without --lab or --class: the built-in"
                  + " seed lab.")
          .include(LabSource.OPTIONS)
          .include(TargetOptions.OPTIONS)
          .include(ExistingOptions.OPTIONS)
          .option(DURABLE)
          .exitCode(ExitCodes.OK, ExitCodes.OK_MEANING)
          .exitCode(ExitCodes.PROBLEMS, ExitCodes.PROBLEMS_MEANING)
          .exitCode(ExitCodes.INPUT, ExitCodes.INPUT_MEANING)
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, RenderCommand::run);

  private RenderCommand() {}

  private static int run(ParsedArgs args, CliContext context) {
    List<KubernetesVersion> targets = TargetOptions.targets(args);
    // The schemas load on other threads while the lab is read and translated.
    targets.forEach(ManifestValidator::preload);
    LabSource source = LabSource.of(args);
    if (source.isBuiltIn()) {
      context.err().println(LabSource.EXAMPLE_CREDENTIALS_NOTE);
    }
    LabSource.Loaded saltLab = source.load(context.environment());
    PrintWriter out = context.out();
    Path dir = args.get(TargetOptions.OUT);
    TargetOptions.Layout layout = args.get(TargetOptions.LAYOUT);
    Durability durability = args.get(DURABLE) ? Durability.DURABLE : Durability.STANDARD;
    try (OutputFolder folder = OutputFolder.open(dir, LOCK_WAIT, durability)) {
      for (KubernetesVersion target : targets) {
        WriteResult r;
        try (RenderedFiles.Rendered rendered =
            RenderedFiles.render(
                saltLab,
                target,
                layout,
                args.get(TargetOptions.GITOPS).gitOps(),
                dir,
                ExistingOptions.context(args),
                context.err())) {
          r = folder.write(target.toString(), rendered.files());
        }
        String folderName = VisibleText.line(r.folder().toString());
        if (r.changed()) {
          out.printf(
              Locale.ROOT,
              "%s: wrote %d, removed %d, kept %d unchanged%s -> %s%n",
              target,
              r.written().size(),
              r.removed().size(),
              r.kept(),
              r.userFiles() > 0 ? ", left " + r.userFiles() + " of yours alone" : "",
              folderName);
        } else {
          out.printf(
              Locale.ROOT, "%s: up to date (%d files) -> %s%n", target, r.kept(), folderName);
        }
        for (String exposed : r.exposedPrivateFiles()) {
          context
              .err()
              .println(
                  "note: "
                      + VisibleText.line(target + "/" + exposed)
                      + " holds a Secret and others may read it (its mode is yours, kept);"
                      + " chmod 600 it");
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
