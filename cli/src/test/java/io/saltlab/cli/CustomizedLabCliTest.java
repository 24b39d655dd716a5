package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.examples.SeedLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Customizations travel through the command line, shown on the shop lab ({@code
 * ShopLab.customizations()} and {@code examples/shop-lab.yaml}: a typed edit, JSON and
 * strategic-merge patches inline and in files, an extra object in a file): {@code render --class
 * io.saltlab.examples.ShopLabProvider} and {@code render --lab} give the same bytes for every
 * target of its golden files, and {@code check} of each fails on a hand edit of a patched field.
 * Then each way a customization can fail, as the command line reports it.
 */
class CustomizedLabCliTest {
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD",
          SeedLab.EXAMPLE_PASSWORD,
          "SALTLAB_AUTOSIGN_TOKEN",
          SeedLab.EXAMPLE_TOKEN);
  private static final String SHOP_SPEC =
      Path.of("../examples/shop-lab.yaml").toAbsolutePath().normalize().toString();
  private static final String PROVIDER = "io.saltlab.examples.ShopLabProvider";

  @TempDir Path dir;

  /** Every file under a folder by its relative path, but the lock file. */
  static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    out.remove(".saltlab.lock");
    return out;
  }

  @Test
  void shopLabProviderAndSpecRenderTheSameBytesAndCheckCatchesAHandEdit() throws Exception {
    Path byClass = dir.resolve("by-class");
    Path bySpec = dir.resolve("by-spec");
    String[] targets = {"-t", "1.9", "-t", "1.21", "-t", "1.36"};
    // ShopLabProvider reads SALTLAB_AUTOSIGN_TOKEN from its process's environment: a JVM of its
    // own.
    JarProcess.Run c =
        JarProcess.runClasspath(
            dir, ENV, concat("render", "--class", PROVIDER, targets, "--out", byClass.toString()));
    assertThat(c.exit()).as(c.all()).isZero();
    CliRunner.Run l =
        CliRunner.run(
            ENV, concat("render", "--lab", SHOP_SPEC, targets, "--out", bySpec.toString()));
    assertThat(l.exit()).as(l.err()).isZero();

    Map<String, String> a = files(byClass);
    assertThat(files(bySpec)).isEqualTo(a);
    for (String target : new String[] {"1.9", "1.21", "1.36"}) {
      assertThat(a.get(target + "/statefulset-zookeeper.yaml")).contains("- name: wait-for-master");
      assertThat(a.get(target + "/statefulset-hazelcast.yaml"))
          .contains("podManagementPolicy: Parallel", "terminationGracePeriodSeconds: 60");
      assertThat(a.get(target + "/statefulset-orders.yaml"))
          .contains("automountServiceAccountToken: false", "preStop:");
      assertThat(a.get(target + "/statefulset-catalog.yaml"))
          .contains("automountServiceAccountToken: false", "preStop:");
      assertThat(a.get(target + "/resourcequota-shop-lab-compute.yaml"))
          .contains("requests.cpu: \"4\"");
    }

    // A hand edit of a field a strategic-merge patch (from a file) sets is drift for both.
    for (Path out : new Path[] {byClass, bySpec}) {
      Path edited = out.resolve("1.36/statefulset-catalog.yaml");
      Files.writeString(
          edited,
          Files.readString(edited)
              .replace(
                  "automountServiceAccountToken: false", "automountServiceAccountToken: true"));
    }
    JarProcess.Run byProcess =
        JarProcess.runClasspath(
            dir, ENV, "check", "--class", PROVIDER, "-t", "1.36", "--out", byClass.toString());
    CliRunner.Run checkClass =
        new CliRunner.Run(byProcess.exit(), byProcess.out(), byProcess.err());
    CliRunner.Run checkSpec =
        CliRunner.run(ENV, "check", "--lab", SHOP_SPEC, "-t", "1.36", "--out", bySpec.toString());
    for (CliRunner.Run r : new CliRunner.Run[] {checkClass, checkSpec}) {
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
      assertThat(r.out())
          .contains("1 changed, 0 missing, 0 extra")
          .contains("-      automountServiceAccountToken: true\n")
          .contains("+      automountServiceAccountToken: false\n");
    }
  }

  private static String[] concat(Object... parts) {
    List<String> all = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof String[] many) {
        all.addAll(List.of(many));
      } else {
        all.add((String) p);
      }
    }
    return all.toArray(String[]::new);
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
                "objects:",
                "  - file: orders-service.yaml",
                ""));
    Files.writeString(
        dir.resolve("orders-service.yaml"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: orders, namespace: salt-lab}\n"
            + "spec: {ports: [{port: 80}]}\n");
    CliRunner.Run r =
        CliRunner.run(
            ENV, "render", "--lab", spec.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: the lab's customizations cannot be applied (3 problems)\n")
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
        .contains(
            "  - objects[0] (line "
                + (first + 5)
                + "), orders-service.yaml: the extra Service 'orders' in namespace 'salt-lab'"
                + " collides with an object the lab already has; to change that object, patch or"
                + " edit it instead of adding it")
        .contains("hint: each problem names the patch");
    // Nothing rendered: at most the folder's lock file is there.
    assertThat(dir.resolve("o/1.36")).doesNotExist();
  }

  /** A spec whose patch files and pointers are wrong: each problem where it is written. */
  @Test
  void patchFilesAndPointersAreRefusedWhereTheSpecNamesThem() throws IOException {
    Path lab = Files.createDirectories(dir.resolve("lab"));
    Files.writeString(dir.resolve("outside.yaml"), "[{op: remove, path: /spec/replicas}]\n");
    Files.createSymbolicLink(lab.resolve("link.yaml"), dir.resolve("outside.yaml"));
    Files.writeString(lab.resolve("big.yaml"), "# " + "x".repeat(1024 * 1024) + "\n[]\n");
    Path spec = lab.resolve("lab.yaml");
    String seed = Files.readString(Path.of("../examples/seed-lab.yaml"));
    long first = seed.chars().filter(c -> c == '\n').count() + 3;
    Files.writeString(
        spec,
        seed
            + String.join(
                "\n",
                "",
                "patches:",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    jsonPatch: [{op: remove, path: spec/replicas}]",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    file: missing.yaml",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    file: link.yaml",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    file: big.yaml",
                ""));
    CliRunner.Run r =
        CliRunner.run(
            ENV, "render", "--lab", spec.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    String at = "  - " + spec + ":";
    assertThat(r.err())
        .isEqualTo(
            String.join(
                "\n",
                "error: lab spec " + spec + " is invalid (4 problems)",
                at
                    + (first + 1)
                    + ":30: patches[0].jsonPatch[0].path: 'spec/replicas' is not a JSON Pointer:"
                    + " it must be empty (the whole object) or start with '/', for example"
                    + " /spec/replicas",
                at
                    + (first + 3)
                    + ":11: patches[1].file: 'missing.yaml' does not exist (looked for "
                    + lab.resolve("missing.yaml")
                    + ")",
                at
                    + (first + 5)
                    + ":11: patches[2].file: 'link.yaml' is or passes through a symbolic link ("
                    + lab.resolve("link.yaml")
                    + "); give the file itself",
                at
                    + (first + 7)
                    + ":11: patches[3].file: 'big.yaml' is larger than the limit of 1048576"
                    + " bytes; a patch or object file is at most 1048576 bytes (1 MiB)",
                "hint: fix the spec file; every key is described in examples/seed-lab.yaml",
                ""));
    assertThat(dir.resolve("o/1.36")).doesNotExist();
  }

  /**
   * A patch that breaks the match of a workload's selector to its own pods fails validation (an
   * error: nothing is written); the Service that selected them is named too.
   */
  @Test
  void aPatchThatBreaksASelectorIsReported() throws IOException {
    Path spec = dir.resolve("selector.yaml");
    Files.writeString(
        spec,
        Files.readString(Path.of("../examples/seed-lab.yaml"))
            + String.join(
                "\n",
                "",
                "patches:",
                "  - target: {kind: StatefulSet, name: zookeeper}",
                "    strategicMerge: {spec: {template: {metadata: {labels:"
                    + " {app.kubernetes.io/name: zk}}}}}",
                ""));
    CliRunner.Run r =
        CliRunner.run(
            ENV, "render", "--lab", spec.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("StatefulSet/salt-lab/zookeeper: spec.selector.matchLabels")
        .contains("[selector-mismatch]")
        .contains("Service/salt-lab/zookeeper: spec.selector")
        .contains("[selector-matches-no-pod]");
    assertThat(dir.resolve("o/1.36")).doesNotExist();
  }
}
