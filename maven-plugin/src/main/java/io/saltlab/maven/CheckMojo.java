package io.saltlab.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code saltlab:check}: renders the lab in memory and fails the build when {@code
 * <outputDirectory>/<target>/} differs, with the unified diff {@code saltlab check} prints (Secret
 * data hidden) and the missing and extra files. Never writes. Bound to {@code verify} by default.
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractLabMojo {

  /** Creates the goal; Maven sets its parameters. */
  public CheckMojo() {}

  /** Skips this goal only. */
  @Parameter(property = "saltlab.check.skip", defaultValue = "false")
  boolean skipCheck;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipCheck) {
      getLog().info("saltlab:check skipped");
      return;
    }
    Outcome r = runCommand("check");
    if (r.exitCode() == 0) {
      r.out().forEach(getLog()::info);
      r.err().forEach(getLog()::warn);
      return;
    }
    r.out().forEach(getLog()::error);
    r.err().forEach(getLog()::error);
    String what =
        r.exitCode() == 1 ? "the committed manifests drifted from the lab" : "saltlab check failed";
    throw new MojoFailureException(what + ":\n" + text(r.out()) + "\n" + text(r.err()));
  }
}
