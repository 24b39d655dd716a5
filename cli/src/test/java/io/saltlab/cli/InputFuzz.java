package io.saltlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generated hostile input for the command line, run in the JVM it is started in (the fuzz *IT tests
 * start it with {@code -Xmx128m} on {@code saltlab.jar}'s classes). Two generators, each from a
 * fixed seed:
 *
 * <ul>
 *   <li>{@code specs}: the seed lab's spec file with 1-4 random mutations (hostile scalars,
 *       deleted, duplicated, re-indented or truncated lines, stray keys and bytes, secret files
 *       that are FIFOs, devices, kernel files, links or several lines), each given to {@code
 *       render}.
 *   <li>{@code yaml}: random YAML documents (mappings, lists, scalars of every awkward kind,
 *       Secrets in many spellings holding canary values, anchors, tags, broken syntax), each given
 *       to {@code validate}, and committed in place of the pull Secret for {@code check}.
 * </ul>
 *
 * Every run must end with exit 0, 1 or 2 (2 in the error/hint form), with no stack trace and no
 * canary value in its output. Prints one summary line, {@code fuzz MODE: cases=N ... failures=F},
 * and the first failures.
 */
public final class InputFuzz {
  static final String PASSWORD = "fuzz-password-canary-a1b2";
  static final String TOKEN = "fuzz-token-canary-0123456789";
  static final String CI = "fuzz-ci-canary-3c4d";
  static final String DATA_CANARY = "ZnV6ei1kYXRhLWNhbmFyeQ";

  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD", PASSWORD,
          "SALTLAB_AUTOSIGN_TOKEN", TOKEN,
          "CI_JOB_TOKEN", CI);

  private static final String[] HOSTILE =
      new String[] {
        "",
        "~",
        "null",
        "yes",
        "no",
        "on",
        "1e400",
        "-1",
        "0",
        "99999999999999999999999",
        "0x1F",
        "012",
        "2001-12-14",
        "\"\\0\"",
        "\"a\\nb\"",
        "\"\\x1b[31m\"",
        "!!python/object:os.system x",
        "!shell ls",
        "*undefined",
        "&a x",
        "{",
        "[",
        "}",
        "]",
        "{a: [b, {c: d}]}",
        "'",
        "\"",
        "${HOME}",
        "$(id)",
        "`id`",
        "../../../../etc/passwd",
        "/dev/zero",
        "/proc/self/environ",
        "/etc/shadow",
        "caf\u00e9",
        "\u202egnp.exe",
        "\u00a0",
        "\t",
        "- - -",
        ": :",
        "? x",
        "a".repeat(10_000),
        "[".repeat(200),
        "&x [*x]",
        "!!binary AAAA",
        "!!int x",
        "!!float y",
        "\"\\uD800\"",
        "CI_JOB_TOKEN",
        "fifo",
        "link",
        "two-lines",
        "SALTLAB_AUTOSIGN_TOKEN"
      };

  /** The case being run, kept beside a failure so that it can be looked at. */
  private static String currentCase = "";

  private static Path scratch;

  private InputFuzz() {}

  /**
   * Runs one generator.
   *
   * @param args {@code MODE SEED CASES DIR}: {@code specs} or {@code yaml}, the seed, how many
   *     cases, a scratch folder (with the seed spec at {@code DIR/seed.yaml})
   * @throws Exception when the scratch folder cannot be used
   */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    long seed = Long.parseLong(args[1]);
    int cases = Integer.parseInt(args[2]);
    Path dir = Path.of(args[3]);
    scratch = dir;
    Random random = new Random(seed);
    Stats stats = new Stats();
    String seedSpec = Files.readString(dir.resolve("seed.yaml"));
    prepareFiles(dir);
    if (mode.equals("yaml")) {
      int exit =
          run(
              stats,
              "render",
              "--lab",
              dir.resolve("seed.yaml").toString(),
              "-o",
              dir.resolve("committed").toString());
      if (exit != 0) {
        throw new IllegalStateException("seed render failed");
      }
    }
    for (int i = 0; i < cases; i++) {
      if (mode.equals("specs")) {
        Path spec = dir.resolve("case.yaml");
        currentCase = mutate(seedSpec, random);
        Files.writeString(spec, currentCase, StandardCharsets.UTF_8);
        run(stats, "render", "--lab", spec.toString(), "-o", dir.resolve("out").toString());
      } else {
        String doc = yaml(random);
        currentCase = doc;
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, doc, StandardCharsets.UTF_8);
        run(stats, "validate", file.toString());
        Path committed = dir.resolve("committed/1.36/secret-registry-pull.yaml");
        Files.writeString(committed, doc, StandardCharsets.UTF_8);
        run(
            stats,
            "check",
            "--lab",
            dir.resolve("seed.yaml").toString(),
            "-o",
            dir.resolve("committed").toString());
      }
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "fuzz %s: seed=%d cases=%d runs=%d exit0=%d exit1=%d exit2=%d failures=%d",
            mode,
            seed,
            cases,
            stats.runs,
            stats.exits[0],
            stats.exits[1],
            stats.exits[2],
            stats.failures.size()));
    for (String f : stats.failures.subList(0, Math.min(5, stats.failures.size()))) {
      System.out.println("failure: " + f);
    }
  }

  /** Counts and the first failures. */
  private static final class Stats {
    int runs;
    final int[] exits = new int[3];
    final List<String> failures = new ArrayList<>();
  }

  private static int run(Stats stats, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit;
    try {
      exit = SaltlabCli.run(args, ENV, new PrintWriter(out), new PrintWriter(err));
    } catch (RuntimeException | Error e) {
      stats.failures.add(String.join(" ", args) + ": threw " + e);
      return -1;
    }
    stats.runs++;
    String all = out + "\n" + err;
    String problem = null;
    if (exit < 0 || exit > 2) {
      problem = "exit " + exit;
    } else if (all.contains(PASSWORD)
        || all.contains(TOKEN)
        || all.contains(CI)
        || all.contains(DATA_CANARY)
        || all.contains("root:x:0")
        || all.contains("PATH=")) {
      problem = "printed a canary value";
    } else if (all.contains("\tat ") || all.contains("Exception in thread")) {
      problem = "printed a stack trace";
    } else if (exit == 2) {
      List<String> lines = err.toString().lines().toList();
      if (lines.isEmpty()
          || !lines.get(0).startsWith("error: ")
          || !lines.get(lines.size() - 1).startsWith("hint: ")) {
        problem = "exit 2 without error/hint lines";
      }
    } else if (all.chars().anyMatch(c -> c == 0x1b || c == 0x07)) {
      problem = "printed a raw control character";
    }
    if (problem != null) {
      stats.failures.add(String.join(" ", args) + ": " + problem + ": " + firstLines(all));
      try {
        Files.writeString(
            scratch.resolve("failure-" + stats.failures.size() + ".yaml"),
            currentCase,
            StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        // The failure is counted either way.
      }
    } else {
      stats.exits[exit]++;
    }
    return exit;
  }

  private static String firstLines(String s) {
    return s.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
  }

  /** The files a mutated spec may point its secrets at. */
  private static void prepareFiles(Path dir) throws Exception {
    Files.deleteIfExists(dir.resolve("fifo"));
    new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor();
    Files.deleteIfExists(dir.resolve("link"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/passwd"));
    Files.writeString(dir.resolve("two-lines"), "first\nsecond\n");
  }

  private static String mutate(String spec, Random r) {
    List<String> lines = new ArrayList<>(spec.lines().toList());
    int mutations = 1 + r.nextInt(4);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int at = r.nextInt(lines.size());
      String line = lines.get(at);
      switch (r.nextInt(9)) {
        case 0, 1, 2 -> { // a hostile value for a key
          int colon = line.indexOf(": ");
          String key = colon > 0 ? line.substring(0, colon + 2) : line + ": ";
          lines.set(at, key + pick(r, HOSTILE));
        }
        case 3 -> lines.remove(at);
        case 4 -> lines.add(at, line);
        case 5 -> lines.set(at, " ".repeat(r.nextInt(6)) + line.strip());
        case 6 ->
            lines.add(
                at,
                " ".repeat(2 * r.nextInt(3))
                    + pick(
                        r,
                        "passwordFile",
                        "passwordEnv",
                        "autosignTokenFile",
                        "autosignTokenEnv",
                        "existingSecret",
                        "bogus",
                        "roles",
                        "<<")
                    + ": "
                    + pick(r, HOSTILE));
        case 7 -> lines.set(at, line.substring(0, r.nextInt(line.length() + 1)));
        default -> {
          StringBuilder b = new StringBuilder(line);
          b.insert(r.nextInt(line.length() + 1), (char) (r.nextInt(0x2100) + 1));
          lines.set(at, b.toString());
        }
      }
    }
    return String.join("\n", lines) + (r.nextBoolean() ? "\n" : "");
  }

  private static String yaml(Random r) {
    StringBuilder out = new StringBuilder();
    int docs = 1 + r.nextInt(3);
    for (int d = 0; d < docs; d++) {
      if (d > 0 || r.nextBoolean()) {
        out.append("---\n");
      }
      switch (r.nextInt(4)) {
        case 0 -> out.append(secretDoc(r));
        case 1 -> out.append(value(r, 0, "")).append('\n');
        default -> {
          out.append("apiVersion: ").append(pick(r, "v1", "apps/v1", "x", "1")).append('\n');
          out.append("kind: ")
              .append(
                  pick(
                      r,
                      "ConfigMap",
                      "Deployment",
                      "Service",
                      "List",
                      "Secret",
                      "secret",
                      "\"Secret\""))
              .append('\n');
          out.append("metadata:\n  name: ")
              .append(pick(r, "a", "Bad_Name", "x".repeat(300), ""))
              .append('\n');
          for (int k = 0; k < r.nextInt(4); k++) {
            out.append(pick(r, "data", "spec", "immutable", "type", "stringData", "items"))
                .append(": ")
                .append(value(r, 1, "  "))
                .append('\n');
          }
        }
      }
    }
    String text = out.toString();
    if (r.nextInt(10) == 0) {
      text = text.substring(0, r.nextInt(text.length() + 1));
    }
    return text;
  }

  private static String secretDoc(Random r) {
    String kind = pick(r, "Secret", "\"Secret\"", "!!str Secret", "\"\\x53ecret\"", "'Secret'");
    String data = pick(r, "data", "stringData", "\"data\"", "Data");
    return switch (r.nextInt(4)) {
      case 0 -> "kind: " + kind + "\n" + data + ":\n  k: " + DATA_CANARY + r.nextInt(99) + "\n";
      case 1 -> "{\"kind\": \"Secret\", \"data\": {\"k\": \"" + DATA_CANARY + "\"}}\n";
      case 2 -> "a: &v " + DATA_CANARY + "\nkind: " + kind + "\n" + data + ": {k: *v}\n";
      default -> "kind: " + kind + "\n" + data + ":\n  k: |\n    " + DATA_CANARY + "\n    more\n";
    };
  }

  private static String value(Random r, int depth, String indent) {
    if (depth > 3) {
      return pick(r, HOSTILE);
    }
    return switch (r.nextInt(5)) {
      case 0 -> "{" + "a: " + value(r, depth + 1, indent) + ", b: " + pick(r, HOSTILE) + "}";
      case 1 -> "[" + pick(r, HOSTILE) + ", " + value(r, depth + 1, indent) + "]";
      case 2 -> "\n" + indent + "  x: " + value(r, depth + 1, indent + "  ");
      default -> pick(r, HOSTILE);
    };
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
