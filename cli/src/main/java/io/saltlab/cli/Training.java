package io.saltlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of {@code bin/saltlab}: runs every command once, in one JVM, on the built-in
 * seed lab and on a small spec file, so that the class-data archive (JDK 17-24) or AOT cache (JDK
 * 25+) the launcher makes from this run holds the classes any command needs. Not a command users
 * type: the launcher starts it as {@code java -cp saltlab.jar io.saltlab.cli.Training DIR}, after a
 * user's run has finished, and throws {@code DIR} away afterwards.
 */
final class Training {

  /** A spec file in the format of {@code examples/seed-lab.yaml}, to train the spec reader. */
  private static final String SPEC =
      String.join(
          "\n",
          "name: training-lab",
          "registry:",
          "  server: registry.example.com:5000",
          "  username: lab",
          "  passwordEnv: TRAINING_PASSWORD",
          "master:",
          "  image: registry.example.com:5000/salt/master:3006.9",
          "  hostRoot: /srv/salt",
          "  node: node0",
          "autosignTokenEnv: TRAINING_TOKEN",
          "minionImage: registry.example.com:5000/salt/minion:3006.9",
          "roles:",
          "  - name: web",
          "    identity: FIXED",
          "    ports: [{name: http, port: 8080}]",
          "    env: {APP: web}",
          "  - name: db",
          "    ports: [{name: sql, port: 5432}]",
          "");

  private static final Map<String, String> ENVIRONMENT =
      Map.of("TRAINING_PASSWORD", "training-password", "TRAINING_TOKEN", "training-token-0123");

  private Training() {}

  /**
   * Runs the training in a folder, which it fills with throw-away output and empties again.
   *
   * @param args one argument: the folder to work in (created if missing)
   * @throws IOException when the folder cannot be used
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp saltlab.jar io.saltlab.cli.Training DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    Path spec = dir.resolve("lab.yaml");
    Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
    String out = dir.resolve("out").toString();
    String stream = dir.resolve("stream").toString();
    String fromSpec = dir.resolve("spec").toString();
    List<String[]> lines =
        List.of(
            new String[] {"render", "--out", out},
            new String[] {"render", "--out", out},
            new String[] {"check", "--out", out},
            new String[] {"render", "-t", "1.6", "-t", "1.36", "--layout", "stream", "-o", stream},
            new String[] {"check", "-t", "1.6", "--layout=stream", "-o", stream},
            new String[] {"render", "--lab", spec.toString(), "--out", fromSpec},
            new String[] {"validate", "-t", "1.36", out + "/1.36"},
            new String[] {"diff", "--from", "1.8", "--to", "1.36"},
            new String[] {"versions"},
            new String[] {"render", "--help"},
            new String[] {"render", "--targt", "1.36"});
    // The entry point of every real run, which the commands below do not go through.
    Main.class.getName();
    int failures = 0;
    PrintWriter sink = new PrintWriter(Writer.nullWriter());
    try {
      for (String[] line : lines) {
        int code = SaltlabCli.run(line, ENVIRONMENT, sink, sink);
        boolean expectedError = List.of(line).contains("--targt");
        if ((code != 0) != expectedError) {
          failures++;
        }
      }
    } finally {
      delete(dir);
    }
    // A training that did not run the commands as it should makes a poor archive: say so, so that
    // the launcher does not keep it.
    System.exit(failures == 0 ? 0 : 1);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
