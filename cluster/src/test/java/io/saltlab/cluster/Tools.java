package io.saltlab.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tools the cluster tests check files with (shellcheck, ruby, vagrant, bash). A
 * missing tool skips the test with its reason printed; {@code .ci/install-tools.sh} installs them,
 * so in CI nothing is skipped.
 */
final class Tools {
  private Tools() {}

  /** What a tool printed (stdout and stderr together) and its exit code. */
  record Result(int exit, String output) {}

  /** Skips the test, printing why, when a tool is not on the PATH. */
  static void require(String tool, String what) {
    String reason = tool + " is not installed (run .ci/install-tools.sh); skipping " + what;
    if (!onPath(tool)) {
      System.out.println(reason);
    }
    assumeTrue(onPath(tool), reason);
  }

  static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static Result run(Path dir, Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), out);
  }
}
