package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Entry point of {@code saltlab.jar}: {@code java -jar saltlab.jar <command> [options]}. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    prepare(args);
    // UTF-8 whatever the platform default, so that output is the same everywhere.
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(SaltlabCli.run(args, System.getenv(), out, err));
  }

  /** Commands that render or validate, and so need a target's schema. */
  private static final Set<String> RENDERING_COMMANDS =
      Set.of("render", "check", "diff", "validate");

  /**
   * Starts loading the schemas of the targets named on the command line on background threads,
   * before the arguments are parsed and the lab is read, so that a small render does not wait for
   * them. The scan is deliberately loose: a value it cannot read is left for the real parser to
   * report.
   */
  private static void prepare(String[] args) {
    if (args.length == 0 || !RENDERING_COMMANDS.contains(args[0])) {
      return;
    }
    List<KubernetesVersion> targets = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String value = null;
      String arg = args[i];
      if (List.of("-t", "--target", "--from", "--to").contains(arg) && i + 1 < args.length) {
        value = args[i + 1];
      } else if (arg.startsWith("--target=")) {
        value = arg.substring("--target=".length());
      }
      if (value != null) {
        try {
          targets.add(KubernetesVersion.of(value));
        } catch (IllegalArgumentException e) {
          // Reported with its hint once picocli parses the same argument.
        }
      }
    }
    if (targets.isEmpty()) {
      targets.add(KubernetesVersion.DEFAULT);
    }
    targets.forEach(ManifestValidator::preload);
  }
}
