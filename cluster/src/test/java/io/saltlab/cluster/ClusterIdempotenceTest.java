package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs pieces of the generated common.sh twice with bash, on files in a temporary folder instead of
 * the node's: the second run must change nothing.
 */
class ClusterIdempotenceTest {

  private static String common() {
    return ClusterFixtures.seed().render(KubernetesVersion.of("1.6")).get(ClusterRenderer.COMMON);
  }

  /** The text of one step, from its {@code step "<prefix>...} line to the next step. */
  private static String stepOf(String script, String prefix) {
    int start = script.indexOf("step \"" + prefix);
    int end = script.indexOf("\nstep \"", start + 1);
    assertThat(start).as("step " + prefix).isNotNegative();
    return script.substring(start, end + 1);
  }

  private static String function(String script, String name) {
    int start = script.indexOf(name + "() {");
    int end = script.indexOf("\n}\n", start);
    return script.substring(start, end + 3);
  }

  private static String bash(Path dir, String script) throws Exception {
    Tools.require("bash", "the idempotence check");
    Path file = dir.resolve("piece.sh");
    Files.writeString(file, "set -Eeuo pipefail\nstep() { :; }\n" + script, StandardCharsets.UTF_8);
    Tools.Result r = Tools.run(dir, Map.of(), List.of("bash", file.toString()));
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output();
  }

  @Test
  void hostsStepTwiceGivesTheSameFile(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts");
    Files.writeString(
        hosts,
        "127.0.0.1\tkube0\tkube0\n127.0.0.1   localhost localhost.localdomain\n::1 localhost\n");
    String step = stepOf(common(), "hosts:").replace("/etc/hosts", hosts.toString());
    bash(dir, "NODE_NAME=kube0\n" + step);
    String once = Files.readString(hosts);
    bash(dir, "NODE_NAME=kube0\n" + step);
    assertThat(Files.readString(hosts)).isEqualTo(once);
    assertThat(once)
        .isEqualTo(
            "127.0.0.1   localhost localhost.localdomain\n"
                + "::1 localhost\n"
                + "# BEGIN saltlab cluster\n"
                + "192.168.56.10 kube0\n"
                + "192.168.56.11 node1\n"
                + "192.168.56.12 node2\n"
                + "192.168.56.1 registry.lab.local\n"
                + "# END saltlab cluster\n");
  }

  @Test
  void writeFileReportsAChangeOnlyOnce(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("etc/sysctl.d/99-test.conf");
    String script =
        "CHANGED=no\n"
            + function(common(), "write_file")
            + "for _ in 1 2; do\n  printf 'net.ipv4.ip_forward = 1\\n' | { write_file '"
            + target
            + "' 0644; echo \"${CHANGED}\"; }\ndone\n";
    assertThat(bash(dir, script)).isEqualTo("yes\nno\n");
    assertThat(Files.readString(target)).isEqualTo("net.ipv4.ip_forward = 1\n");
  }
}
