package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of heap is an error like any other: exit 2, one error line, one hint line. */
class OutOfMemoryIT {

  @TempDir Path dir;

  @Test
  void aLabTooLargeForTheHeapIsAnErrorWithTheLimitAndTheWayOut() throws Exception {
    Path spec = dir.resolve("big.yaml");
    StringBuilder yaml =
        new StringBuilder(
            String.join(
                "\n",
                "name: big-lab",
                "registry:",
                "  server: registry.example.com",
                "  username: user",
                "  passwordEnv: BIG_PASSWORD",
                "master:",
                "  image: registry.example.com/salt/master:3006.9",
                "  hostRoot: /srv/salt",
                "  node: node0",
                "autosignTokenEnv: BIG_TOKEN",
                "minionImage: registry.example.com/salt/minion:3006.9",
                "roles:",
                ""));
    // 20,000 roles need about 100 MB of heap (HEAP_BYTES_PER_ROLE), more than the 48 MB given;
    // the spec stays under the 1 MB limit.
    for (int i = 0; i < 20_000; i++) {
      yaml.append("  - {name: r").append(i).append(", identity: FIXED}\n");
    }
    Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    Path jar = Path.of(System.getProperty("saltlab.jar", "target/saltlab.jar")).toAbsolutePath();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m",
                "-jar",
                jar.toString(),
                "render",
                "--lab",
                spec.toString(),
                "--layout",
                "stream",
                "-o",
                dir.resolve("out").toString()));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("BIG_PASSWORD", "pass");
    pb.environment().put("BIG_TOKEN", "big-token-not-a-secret");
    Path err = dir.resolve("err.txt");
    pb.redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isEqualTo(ExitCodes.INPUT);
    assertThat(text.lines().toList())
        .as(text)
        .hasSize(2)
        .satisfies(
            l ->
                assertThat(l.get(0))
                    .startsWith("error: out of memory: the lab does not fit in the ")
                    .contains(" MB of heap this JVM may use (a lab of about "))
        .satisfies(
            l -> assertThat(l.get(1)).startsWith("hint: give it more heap: java -Xmx512m -jar"));
    assertThat(text).doesNotContain("\tat ", "Exception in thread", "OutOfMemoryError");
    assertThat(dir.resolve("out/1.36")).doesNotExist();
  }

  /** validate holds a run's documents at once: too many for the heap say so, not "the lab". */
  @Test
  void manifestsTooLargeForTheHeapAreAnErrorSayingToValidateFewer() throws Exception {
    List<String> files = new ArrayList<>(List.of("validate"));
    for (int f = 0; f < 3; f++) {
      StringBuilder yaml =
          new StringBuilder(
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + f + "}\ndata:\n");
      // Within the 8 MiB per file and 64 MiB per run limits; far more than 48 MB of heap holds.
      for (int i = 0; yaml.length() < 7 << 20; i++) {
        yaml.append("  k").append(i).append(": ").append("v".repeat(60)).append('\n');
      }
      files.add(Files.writeString(dir.resolve("c" + f + ".yaml"), yaml).toString());
    }
    JarProcess.Run r =
        JarProcess.run(dir, java.util.Map.of(), List.of("-Xmx48m"), files.toArray(String[]::new))
            .assertNoTrace();
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INPUT);
    assertThat(r.err().lines().toList())
        .as(r.all())
        .hasSize(2)
        .satisfies(
            l ->
                assertThat(l.get(0))
                    .startsWith("error: out of memory: the manifests of this run do not fit in"))
        .satisfies(l -> assertThat(l.get(1)).startsWith("hint: validate fewer files per run"));
  }

  @Test
  void theMessageNamesTheLimitTheLabThatFitsAndTheLaunchersOption() {
    StringWriter text = new StringWriter();
    String before = System.getProperty("saltlab.launcher");
    System.setProperty("saltlab.launcher", "true");
    try {
      SaltlabCli.outOfMemory(new PrintWriter(text), 256L * 1024 * 1024);
    } finally {
      if (before == null) {
        System.clearProperty("saltlab.launcher");
      } else {
        System.setProperty("saltlab.launcher", before);
      }
    }
    assertThat(text.toString())
        .isEqualTo(
            "error: out of memory: the lab does not fit in the 256 MB of heap this JVM may use"
                + " (a lab of about "
                + String.format(
                    java.util.Locale.ROOT,
                    "%,d",
                    256L * 1024 * 1024 / SaltlabCli.HEAP_BYTES_PER_ROLE / 100 * 100)
                + " roles fits)\n"
                + "hint: give it more heap: SALTLAB_JAVA_OPTS=-Xmx512m bin/saltlab ...; --layout"
                + " stream needs less than files\n");
  }
}
