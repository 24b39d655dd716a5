package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the generated files with the real tools: shellcheck on every script (no finding at any
 * severity) and {@code vagrant validate} on the Vagrantfile, falling back to {@code ruby -c} when
 * vagrant is absent. A missing tool skips the check with its reason; {@code .ci/install-tools.sh}
 * installs them.
 */
class ClusterToolsTest {

  static Stream<Arguments> clusters() {
    return Stream.of(
        Arguments.of("seed-centos7-1.6", ClusterFixtures.seed(), "1.6"),
        Arguments.of("seed-centos7-1.30", ClusterFixtures.seed(), "1.30"),
        Arguments.of("ubuntu-24.04-1.36", ClusterFixtures.current(), "1.36"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void shellcheckFindsNothing(String name, LabCluster cluster, String target, @TempDir Path dir)
      throws Exception {
    requireTool(
        "shellcheck",
        "shellcheck is not installed (run .ci/install-tools.sh); skipping the shellcheck of "
            + name);
    Map<String, String> files = cluster.render(KubernetesVersion.of(target));
    LabCluster.write(files, dir);
    List<String> command =
        new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=style", "--format=gcc"));
    files.keySet().stream().filter(f -> f.endsWith(".sh")).forEach(command::add);
    assertThat(command).hasSizeGreaterThan(4);
    Result r = run(dir, Map.of(), command);
    assertThat(r.output).as("shellcheck output for " + name).isEmpty();
    assertThat(r.exit).as("shellcheck exit code").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clusters")
  void vagrantfileIsValid(String name, LabCluster cluster, String target, @TempDir Path dir)
      throws Exception {
    Map<String, String> files = cluster.render(KubernetesVersion.of(target));
    LabCluster.write(files, dir);
    cluster
        .registryCaFile()
        .ifPresent(ca -> write(dir.resolve(ca), "placeholder CA certificate for validate\n"));
    if (onPath("vagrant")) {
      // VAGRANT_HOME keeps the test away from the user's boxes and plugins; no provider is needed.
      Path home = Files.createDirectories(dir.resolve(".vagrant-home"));
      Result r =
          run(
              dir,
              Map.of(
                  "VAGRANT_HOME",
                  home.toString(),
                  "VAGRANT_CHECKPOINT_DISABLE",
                  "1",
                  "VAGRANT_DEFAULT_PROVIDER",
                  "virtualbox"),
              List.of("vagrant", "validate", "--ignore-provider"));
      assertThat(r.exit).as("vagrant validate for " + name + ":\n" + r.output).isZero();
      assertThat(r.output).contains("Vagrantfile validated successfully");
    } else {
      requireTool(
          "ruby",
          "neither vagrant nor ruby is installed (run .ci/install-tools.sh); skipping the"
              + " Vagrantfile check of "
              + name);
      System.out.println(
          "vagrant is not installed; checking the Vagrantfile of " + name + " with ruby -c only");
      Result r = run(dir, Map.of(), List.of("ruby", "-c", "Vagrantfile"));
      assertThat(r.exit).as("ruby -c for " + name + ":\n" + r.output).isZero();
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Skips the test, printing why, when a tool is not on the PATH. */
  private static void requireTool(String tool, String reason) {
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

  record Result(int exit, String output) {}

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
