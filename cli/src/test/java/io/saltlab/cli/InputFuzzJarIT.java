package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated-input fuzzers of {@link InputFuzz}, each {@value #CASES} cases from a fixed seed,
 * run on {@code saltlab.jar}'s classes in a JVM of their own with a 128 MB heap: every case must
 * end with exit 0, 1 or 2 in the documented form, with no trace and no canary value printed.
 */
class InputFuzzJarIT {
  static final int CASES = 1_000;

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"specs, 20261201", "yaml, 20261202"})
  void generatedInputNeverCrashesHangsOrLeaks(String mode, long seed) throws Exception {
    Files.copy(
        Path.of(System.getProperty("saltlab.seedSpec", "../examples/seed-lab.yaml")),
        dir.resolve("seed.yaml"));
    String classpath = JarProcess.jarAndTestClasses();
    JarProcess.Run r =
        JarProcess.start(
            dir,
            Map.of(),
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                InputFuzz.class.getName(),
                mode,
                String.valueOf(seed),
                String.valueOf(CASES),
                dir.toString()),
            600);
    assertThat(r.exit()).as(r.all()).isZero();
    String summary = r.out().lines().filter(l -> l.startsWith("fuzz ")).findFirst().orElseThrow();
    System.out.println(summary + " (saltlab.jar classes, -Xmx128m)");
    assertThat(summary).contains("cases=" + CASES, "failures=0");
    assertThat(r.err()).doesNotContain("\tat ", "OutOfMemoryError");
  }
}
