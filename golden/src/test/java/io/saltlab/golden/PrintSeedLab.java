package io.saltlab.golden;

import io.saltlab.examples.SeedLab;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the seed lab's YAML for a target to standard output, as UTF-8 bytes; run in another JVM.
 */
public final class PrintSeedLab {
  private PrintSeedLab() {}

  /**
   * Entry point.
   *
   * @param args the target version
   * @throws IOException when standard output fails
   */
  public static void main(String[] args) throws IOException {
    OutputStream out = System.out;
    out.write(SeedLab.lab().render(args[0]).toYaml().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
