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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the seed lab in other JVMs (the other installed JDKs, a foreign locale, time zone and
 * encoding) and compares the bytes with the approved golden files.
 */
class OtherJdkDeterminismTest {
  private static final Path GOLDEN = Path.of("src/test/resources/io/saltlab/golden");

  static Stream<Arguments> jvms() {
    List<Arguments> jvms = new ArrayList<>();
    for (String home :
        List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-25-jdk-amd64")) {
      for (String target : List.of("1.6", "1.36")) {
        jvms.add(Arguments.of(home, target));
      }
    }
    return jvms.stream();
  }

  @ParameterizedTest(name = "{0} renders {1} as approved")
  @MethodSource("jvms")
  void sameBytesInAnotherJvm(String javaHome, String target) throws Exception {
    Path java = Path.of(javaHome, "bin", "java");
    if (!Files.isExecutable(java)) {
      System.out.println("skipped: no JDK at " + javaHome + " on this machine");
      Assumptions.abort("no JDK at " + javaHome);
    }
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
