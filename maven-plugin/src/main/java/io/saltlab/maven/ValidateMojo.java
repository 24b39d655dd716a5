package io.saltlab.maven;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.diff.VisibleText;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code saltlab:validate}: checks any folder of Kubernetes YAML (saltlab's or not) against the API
 * of a target version with the validator and schemas bundled in saltlab, as {@code saltlab
 * validate} does: the build fails on any error, each one listed; warnings (what the API server
 * accepts but breaks at run time) are listed and fail the build only with {@code strict}. Bound to
 * {@code verify} by default.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends SaltlabMojo {

  /** Creates the goal; Maven sets its parameters. */
  public ValidateMojo() {}

  /** The manifest files or folders to check (folders are read recursively). */
  @Parameter(property = "saltlab.validate.paths", required = true)
  List<File> paths = new ArrayList<>();

  /** The Kubernetes version to check against, 1.5 to 1.36; the newest unless set. */
  @Parameter(property = "saltlab.validate.target")
  String target;

  /**
   * Fail on warnings too (what would break at run time rather than be refused by the API server),
   * as {@code saltlab validate --strict}.
   */
  @Parameter(property = "saltlab.strict", defaultValue = "false")
  boolean strict;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("saltlab:validate skipped");
      return;
    }
    if (paths.isEmpty()) {
      throw new MojoExecutionException(
          "no <paths> to validate; give manifest files or folders, for example"
              + " <paths><path>${project.basedir}/k8s</path></paths>");
    }
    for (File p : paths) {
      if (!p.exists()) {
        throw new MojoExecutionException(
            "no such file or folder: " + p + "; give manifest files or folders");
      }
    }
    KubernetesVersion version = Targets.parseOne(target);
    ValidationReport report =
        ManifestValidator.forTarget(version)
            .withContext(existing().context())
            .validatePaths(paths.stream().map(File::toPath).toArray(Path[]::new));
    // As saltlab validate prints it: a value from a manifest never sends escapes to the build log.
    String text = VisibleText.of(report.format());
    boolean passed = strict ? report.isClean() : report.isValid();
    if (passed) {
      Consumer<CharSequence> log = report.isClean() ? getLog()::info : getLog()::warn;
      text.lines().forEach(log);
      return;
    }
    text.lines().forEach(getLog()::error);
    throw new MojoFailureException(
        text.strip()
            + (report.isValid()
                ? "\nwarnings fail the build because <strict> is true (saltlab.strict)"
                : ""));
  }
}
