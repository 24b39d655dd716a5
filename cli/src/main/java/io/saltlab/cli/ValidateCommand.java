package io.saltlab.cli;

import io.saltlab.cli.internal.args.CommandSpec;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.Parameters;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.internal.files.InputFiles;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code saltlab validate}: checks manifest files against a target's API with the bundled
 * validator.
 */
final class ValidateCommand {

  /** {@code -t, --target V}: one version, unlike render's. */
  static final Option<KubernetesVersion> TARGET =
      Option.value(
              "V",
              TargetOptions.VERSION,
              "Kubernetes version to validate against. Default: the newest, 1.36.",
              "-t",
              "--target")
          .withDefault(KubernetesVersion.DEFAULT);

  /** {@code --strict}: warnings fail too. */
  static final Option<Boolean> STRICT =
      Option.flag(
          "Fail (exit 1) on warnings too: what the API server accepts but breaks at run time.",
          "--strict");

  /** The files and folders to validate. */
  static final Parameters<Path> PATHS =
      new Parameters<>("PATH", TargetOptions.PATH, "Manifest files or folders.", 1);

  /** The declaration of {@code saltlab validate}. */
  static final CommandSpec SPEC =
      CommandSpec.builder(
              "saltlab validate",
              "Validates YAML manifests against the API of a Kubernetes version.")
          .details(
              "Files or folders, saltlab's or not, checked with the validator and schemas bundled"
                  + " in this build. Fails with exit code 2 when this build has no validator.")
          .option(TARGET)
          .option(STRICT)
          .include(ExistingOptions.OPTIONS)
          .parameters(PATHS)
          .exitCode(ExitCodes.OK, "ok (valid; warnings, if any, are printed)")
          .exitCode(
              ExitCodes.PROBLEMS, "errors found (invalid manifests), or warnings with --strict")
          .exitCode(
              ExitCodes.INPUT,
              "usage or input error (bad option, missing path, unsupported target, no validator in"
                  + " this build)")
          .build();

  /** The command. */
  static final CliCommand COMMAND = new CliCommand(SPEC, ValidateCommand::run);

  /** Problems that mean part of the input was not read: an input error, not a finding. */
  private static final Set<String> INPUT_CHECKS = Set.of("unreadable", "input-limit");

  private ValidateCommand() {}

  private static int run(ParsedArgs args, CliContext context) {
    KubernetesVersion target = args.get(TARGET);
    ManifestValidator.preload(target);
    List<Path> paths = args.parameters(PATHS);
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new CliException(
            "no such file or folder: " + p,
            "give manifest files or folders, for example manifests/1.36");
      }
    }
    List<String> refused = InputFiles.refusedArguments(paths);
    if (!refused.isEmpty()) {
      throw new CliException(
          refused.size() == 1 ? refused.get(0) : refused.size() + " paths cannot be validated",
          refused.size() == 1 ? List.of() : refused,
          "give regular files or folders; saltlab never follows links nor reads FIFOs, devices or"
              + " kernel files",
          ExitCodes.INPUT);
    }
    ValidationReport report =
        ManifestValidator.forTarget(target)
            .withContext(ExistingOptions.context(args))
            .validatePaths(paths.toArray(Path[]::new));
    PrintWriter out = context.out();
    String text = VisibleText.of(report.format());
    out.print(text);
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
    long unread = report.problems().stream().filter(p -> INPUT_CHECKS.contains(p.check())).count();
    if (unread > 0) {
      throw new CliException(
          unread == 1
              ? "1 input could not be read (listed above); the rest was validated"
              : unread + " inputs could not be read (listed above); the rest was validated",
          "fix or remove what is listed; limits: "
              + InputFiles.MAX_FILE_BYTES
              + " bytes per file, "
              + InputFiles.MAX_TOTAL_BYTES
              + " bytes per run (README, docs/cli.md)");
    }
    boolean strict = Boolean.TRUE.equals(args.get(STRICT));
    return (strict ? report.isClean() : report.isValid()) ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
