package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code saltlab validate}: checks manifest files against a target's API with the bundled validator. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = SaltlabCli.Version.class,
    description = {
      "Validates YAML manifests against the API of a Kubernetes version.",
      "%nFiles or folders, saltlab's or not, checked with the validator and schemas bundled in this"
          + " build. Fails with exit code 2 when this build has no validator."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (valid)",
      "1:problems found (invalid manifests)",
      "2:usage or input error (bad option, missing path, unsupported target, no validator in this build)"
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-t", "--target"}, paramLabel = "V", converter = TargetOptions.VersionConverter.class,
      description = "Kubernetes version to validate against. Default: the newest, 1.36.")
  KubernetesVersion target = KubernetesVersion.DEFAULT;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifest files or folders.")
  List<Path> paths;

  private final Validation validation;

  ValidateCommand(Validation validation) {
    this.validation = validation;
  }

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new CliException("no such file or folder: " + p, "give manifest files or folders, for example manifests/1.36");
      }
    }
    if (!validation.available()) {
      throw new CliException("validator not available in this build; nothing was validated",
          "render and check work without it; use a saltlab build that includes io.saltlab.core.validate");
    }
    Validation.Outcome outcome = validation.validate(target, paths);
    PrintWriter out = spec.commandLine().getOut();
    out.print(outcome.report());
    if (!outcome.report().endsWith("\n")) {
      out.println();
    }
    out.flush();
    return outcome.clean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
