package io.saltlab.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the seed lab in other JVM processes (a foreign locale, time zone and encoding, in the JDK
 * running the build and in every other JDK installed beside it) and compares the bytes with the
 * approved golden files.
 *
 * <p>Other JDKs are found, not named: every {@code bin/java} in the folders next to the running
 * JDK's home (on Debian and most Linux layouts, {@code /usr/lib/jvm/*}), plus the homes listed in
 * the {@code SALTLAB_OTHER_JDKS} environment variable (path-separated). The running JDK is always
 * among them, so the test always runs and can always fail; each other JDK found adds cases.
 */
class OtherJdkDeterminismTest {
  private static final Path GOLDEN = Path.of("src/test/resources/io/saltlab/golden");

  static Stream<Arguments> jvms() throws Exception {
    List<Arguments> jvms = new ArrayList<>();
    for (Path home : javaHomes()) {
      for (String target : List.of("1.6", "1.36")) {
        jvms.add(Arguments.of(home.toString(), target));
      }
    }
    return jvms.stream();
  }

  /** The running JDK first, then the other JDKs found, each once (by real path), sorted. */
  static List<Path> javaHomes() throws Exception {
    Path running = Path.of(System.getProperty("java.home")).toRealPath();
    java.util.Set<Path> others = new java.util.TreeSet<>();
    List<Path> candidates = new ArrayList<>();
    Path parent = running.getParent();
    if (parent != null) {
      try (Stream<Path> siblings = Files.list(parent)) {
        siblings.forEach(candidates::add);
      }
    }
    String listed = System.getenv("SALTLAB_OTHER_JDKS");
    if (listed != null) {
      for (String home : listed.split(File.pathSeparator)) {
        if (!home.isBlank()) {
          candidates.add(Path.of(home.trim()));
        }
      }
    }
    for (Path home : candidates) {
      if (Files.isExecutable(home.resolve("bin").resolve("java"))) {
        Path real = home.toRealPath();
        if (!real.equals(running)) {
          others.add(real);
        }
      }
    }
    List<Path> homes = new ArrayList<>();
    homes.add(running);
    homes.addAll(others);
    System.out.println("OtherJdkDeterminismTest: JDKs " + homes);
    return homes;
  }

  @ParameterizedTest(name = "{0} renders {1} as approved")
  @MethodSource("jvms")
  void sameBytesInAnotherJvm(String javaHome, String target) throws Exception {
    Path java = Path.of(javaHome, "bin", "java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java.toString(),
            "-Duser.language=tr",
            "-Duser.country=TR",
            "-Duser.timezone=Pacific/Kiritimati",
            "-Dfile.encoding=ISO-8859-1",
            "-cp",
            System.getProperty("java.class.path"),
            PrintSeedLab.class.getName(),
            target);
    pb.environment().put("TZ", "Pacific/Kiritimati");
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    byte[] approved =
        Files.readAllBytes(
            GOLDEN.resolve("SeedLabGoldenTest.seedLab." + target + ".approved.yaml"));
    assertThat(out.toByteArray())
        .as("output of %s%sjava", javaHome, File.separator)
        .isEqualTo(approved);
  }
}
