package io.saltlab.maven;

import io.saltlab.core.KubernetesVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/** Parses the {@code targets} and {@code target} settings with the core's rules and messages. */
final class Targets {
  private Targets() {}

  /**
   * The versions asked for, each once, in the order given; the newest when none is.
   *
   * @param texts versions such as {@code 1.36} or {@code v1.6}
   * @return at least one version
   * @throws MojoExecutionException naming the bad value and the supported range
   */
  static List<KubernetesVersion> parse(List<String> texts) throws MojoExecutionException {
    Set<KubernetesVersion> versions = new LinkedHashSet<>();
    if (texts != null) {
      for (String text : texts) {
        versions.add(parseOne(text));
      }
    }
    return versions.isEmpty() ? List.of(KubernetesVersion.DEFAULT) : List.copyOf(versions);
  }

  /**
   * One version; the newest when none is given.
   *
   * @param text a version or {@code null}
   * @return the version
   * @throws MojoExecutionException naming the bad value and the supported range
   */
  static KubernetesVersion parseOne(String text) throws MojoExecutionException {
    if (text == null || text.isBlank()) {
      return KubernetesVersion.DEFAULT;
    }
    try {
      return KubernetesVersion.of(text.strip());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("<target> '" + text + "': " + e.getMessage());
    }
  }
}
