package io.saltlab.maven;

import io.saltlab.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code render} and {@code check} share: the lab, the targets, the output folder, the layout,
 * the GitOps engine and the existing objects, run through saltlab's command line inside Maven's
 * JVM, so that the folder written, the drift reported and every message are the command line's own.
 */
abstract class AbstractLabMojo extends SaltlabMojo {

  /**
   * A class implementing {@code io.saltlab.topology.LabProvider}, on the plugin's classpath (its
   * {@code <dependencies>}, for example {@code saltlab-examples} for {@code
   * io.saltlab.examples.SeedLabProvider}) or the project's compile classpath (bind the goal after
   * {@code compile} for a class of the project itself). Exclusive with {@link #labFile}.
   */
  @Parameter(property = "saltlab.labClass")
  String labClass;

  /** A lab spec file (YAML). Exclusive with {@link #labClass}. */
  @Parameter(property = "saltlab.labFile")
  File labFile;

  /** The Kubernetes versions to render for, 1.5 to 1.36; the newest unless set. */
  @Parameter(property = "saltlab.targets")
  List<String> targets = new ArrayList<>();

  /** The folder holding one sub-folder per target, {@code <outputDirectory>/<target>/}. */
  @Parameter(
      property = "saltlab.outputDirectory",
      defaultValue = "${project.basedir}/manifests",
      required = true)
  File outputDirectory;

  /**
   * {@code files} (one file per object) or {@code stream} (all objects in one {@code
   * manifests.yaml}); {@code check} needs the layout {@code render} used.
   */
  @Parameter(property = "saltlab.layout", defaultValue = "files", required = true)
  String layout;

  /**
   * {@code none}, {@code argocd} (a sync-wave annotation on every object) or {@code flux} (one
   * folder and one Flux Kustomization per layer, chained with {@code dependsOn}).
   */
  @Parameter(property = "saltlab.gitops", defaultValue = "none", required = true)
  String gitops;

  /** The project, whose compile classpath may hold the lab class. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** What the command line printed and how it ended. */
  record Outcome(int exitCode, List<String> out, List<String> err) {}

  /**
   * Runs one saltlab command on the configured lab.
   *
   * @param command {@code render} or {@code check}
   * @return the exit code and the printed lines
   * @throws MojoExecutionException when the lab is configured wrongly
   */
  Outcome runCommand(String command) throws MojoExecutionException {
    boolean hasClass = labClass != null && !labClass.isBlank();
    if (hasClass == (labFile != null)) {
      throw new MojoExecutionException(
          (hasClass
                  ? "both <labClass> and <labFile> are set"
                  : "no lab configured: set <labClass> or <labFile>")
              + "; give exactly one, for example"
              + " <labClass>io.saltlab.examples.SeedLabProvider</labClass> (with saltlab-examples"
              + " as a plugin dependency) or <labFile>${project.basedir}/lab.yaml</labFile>");
    }
    List<String> args = new ArrayList<>(List.of(command));
    if (hasClass) {
      args.add("--class");
      args.add(labClass.strip());
    } else {
      args.add("--lab");
      args.add(labFile.getPath());
    }
    for (String t : targets) {
      args.add("--target");
      args.add(t == null ? "" : t.strip());
    }
    args.add("--out");
    args.add(outputDirectory.getPath());
    args.add("--layout");
    args.add(layout.strip());
    args.add("--gitops");
    args.add(gitops.strip());
    args.addAll(existing().arguments());

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    int exit;
    try {
      thread.setContextClassLoader(projectLoader());
      exit =
          Main.run(
              args.toArray(String[]::new),
              System.getenv(),
              new PrintWriter(out, true),
              new PrintWriter(err, true));
    } finally {
      thread.setContextClassLoader(previous);
    }
    return new Outcome(exit, out.toString().lines().toList(), err.toString().lines().toList());
  }

  /**
   * The project's compile classpath after the plugin's own: the plugin's classes (saltlab's API
   * among them) come first, so a lab class compiled against saltlab shares its types with it.
   */
  private ClassLoader projectLoader() throws MojoExecutionException {
    ClassLoader plugin = AbstractLabMojo.class.getClassLoader();
    List<String> elements;
    try {
      elements = project == null ? List.of() : project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("the project's compile classpath is not resolved", e);
    }
    if (elements.isEmpty()) {
      return plugin;
    }
    URL[] urls = new URL[elements.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = new File(elements.get(i)).toURI().toURL();
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("bad classpath element " + elements.get(i), e);
      }
    }
    // Left open: the lab may load more classes while it renders, within this build.
    return new URLClassLoader(urls, plugin);
  }

  /**
   * Joins printed lines into a failure message.
   *
   * @param lines the lines
   * @return the text
   */
  static String text(List<String> lines) {
    return String.join("\n", lines).strip();
  }
}
