package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.SaltLab;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saltlab diff}: what changes in the lab's output between two target versions. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = SaltlabCli.Version.class,
    description = {
      "Shows what changes in the lab's manifests between two Kubernetes versions.",
      "%nObject by object: apiVersion, added, removed and changed fields (selectors, hostPath"
          + " types), the pull Secret's type and data key. Secret data values are never shown."
          + " Writes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (the report was printed, whether or not the targets differ)",
      ExitCodes.INPUT_LINE
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LabSource lab;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "V",
      converter = TargetOptions.VersionConverter.class,
      description = "The version upgraded from, for example 1.8.")
  KubernetesVersion from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "V",
      converter = TargetOptions.VersionConverter.class,
      description = "The version upgraded to, for example 1.9.")
  KubernetesVersion to;

  private final SaltlabCli cli;

  DiffCommand(SaltlabCli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    SaltLab saltLab = lab.load(cli.environment()).lab();
    PrintWriter out = spec.commandLine().getOut();
    out.print(TargetDiff.report(saltLab.render(from), saltLab.render(to)));
    out.flush();
    return ExitCodes.OK;
  }
}
