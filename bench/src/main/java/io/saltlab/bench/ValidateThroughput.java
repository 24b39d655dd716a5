package io.saltlab.bench;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Validation throughput in one JVM (issue 12 item 7): writes a corpus of the bench lab's rendered
 * objects as one multi-document YAML file (a lab of R roles renders 2R + 4 objects: namespace, pull
 * Secret, the master's Service and Deployment, and a headless Service and a Deployment per role),
 * then validates it from the file again and again and prints objects per second, median of the
 * measured runs after the warm-up runs; then the same for twice the corpus, so that the time ratio
 * shows the cross-object checks stay linear.
 *
 * <p>Usage: {@code java -cp bench.jar io.saltlab.bench.ValidateThroughput [OBJECTS] [RUNS] [DIR]}
 * (default 50,000 objects, 5 runs, a temporary folder). The corpus files stay in DIR for
 * whole-process runs of {@code saltlab validate}.
 */
public final class ValidateThroughput {

  private static final KubernetesVersion TARGET = KubernetesVersion.of("1.36");

  private ValidateThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args objects, runs, folder
   * @throws IOException if the corpus cannot be written
   */
  public static void main(String[] args) throws IOException {
    int objects = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("saltlab-validate");
    Files.createDirectories(dir);
    Path single = corpus(dir, objects);
    Path doubled = corpus(dir, 2 * objects);
    double once = measure(single, runs);
    double twice = measure(doubled, runs);
    System.out.printf("corpus %s and %s%n", single, doubled);
    System.out.printf(
        "%d objects: median %.3f s, %.0f objects/s (warm, %d runs after 2 warm-up)%n",
        count(objects), once, count(objects) / once, runs);
    System.out.printf(
        "%d objects: median %.3f s, %.0f objects/s; time ratio 2x/1x = %.2f%n",
        count(2 * objects), twice, count(2 * objects) / twice, twice / once);
  }

  private static final int ROLES_PER_LAB = 5_000;

  /** How many labs of {@value #ROLES_PER_LAB} roles give at least the wanted count. */
  private static int labs(int objects) {
    return Math.max(1, (objects + 2 * ROLES_PER_LAB - 1) / (2 * ROLES_PER_LAB));
  }

  private static int count(int objects) {
    return labs(objects) * LAB_OBJECTS;
  }

  private static int labObjects() {
    return BenchLabs.lab(ROLES_PER_LAB).render(TARGET).resources().size();
  }

  private static final int LAB_OBJECTS = labObjects();

  private static Path corpus(Path dir, int objects) throws IOException {
    Path file = dir.resolve("corpus-" + count(objects) + ".yaml");
    if (!Files.exists(file)) {
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < labs(objects); i++) {
        yaml.append(BenchLabs.lab(ROLES_PER_LAB, "lab-" + i).render(TARGET).toYaml());
      }
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    }
    return file;
  }

  /** Median seconds of validating the file, after two warm-up runs. */
  private static double measure(Path file, int runs) {
    ManifestValidator validator = ManifestValidator.forTarget(TARGET);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs + 2; i++) {
      long start = System.nanoTime();
      ValidationReport report = validator.validatePaths(file);
      long end = System.nanoTime();
      if (!report.isValid()) {
        throw new IllegalStateException("the corpus does not validate:\n" + report.format());
      }
      if (i >= 2) {
        times.add((end - start) / 1e9);
      }
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }
}
