package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.examples.SeedLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customizations travel through the command line: a LabProvider's ({@code render --class}) and its
 * spec twin's ({@code render --lab}, patches inline and in files, an extra object in a file) give
 * the same bytes, and {@code check} of each fails on a hand edit of a patched field.
 */
class CustomizedLabCliTest {
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD",
          SeedLab.EXAMPLE_PASSWORD,
          "SALTLAB_AUTOSIGN_TOKEN",
          SeedLab.EXAMPLE_TOKEN);

  @TempDir Path dir;

  private Path spec() throws IOException {
    Files.createDirectories(dir.resolve("lab/patches"));
    Files.writeString(
        dir.resolve("lab/patches/hazelcast.yaml"), CustomizedSeedLabProvider.JSON_PATCH + "\n");
    Files.writeString(dir.resolve("lab/orders-ingress.yaml"), CustomizedSeedLabProvider.INGRESS);
    Path spec = dir.resolve("lab/lab.yaml");
    Files.writeString(
        spec,
        Files.readString(Path.of("../examples/seed-lab.yaml"))
            + String.join(
                "\n",
                "",
                "patches:",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    jsonPatch:",
                "      - {op: add, path: /spec/template/spec/priorityClassName, value:"
                    + " lab-critical}",
                "  - target: {kind: StatefulSet, name: hazelcast}",
                "    file: patches/hazelcast.yaml",
                "  - target: {kind: Service, name: orders}",
                "    strategicMerge: " + CustomizedSeedLabProvider.STRATEGIC_MERGE,
                "objects:",
                "  - file: orders-ingress.yaml",
                ""));
    return spec;
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  @Test
  void providerAndSpecRenderTheSameBytesAndCheckCatchesAHandEdit() throws IOException {
    Path spec = spec();
    Path byClass = dir.resolve("by-class");
    Path bySpec = dir.resolve("by-spec");
    String provider = CustomizedSeedLabProvider.class.getName();
    for (String target : new String[] {"1.28", "1.36"}) {
      CliRunner.Run c =
          CliRunner.run(
              ENV, "render", "--class", provider, "-t", target, "--out", byClass.toString());
      assertThat(c.exit()).as(c.err()).isZero();
      CliRunner.Run l =
          CliRunner.run(
              ENV, "render", "--lab", spec.toString(), "-t", target, "--out", bySpec.toString());
      assertThat(l.exit()).as(l.err()).isZero();
    }
    Map<String, String> a = files(byClass);
    Map<String, String> b = files(bySpec);
    b.remove(".saltlab.lock");
    a.remove(".saltlab.lock");
    assertThat(b).isEqualTo(a);
    assertThat(a.get("1.36/ingress-orders.yaml")).contains("kind: Ingress");
    assertThat(a.get("1.36/statefulset-hazelcast.yaml"))
        .contains("terminationGracePeriodSeconds: 60");
    assertThat(a.get("1.36/statefulset-zookeeper.yaml"))
        .contains("priorityClassName: lab-critical");
    assertThat(a.get("1.36/service-orders.yaml")).contains("prometheus.io/scrape: \"true\"");

    // A hand edit of a patched field is drift for both.
    for (Path out : new Path[] {byClass, bySpec}) {
      Path edited = out.resolve("1.36/statefulset-hazelcast.yaml");
      Files.writeString(
          edited,
          Files.readString(edited)
              .replace("terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 5"));
    }
    CliRunner.Run checkClass =
        CliRunner.run(ENV, "check", "--class", provider, "-t", "1.36", "--out", byClass.toString());
    CliRunner.Run checkSpec =
        CliRunner.run(
            ENV, "check", "--lab", spec.toString(), "-t", "1.36", "--out", bySpec.toString());
    for (CliRunner.Run r : new CliRunner.Run[] {checkClass, checkSpec}) {
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
      assertThat(r.out())
          .contains("1 changed, 0 missing, 0 extra")
          .contains("-      terminationGracePeriodSeconds: 5\n")
          .contains("+      terminationGracePeriodSeconds: 60\n");
    }
  }

  @Test
  void aCustomizationThatCannotApplyIsAnInputErrorListingEachProblem() throws IOException {
    Path spec = dir.resolve("bad.yaml");
    String seed = Files.readString(Path.of("../examples/seed-lab.yaml"));
    // The first entry's line: the seed's lines, an empty one, then "patches:".
    long first = seed.chars().filter(c -> c == '\n').count() + 3;
    Files.writeString(
        spec,
        seed
            + String.join(
                "\n",
                "",
                "patches:",
                "  - target: {kind: StatefulSet, name: zookeper}",
                "    jsonPatch: [{op: remove, path: /spec/replicas}]",
                "  - target: {kind: Service, name: orders}",
                "    jsonPatch: [{op: test, path: /spec/clusterIP, value: 10.0.0.1}]",
                ""));
    CliRunner.Run r =
        CliRunner.run(
            ENV, "render", "--lab", spec.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: the lab's customizations cannot be applied (2 problems)\n")
        .contains(
            "  - patches[0] (line "
                + first
                + "): no StatefulSet 'zookeper'; the StatefulSet objects are"
                + " billing, catalog, hazelcast, orders, shipping, zookeeper (did you mean"
                + " 'zookeeper'?)")
        .contains(
            "  - patches[1] (line "
                + (first + 2)
                + "): operation 1 (test /spec/clusterIP) failed: the value at"
                + " /spec/clusterIP is \"None\", the test expects \"10.0.0.1\"")
        .contains("hint: each problem names the patch");
    // Nothing rendered: at most the folder's lock file is there.
    assertThat(dir.resolve("o/1.36")).doesNotExist();
  }
}
