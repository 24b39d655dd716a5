package io.saltlab.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code saltlab:render}: writes the lab into {@code <outputDirectory>/<target>/} for each target,
 * exactly as {@code saltlab render} does: each folder replaced atomically under a lock, files you
 * added kept, unchanged output left untouched. Bound to {@code generate-resources} by default.
 */
@Mojo(
    name = "render",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class RenderMojo extends AbstractLabMojo {

  /** Creates the goal; Maven sets its parameters. */
  public RenderMojo() {}

  /** Skips this goal only, for example in CI where {@code check} must see the committed folder. */
  @Parameter(property = "saltlab.render.skip", defaultValue = "false")
  boolean skipRender;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip || skipRender) {
      getLog().info("saltlab:render skipped");
      return;
    }
    Outcome r = runCommand("render");
    r.out().forEach(getLog()::info);
    if (r.exitCode() != 0) {
      r.err().forEach(getLog()::error);
      throw new MojoFailureException(text(r.err()));
    }
    r.err().forEach(getLog()::warn);
  }
}
