package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded {@code saltlab.jar} as a separate process, the way users and CI run it: only the
 * jar on the classpath, real exit codes, real streams.
 */
class JarIT {
  private static final String SEED_PASSWORD = "example-password-not-a-secret";

  private static Path jar;
  private static Path seedSpec;

  @TempDir Path dir;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("saltlab.jar", "target/saltlab.jar")).toAbsolutePath();
    seedSpec =
        Path.of(System.getProperty("saltlab.seedSpec", "../examples/seed-lab.yaml"))
            .toAbsolutePath();
    assertThat(jar).as("run 'mvn package' first").exists();
  }

  /** One process run. */
  record Run(int exit, String out, String err) {}

  private Run saltlab(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("SALTLAB_REGISTRY_PASSWORD");
    pb.environment().remove("SALTLAB_AUTOSIGN_TOKEN");
    pb.environment().putAll(env);
    Path out = dir.resolve(".stdout");
    Path err = dir.resolve(".stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS))
        .as("saltlab %s finished in time", List.of(args))
        .isTrue();
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  private Run saltlab(String... args) throws IOException, InterruptedException {
    return saltlab(Map.of(), args);
  }

  @Test
  void jarHasAMainClassAndNoAnnotationProcessorRegistrationOrSignatures() throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.saltlab.cli.Main");
      assertThat(j.getEntry("META-INF/services/javax.annotation.processing.Processor")).isNull();
      assertThat(
              j.stream()
                  .map(e -> e.getName())
                  .filter(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")))
          .isEmpty();
    }
  }

  @Test
  void renderThenCheckIsCleanThenDriftIsReported() throws Exception {
    Run render = saltlab("render", "--target", "1.6", "--target", "1.36");
    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(dir.resolve("manifests/1.6/kustomization.yaml")).exists();
    assertThat(dir.resolve("manifests/1.36/topology.md")).exists();

    Run clean = saltlab("check", "-t", "1.6", "-t", "1.36");
    assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();

    Path deployment = dir.resolve("manifests/1.36/statefulset-zookeeper.yaml");
    Files.writeString(
        deployment, Files.readString(deployment).replace("replicas: 1", "replicas: 3"));
    Run drift = saltlab("check", "-t", "1.36");
    assertThat(drift.exit()).isEqualTo(1);
    assertThat(drift.out())
        .contains("-  replicas: 3", "+  replicas: 1", "1 changed, 0 missing, 0 extra")
        .doesNotContain(SEED_PASSWORD);
    assertThat(Files.readString(deployment)).contains("replicas: 3");
  }

  @Test
  void renderingTheSpecFileGivesTheSeedLabsBytes() throws Exception {
    Run spec =
        saltlab(
            Map.of(
                "SALTLAB_REGISTRY_PASSWORD",
                SEED_PASSWORD,
                "SALTLAB_AUTOSIGN_TOKEN",
                "example-token-not-a-secret"),
            "render",
            "--lab",
            seedSpec.toString(),
            "--out",
            "from-spec");
    assertThat(spec.exit()).as(spec.err()).isZero();
    Run builtIn = saltlab("render", "--out", "built-in");
    assertThat(builtIn.exit()).as(builtIn.err()).isZero();
    Path fromSpec = dir.resolve("from-spec/1.36");
    Path seed = dir.resolve("built-in/1.36");
    // Every file, cluster/ included: the jar reads the spec's cluster: section too.
    List<Path> specFiles = new ArrayList<>();
    List<Path> seedFiles = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.walk(fromSpec);
        java.util.stream.Stream<Path> seeds = Files.walk(seed)) {
      files.filter(Files::isRegularFile).map(fromSpec::relativize).forEach(specFiles::add);
      seeds.filter(Files::isRegularFile).map(seed::relativize).forEach(seedFiles::add);
    }
    assertThat(specFiles).containsExactlyInAnyOrderElementsOf(seedFiles);
    assertThat(specFiles).contains(Path.of("cluster", "Vagrantfile"));
    for (Path f : specFiles) {
      assertThat(fromSpec.resolve(f)).as(f.toString()).hasSameBinaryContentAs(seed.resolve(f));
    }
  }

  @Test
  void twoRendersIntoOneFolderAtOnceRunOneAfterTheOther() throws Exception {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  jar.toString(),
                  "render",
                  "-t",
                  "1.6",
                  "-t",
                  "1.9",
                  "-t",
                  "1.36")
              .directory(dir.toFile())
              .redirectOutput(dir.resolve(".out" + i).toFile())
              .redirectError(dir.resolve(".err" + i).toFile());
      processes.add(pb.start());
    }
    for (Process p : processes) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    String outputs =
        Files.readString(dir.resolve(".out0")) + Files.readString(dir.resolve(".out1"));
    String errors = Files.readString(dir.resolve(".err0")) + Files.readString(dir.resolve(".err1"));
    assertThat(outputs).contains("1.36: wrote 44");
    if (processes.get(0).exitValue() == 0 && processes.get(1).exitValue() == 0) {
      // The second waited for the first's lock, then found the result up to date.
      assertThat(outputs).contains("1.36: up to date (44 files)");
    } else {
      // A loaded machine can keep the first past the ten seconds the second waits: it then gives
      // up cleanly, naming the lock, and writes nothing.
      assertThat(processes.get(0).exitValue() + processes.get(1).exitValue()).isEqualTo(2);
      assertThat(errors).contains("another saltlab is writing");
    }
    assertThat(saltlab("check", "-t", "1.6", "-t", "1.9", "-t", "1.36").exit()).isZero();
  }

  @Test
  void diffReportsApiChangesWithoutSecretValues() throws Exception {
    Run r = saltlab("diff", "--from", "1.8", "--to", "1.9");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "~ apiVersion: apps/v1beta2 -> apps/v1",
            "~ type: kubernetes.io/dockercfg -> kubernetes.io/dockerconfigjson",
            "- data[\".dockercfg\"]: <hidden>",
            "+ data[\".dockerconfigjson\"]: <hidden>")
        .doesNotContain(SEED_PASSWORD, "eyJ");
  }

  @Test
  void validateAcceptsWhatRenderWroteAndReportsAnEditedFile() throws Exception {
    saltlab("render");
    Run clean = saltlab("validate", "--target", "1.36", "manifests/1.36");
    assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
    Path master = dir.resolve("manifests/1.36/deployment-salt-master.yaml");
    Files.writeString(master, Files.readString(master).replace("hostPath:", "hostpath:"));
    Run broken = saltlab("validate", "--target", "1.36", "manifests/1.36");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out()).contains("hostpath").contains("deployment-salt-master.yaml");
  }

  @Test
  void versionsListsEveryTarget() throws Exception {
    Run r = saltlab("versions");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("Targets 1.5-1.36 (default 1.36)")
        .containsPattern("(?m)^1\\.5 +extensions/v1beta1")
        .containsPattern("(?m)^1\\.36 +apps/v1");
    assertThat(r.out().lines().filter(l -> l.matches("1\\.\\d+ .*"))).hasSize(32);
  }

  @Test
  void badArgumentsAreOneLineErrorsWithExitCode2() throws Exception {
    for (String[] args :
        List.of(
            new String[] {"render", "--target", "1.99"},
            new String[] {"render", "--frobnicate"},
            new String[] {"rendr"},
            new String[] {"diff", "--from", "1.8"},
            new String[] {"check", "--lab", "no-such-file.yaml"},
            new String[] {"validate"})) {
      Run r = saltlab(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      List<String> lines = r.err().lines().toList();
      assertThat(lines).as(r.err()).hasSizeBetween(2, 3);
      assertThat(lines.get(0)).startsWith("error: ");
      assertThat(lines.get(lines.size() - 1)).startsWith("hint: ");
      assertThat(r.err()).doesNotContain("\tat ", "Exception in thread");
    }
  }

  @Test
  void helpOfEveryCommandDocumentsExitCodes() throws Exception {
    for (String command : List.of("render", "check", "diff", "validate", "versions")) {
      Run r = saltlab(command, "--help");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).as(command).contains("Usage: saltlab " + command, "Exit codes:", "0 ");
    }
  }

  @Test
  void kubectlKustomizeAcceptsTheRenderedFolder() throws Exception {
    Path kubectl = onPath("kubectl");
    assumeTrue(kubectl != null, "kubectl is not on PATH; skipping the kustomize check");
    assertThat(saltlab("render", "--target", "1.36").exit()).isZero();
    Process p =
        new ProcessBuilder(
                kubectl.toString(), "kustomize", dir.resolve("manifests/1.36").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("kind: Deployment", "name: salt-master", "kind: Secret");
  }

  private static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(d, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    System.out.println("kubectl not found on PATH (" + path + ")");
    return null;
  }
}
