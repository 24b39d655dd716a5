package io.saltlab.cli;

import io.saltlab.cli.internal.args.Converter;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.OptionGroup;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesNames;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.validate.ValidationReport;
import java.io.PrintWriter;

/**
 * {@code --existing-secret NS/NAME}, {@code --existing-configmap NS/NAME} and {@code
 * --existing-namespace NS} (each repeatable), shared by validate, render and check: what the
 * cluster already holds, so that references to it are not reported as missing.
 */
final class ExistingOptions {

  private ExistingOptions() {}

  /** A namespace and a name, as {@code NS/NAME}. */
  record Ref(String namespace, String name) {}

  /** {@code NS/NAME}: a DNS-1123 label, a slash, a DNS-1123 subdomain. */
  static final Converter<Ref> REF =
      text -> {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
          throw new IllegalArgumentException(
              "expected NAMESPACE/NAME, for example lab/registry-pull, not " + text);
        }
        String ns = namespace(text.substring(0, slash));
        String name = text.substring(slash + 1);
        String why = KubernetesNames.dns1123Subdomain(name);
        if (why != null) {
          throw new IllegalArgumentException("name '" + name + "' is " + why);
        }
        return new Ref(ns, name);
      };

  /** A namespace name: a DNS-1123 label. */
  static final Converter<String> NAMESPACE = ExistingOptions::namespace;

  private static String namespace(String text) {
    String why = KubernetesNames.dns1123Label(text);
    if (why != null) {
      throw new IllegalArgumentException("namespace '" + text + "' is " + why);
    }
    return text;
  }

  /** The three options. */
  static final OptionGroup OPTIONS = new OptionGroup();

  static final Option<Ref> SECRET =
      OPTIONS.add(
          Option.value(
                  "NS/NAME",
                  REF,
                  "A Secret the cluster already has (for example an image pull Secret made with"
                      + " kubectl); references to it are not reported. Repeatable.",
                  "--existing-secret")
              .repeatable());

  static final Option<Ref> CONFIG_MAP =
      OPTIONS.add(
          Option.value(
                  "NS/NAME",
                  REF,
                  "A ConfigMap the cluster already has. Repeatable.",
                  "--existing-configmap")
              .repeatable());

  static final Option<String> NAMESPACE_OPTION =
      OPTIONS.add(
          Option.value(
                  "NS",
                  NAMESPACE,
                  "A namespace the cluster already has (default, kube-system, kube-public and"
                      + " kube-node-lease always count). Repeatable.",
                  "--existing-namespace")
              .repeatable());

  /**
   * The declarations given on the command line.
   *
   * @param args the parsed command line
   * @return the context, empty when none is given
   */
  static ValidationContext context(ParsedArgs args) {
    ValidationContext.Builder b = ValidationContext.builder();
    args.all(SECRET).forEach(r -> b.existingSecret(r.namespace(), r.name()));
    args.all(CONFIG_MAP).forEach(r -> b.existingConfigMap(r.namespace(), r.name()));
    args.all(NAMESPACE_OPTION).forEach(b::existingNamespace);
    return b.build();
  }

  /** Prints a render's warnings, one {@code warning:} line each, on the error stream. */
  static void printWarnings(ValidationReport report, PrintWriter err) {
    report.warnings().forEach(p -> err.println(p));
    err.flush();
  }
}
