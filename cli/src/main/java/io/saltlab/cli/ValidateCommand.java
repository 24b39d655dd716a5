package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
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

/**
 * {@code saltlab validate}: checks manifest files against a target's API with the bundled
 * validator.
 */
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
      "2:usage or input error (bad option, missing path, unsupported target, no validator in this"
          + " build)"
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--target"},
      paramLabel = "V",
      converter = TargetOptions.VersionConverter.class,
      description = "Kubernetes version to validate against. Default: the newest, 1.36.")
  KubernetesVersion target = KubernetesVersion.DEFAULT;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Manifest files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new CliException(
            "no such file or folder: " + p,
            "give manifest files or folders, for example manifests/1.36");
      }
    }
    ValidationReport report =
        ManifestValidator.forTarget(target).validatePaths(paths.toArray(Path[]::new));
    PrintWriter out = spec.commandLine().getOut();
    String text = report.format();
    out.print(text);
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
    return report.isClean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
