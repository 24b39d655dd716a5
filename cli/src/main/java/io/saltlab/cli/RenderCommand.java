package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code saltlab render}: writes the lab into {@code DIR/<V>/} for each target, safely. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = SaltlabCli.Version.class,
    description = {
      "Renders the lab into DIR/<V>/ for each target.",
      "%nOne YAML file per object (or one manifests.yaml with --layout stream), kustomization.yaml"
          + " and topology.md (a Mermaid diagram). Each target folder is replaced atomically under"
          + " a lock on DIR/.saltlab.lock; files you added to it are kept; unchanged output is left"
          + " untouched. Without --lab or --class: the built-in seed lab."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.PROBLEMS_LINE, ExitCodes.INPUT_LINE})
final class RenderCommand implements Callable<Integer> {

  /** How long a render waits for another one writing into the same folder. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Mixin LabSource lab;

  @Mixin TargetOptions options;

  private final SaltlabCli cli;

  RenderCommand(SaltlabCli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    LabSource.Loaded saltLab = lab.load(cli.environment());
    PrintWriter out = spec.commandLine().getOut();
    try (OutputFolder folder = OutputFolder.lock(options.out, LOCK_WAIT)) {
      for (KubernetesVersion target : options.targets()) {
        OutputFolder.Result r =
            folder.write(
                target.toString(),
                RenderedFiles.of(saltLab, target, options.layout, spec.commandLine().getErr()));
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
