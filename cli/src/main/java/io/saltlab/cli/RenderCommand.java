package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.core.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code saltlab render}: writes the lab into {@code DIR/<V>/} for each target, safely. */
final class RenderCommand {

  /** How long a render waits for another one writing into the same folder. */
  static final Duration LOCK_WAIT = OutputFolder.DEFAULT_WAIT;

  /** The declaration of {@code saltlab render}. */
  static final CommandSpec SPEC =
      CommandSpec.builder("saltlab render", "Renders the lab into DIR/<V>/ for each target.")
          .details(
              "One YAML file per object (or one manifests.yaml with --layout stream),"
                  + " kustomization.yaml and topology.md (a Mermaid diagram). Each target folder"
                  + " is replaced atomically under a lock on DIR/.saltlab.lock; files you added to"
                  + " it are kept; unchanged output is left untouched. Without --lab or --class:"
                  + " the built-in seed lab.")
          .include(LabSource.OPTIONS)
          .include(TargetOptions.OPTIONS)
          .include(ExistingOptions.OPTIONS)
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
    try (OutputFolder folder = OutputFolder.open(dir, LOCK_WAIT)) {
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
        if (r.changed()) {
          out.printf(
              "%s: wrote %d, removed %d, kept %d unchanged%s -> %s%n",
              target,
              r.written().size(),
              r.removed().size(),
              r.kept(),
              r.userFiles() > 0 ? ", carried over " + r.userFiles() + " of yours" : "",
              r.folder());
        } else {
          out.printf("%s: up to date (%d files) -> %s%n", target, r.kept(), r.folder());
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
