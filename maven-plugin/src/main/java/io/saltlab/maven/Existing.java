package io.saltlab.maven;

import io.saltlab.core.validate.ValidationContext;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** The {@code existing*} settings: objects the cluster has already, which manifests may use. */
final class Existing {
  private Existing() {}

  /**
   * A validation context from the settings.
   *
   * @param namespaces namespace names
   * @param secrets {@code NAMESPACE/NAME} of Secrets
   * @param configMaps {@code NAMESPACE/NAME} of ConfigMaps
   * @return the context
   * @throws MojoExecutionException when an entry is not {@code NAMESPACE/NAME}
   */
  static ValidationContext context(
      List<String> namespaces, List<String> secrets, List<String> configMaps)
      throws MojoExecutionException {
    ValidationContext.Builder b = ValidationContext.builder();
    for (String ns : namespaces) {
      b.existingNamespace(ns.strip());
    }
    for (String s : secrets) {
      String[] parts = split("existingSecrets", s);
      b.existingSecret(parts[0], parts[1]);
    }
    for (String c : configMaps) {
      String[] parts = split("existingConfigMaps", c);
      b.existingConfigMap(parts[0], parts[1]);
    }
    return b.build();
  }

  private static String[] split(String setting, String entry) throws MojoExecutionException {
    String s = entry == null ? "" : entry.strip();
    int slash = s.indexOf('/');
    if (slash <= 0 || slash == s.length() - 1 || s.indexOf('/', slash + 1) >= 0) {
      throw new MojoExecutionException(
          "<"
              + setting
              + "> entry '"
              + entry
              + "': expected NAMESPACE/NAME, for example salt-lab/registry-pull");
    }
    return new String[] {s.substring(0, slash), s.substring(slash + 1)};
  }
}
