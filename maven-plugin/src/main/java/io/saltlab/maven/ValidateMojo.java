package io.saltlab.maven;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.validate.ValidationReport;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code saltlab:validate}: checks any folder of Kubernetes YAML (saltlab's or not) against the API
 * of a target version with the validator and schemas bundled in saltlab, and fails the build on any
 * problem, each one listed. Bound to {@code verify} by default.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

  /** Creates the goal; Maven sets its parameters. */
  public ValidateMojo() {}

  /** The manifest files or folders to check (folders are read recursively). */
  @Parameter(property = "saltlab.validate.paths", required = true)
  List<File> paths = new ArrayList<>();

  /** The Kubernetes version to check against, 1.5 to 1.36; the newest unless set. */
  @Parameter(property = "saltlab.validate.target")
  String target;

  /**
   * Fail on warnings too (what would break at run time rather than be refused by the API server).
   */
  @Parameter(property = "saltlab.strict", defaultValue = "false")
  boolean strict;

  /** Namespaces that exist in the cluster already, so objects may live in them. */
  @Parameter List<String> existingNamespaces = new ArrayList<>();

  /** Secrets that exist in the cluster already, as {@code NAMESPACE/NAME}. */
  @Parameter List<String> existingSecrets = new ArrayList<>();

  /** ConfigMaps that exist in the cluster already, as {@code NAMESPACE/NAME}. */
  @Parameter List<String> existingConfigMaps = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "saltlab.skip", defaultValue = "false")
  boolean skip;

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
    ValidationContext context =
        Existing.context(existingNamespaces, existingSecrets, existingConfigMaps);
    ValidationReport report =
        ManifestValidator.forTarget(version)
            .withContext(context)
            .validatePaths(paths.stream().map(File::toPath).toArray(java.nio.file.Path[]::new));
    String text = report.format();
    if (report.isClean()) {
      text.lines().forEach(getLog()::info);
      return;
    }
    text.lines().forEach(getLog()::error);
    throw new MojoFailureException(text.strip());
  }
}
