package io.saltlab.maven;

import io.saltlab.core.KubernetesNames;
import io.saltlab.core.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code existing*} settings of every goal: objects the cluster has already, which manifests
 * may use; the command line's {@code --existing-namespace}, {@code --existing-secret} and {@code
 * --existing-configmap}. Each entry is checked here, so that an error names the Maven setting.
 */
record Existing(List<String> namespaces, List<String> secrets, List<String> configMaps) {

  /** Each setting's name, its command-line option and whether it is {@code NAMESPACE/NAME}. */
  private enum Kind {
    NAMESPACES("existingNamespaces", "--existing-namespace", false),
    SECRETS("existingSecrets", "--existing-secret", true),
    CONFIG_MAPS("existingConfigMaps", "--existing-configmap", true);

    final String setting;
    final String option;
    final boolean qualified;

    Kind(String setting, String option, boolean qualified) {
      this.setting = setting;
      this.option = option;
      this.qualified = qualified;
    }
  }

  /**
   * Null-safe: Maven leaves an unset list null when a goal is configured without it.
   *
   * @param namespaces namespace names
   * @param secrets {@code NAMESPACE/NAME} of Secrets
   * @param configMaps {@code NAMESPACE/NAME} of ConfigMaps
   */
  Existing {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
  }

  /**
   * A validation context from the settings.
   *
   * @return the context
   * @throws MojoExecutionException when an entry is not a valid name or {@code NAMESPACE/NAME}
   */
  ValidationContext context() throws MojoExecutionException {
    ValidationContext.Builder b = ValidationContext.builder();
    for (String ns : namespaces) {
      b.existingNamespace(check(Kind.NAMESPACES, ns)[0]);
    }
    for (String s : secrets) {
      String[] parts = check(Kind.SECRETS, s);
      b.existingSecret(parts[0], parts[1]);
    }
    for (String c : configMaps) {
      String[] parts = check(Kind.CONFIG_MAPS, c);
      b.existingConfigMap(parts[0], parts[1]);
    }
    return b.build();
  }

  /**
   * The command line's options for the settings, checked first.
   *
   * @return {@code --existing-...=VALUE} arguments, in the order of the settings
   * @throws MojoExecutionException when an entry is not a valid name or {@code NAMESPACE/NAME}
   */
  List<String> arguments() throws MojoExecutionException {
    List<String> args = new ArrayList<>();
    add(args, Kind.NAMESPACES, namespaces);
    add(args, Kind.SECRETS, secrets);
    add(args, Kind.CONFIG_MAPS, configMaps);
    return args;
  }

  private static void add(List<String> args, Kind kind, List<String> entries)
      throws MojoExecutionException {
    for (String e : entries) {
      args.add(kind.option + "=" + String.join("/", check(kind, e)));
    }
  }

  /** The entry's namespace (and name), or an error naming the setting, the entry and the rule. */
  private static String[] check(Kind kind, String entry) throws MojoExecutionException {
    String s = entry == null ? "" : entry.strip();
    if (!kind.qualified) {
      return new String[] {name(kind, entry, s, KubernetesNames.dns1123Label(s))};
    }
    int slash = s.indexOf('/');
    if (slash <= 0 || slash == s.length() - 1 || s.indexOf('/', slash + 1) >= 0) {
      throw new MojoExecutionException(
          "<"
              + kind.setting
              + "> entry '"
              + entry
              + "': expected NAMESPACE/NAME, for example salt-lab/registry-pull");
    }
    String ns = s.substring(0, slash);
    String name = s.substring(slash + 1);
    return new String[] {
      name(kind, entry, ns, KubernetesNames.dns1123Label(ns)),
      name(kind, entry, name, KubernetesNames.dns1123Subdomain(name))
    };
  }

  private static String name(Kind kind, String entry, String part, String why)
      throws MojoExecutionException {
    if (why != null) {
      throw new MojoExecutionException(
          "<" + kind.setting + "> entry '" + entry + "': '" + part + "' is " + why);
    }
    return part;
  }
}
