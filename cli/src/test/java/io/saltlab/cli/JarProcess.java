package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code saltlab.jar} as users do, in its own JVM with a small heap ({@code -Xmx128m}), and
 * captures what it printed. For the *IT tests that attack the jar, and ({@link #runClasspath}) for
 * unit tests that need a process of their own (its environment).
 */
final class JarProcess {
  /** Every run ends within this, or the test fails: nothing may hang. */
  static final long LIMIT_SECONDS = 60;

  private JarProcess() {}

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {
    /** Both streams. */
    String all() {
      return out + err;
    }

    /** Fails unless this is the two-line error form: exit 2, first line error:, last hint:. */
    Run assertInputError() {
      assertThat(exit).as("exit code; output:%n%s", all()).isEqualTo(2);
      List<String> lines = err.lines().toList();
      assertThat(lines).as(all()).isNotEmpty();
      assertThat(lines.get(0)).as(all()).startsWith("error: ");
      assertThat(lines.get(lines.size() - 1)).as(all()).startsWith("hint: ");
      assertNoTrace();
      return this;
    }

    /** Fails on a stack trace, an out-of-memory trace or an exit code other than 0, 1, 2. */
    Run assertNoTrace() {
      assertThat(exit).as(all()).isBetween(0, 2);
      assertThat(all())
          .doesNotContain("\tat ", "Exception in thread", "OutOfMemoryError", "StackOverflowError");
      return this;
    }
  }

  /** The jar and this module's test classes, as a class path for a child JVM. */
  static String jarAndTestClasses() {
    return jar()
        + File.pathSeparator
        + Path.of(System.getProperty("saltlab.testClasses", "target/test-classes"))
            .toAbsolutePath();
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("saltlab.jar", "target/saltlab.jar")).toAbsolutePath();
    assertThat(jar).as("run 'mvn package' first").exists();
    return jar;
  }

  /**
   * Runs the jar.
   *
   * @param dir working folder and where the captured streams are kept
   * @param env variables added to a clean environment (PATH and HOME are kept)
   * @param jvm extra JVM options
   * @param args the command line
   */
  static Run run(Path dir, Map<String, String> env, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return start(dir, env, command);
  }

  /**
   * Runs the command line from this test's classpath in its own JVM, as {@link #run} runs the jar:
   * for a LabProvider that reads the process's environment, in a unit test (no jar needed).
   *
   * @param dir working folder and where the captured streams are kept
   * @param env variables added to a clean environment (PATH and HOME are kept)
   * @param args the command line
   */
  static Run runClasspath(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return start(dir, env, command);
  }

  /** Runs any command (a shell wrapping the jar, for umask or locale) the same way. */
  static Run start(Path dir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    return start(dir, env, command, LIMIT_SECONDS);
  }

  /** Runs any command with its own time limit. */
  static Run start(Path dir, Map<String, String> env, List<String> command, long limitSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out-", ".txt");
    Path err = Files.createTempFile(dir, "err-", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = pb.environment();
    String path = environment.get("PATH");
    String home = environment.get("HOME");
    environment.clear();
    if (path != null) {
      environment.put("PATH", path);
    }
    if (home != null) {
      environment.put("HOME", home);
    }
    environment.putAll(env);
    Process p = pb.start();
    boolean ended = p.waitFor(limitSeconds, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
      p.waitFor();
    }
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    assertThat(ended).as("%s ended within %d s; %s", command, limitSeconds, run.all()).isTrue();
    return run;
  }
}
