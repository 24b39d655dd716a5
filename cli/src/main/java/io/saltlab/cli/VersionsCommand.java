package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.ApiVersions;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * {@code saltlab versions}: the supported targets, what each renders, and which have a bundled
 * schema.
 */
final class VersionsCommand {

  /** The declaration of {@code saltlab versions}. */
  static final CommandSpec SPEC =
      CommandSpec.builder(
              "saltlab versions",
              "Lists the supported Kubernetes versions and which have a bundled schema.")
          .details(
              "For each target: the apiVersion of each workload kind, the pull Secret's type,"
                  + " whether hostPath volumes get a type, and whether 'validate' has its schema.")
          .exitCode(ExitCodes.OK, "ok")
          .exitCode(ExitCodes.INPUT, "usage error (bad option)")
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, VersionsCommand::run);

  private VersionsCommand() {}

  private static int run(ParsedArgs args, CliContext context) {
    PrintWriter out = context.out();
    Set<KubernetesVersion> bundled = Set.copyOf(ManifestValidator.schemaVersions());
    out.printf(
        Locale.ROOT,
        "Targets %s (default %s):%n",
        KubernetesVersion.range(),
        KubernetesVersion.DEFAULT);
    String format = "%-7s %-19s %-13s %-19s %-31s %-9s %s%n";
    out.printf(
        Locale.ROOT,
        format,
        "target",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "pull Secret type",
        "hostPath",
        "schema");
    for (KubernetesVersion v : KubernetesVersion.all()) {
      ApiVersions api = ApiVersionTable.forTarget(v);
      String schema = bundled.contains(v) ? "bundled" : "none";
      out.printf(
          Locale.ROOT,
          format,
          v,
          api.deployment(),
          api.statefulSet(),
          api.daemonSet(),
          api.registrySecretFormat().secretType(),
          api.supportsHostPathType() ? "type" : "no type",
          schema);
    }
    out.printf(
        Locale.ROOT,
        "Schemas bundled for %d of %d targets; the others are rendered and cross-checked but not"
            + " schema-checked.%n",
        bundled.size(),
        KubernetesVersion.all().size());
    out.flush();
    return ExitCodes.OK;
  }
}
