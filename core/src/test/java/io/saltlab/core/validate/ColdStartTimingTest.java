package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prints the cold-start cost of validation, measured in a fresh JVM so that other tests have not
 * warmed anything. It asserts only that the measurement ran: timings vary by machine.
 */
class ColdStartTimingTest {

  @Test
  void printsColdAndWarmTimings() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    for (String version : new String[] {"1.36", "1.6"}) {
      Process p =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ColdStartTiming.class.getName(),
                  version)
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String line = output.lines().filter(l -> l.startsWith("cold:")).findFirst().orElse(output);
      System.out.println("ColdStartTimingTest " + line);
      assertThat(line).startsWith("cold: 15 documents on " + version);
    }
  }
}
