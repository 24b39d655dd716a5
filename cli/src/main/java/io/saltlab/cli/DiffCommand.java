package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.check.TargetDiff;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.topology.SaltLab;
import java.io.PrintWriter;

/** {@code saltlab diff}: what changes in the lab's output between two target versions. */
final class DiffCommand {

  /** {@code --from V}. */
  static final Option<KubernetesVersion> FROM =
      Option.value(
              "V", TargetOptions.VERSION, "The version upgraded from, for example 1.8.", "--from")
          .required();

  /** {@code --to V}. */
  static final Option<KubernetesVersion> TO =
      Option.value("V", TargetOptions.VERSION, "The version upgraded to, for example 1.9.", "--to")
          .required();

  /** The declaration of {@code saltlab diff}. */
  static final CommandSpec SPEC =
      CommandSpec.builder(
              "saltlab diff",
              "Shows what changes in the lab's manifests between two Kubernetes versions.")
          .details(
              "Object by object: apiVersion, added, removed and changed fields (selectors,"
                  + " hostPath types), the pull Secret's type and data key. Secret data values are"
                  + " never shown. Writes nothing.")
          .include(LabSource.OPTIONS)
          .option(FROM)
          .option(TO)
          .exitCode(ExitCodes.OK, "ok (the report was printed, whether or not the targets differ)")
          .exitCode(ExitCodes.INPUT, ExitCodes.INPUT_MEANING)
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, DiffCommand::run);

  private DiffCommand() {}

  private static int run(ParsedArgs args, CliContext context) {
    KubernetesVersion from = args.get(FROM);
    KubernetesVersion to = args.get(TO);
    ManifestValidator.preload(from);
    ManifestValidator.preload(to);
    SaltLab saltLab = LabSource.of(args).load(context.environment()).lab();
    PrintWriter out = context.out();
    out.print(TargetDiff.report(saltLab.render(from), saltLab.render(to)));
    out.flush();
    return ExitCodes.OK;
  }
}
