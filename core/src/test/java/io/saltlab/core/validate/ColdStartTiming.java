package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what validation adds to a fresh JVM, as the renderer uses it: Jackson is already in use
 * and the documents are trees; the first call pays for loading the validator library's classes,
 * reading the bundled schema and compiling the kinds it meets. Prints wall-clock time and the
 * calling thread's CPU time (the latter is what the work costs when the machine is shared). Run by
 * {@link ColdStartTimingTest} in its own process, or by hand with the test classpath.
 */
public final class ColdStartTiming {

  private ColdStartTiming() {}

  /**
   * Validates 15 small documents with a cold and then a warm validator and prints the times.
   *
   * @param args optional target version (default 1.36)
   * @throws IOException if the test resources cannot be read
   */
  public static void main(String[] args) throws IOException {
    KubernetesVersion target = KubernetesVersion.of(args.length > 0 ? args[0] : "1.36");
    Path base = Path.of("src/test/resources/validate");
    YAMLMapper yaml = new YAMLMapper();
    List<JsonNode> documents = new ArrayList<>();
    for (String f :
        new String[] {
          "seed-lab23.yaml",
          "clean/apps-v1.yaml",
          "defects/service-selector-matches-no-pod.yaml",
          "defects/duplicate-object.yaml"
        }) {
      documents.addAll(
          yaml.readValues(yaml.createParser(Files.readString(base.resolve(f))), JsonNode.class)
              .readAll());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    ValidationReport cold = ManifestValidator.forTarget(target).validate(documents);
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    ValidationReport warm = ManifestValidator.forTarget(target).validate(documents);
    long t2 = System.nanoTime();
    long c2 = threads.getCurrentThreadCpuTime();
    System.out.printf(
        "cold: %d documents on %s: first validation %d ms wall / %d ms CPU (validator classes,"
            + " schema load and compile included); warm repeat %d ms wall / %d ms CPU; %d"
            + " problems%n",
        cold.documentCount(),
        target,
        (t1 - t0) / 1_000_000,
        (c1 - c0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (c2 - c1) / 1_000_000,
        warm.problems().size());
  }
}
