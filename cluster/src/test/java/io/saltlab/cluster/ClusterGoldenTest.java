package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares rendered clusters byte for byte with approved files under {@code
 * src/test/resources/io/saltlab/cluster/golden/<case>/}. A missing, differing or extra file fails.
 * Outside CI ({@code CI=true}) each differing or missing file is written next to where it belongs
 * as {@code <name>.received.txt} for review; approved files are never written: approving is
 * renaming a received file by hand.
 */
class ClusterGoldenTest {
  /** Read from the source tree: Maven's resource copy drops dot files such as .gitignore. */
  private static final Path GOLDEN = Path.of("src/test/resources/io/saltlab/cluster/golden");

  private static final String RECEIVED = ".received.txt";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("seed-centos7-1.6", ClusterFixtures.seed(), "1.6"),
        Arguments.of("seed-centos7-1.30", ClusterFixtures.seed(), "1.30"),
        Arguments.of("ubuntu-24.04-1.32", ClusterFixtures.current(), "1.32"),
        Arguments.of("ubuntu-24.04-1.36", ClusterFixtures.current(), "1.36"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesApprovedFiles(String name, LabCluster cluster, String target) throws IOException {
    SortedMap<String, String> rendered = cluster.render(KubernetesVersion.of(target));
    Path dir = GOLDEN.resolve(name);
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> e : rendered.entrySet()) {
      Path approved = dir.resolve(e.getKey());
      Path received = dir.resolve(e.getKey() + RECEIVED);
      byte[] actual = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.isRegularFile(approved)) {
        failures.add(e.getKey() + ": no approved file " + approved);
      } else if (!java.util.Arrays.equals(Files.readAllBytes(approved), actual)) {
        failures.add(e.getKey() + ": differs from " + approved);
      } else {
        if (!ci) {
          Files.deleteIfExists(received);
        }
        continue;
      }
      if (!ci) {
        Files.createDirectories(received.getParent());
        Files.write(received, actual);
        failures.add(
            "  review " + received + " and rename it to " + approved.getFileName() + " to approve");
      }
    }
    for (String extra : approvedFiles(dir)) {
      if (!rendered.containsKey(extra)) {
        failures.add(extra + ": approved but no longer rendered; delete " + dir.resolve(extra));
      }
    }
    assertThat(failures).as("golden files of " + name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void approvedFilesHoldNoPassword(String name, LabCluster cluster, String target)
      throws IOException {
    for (String file : approvedFiles(GOLDEN.resolve(name))) {
      assertThat(Files.readString(GOLDEN.resolve(name).resolve(file), StandardCharsets.UTF_8))
          .as(file)
          .doesNotContain(ClusterFixtures.PASSWORD);
    }
  }

  private static TreeSet<String> approvedFiles(Path dir) throws IOException {
    TreeSet<String> files = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.endsWith(RECEIVED))
          .forEach(files::add);
    }
    return files;
  }
}
