package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keeps the per-target tables of {@code docs/cluster.md} equal to the code: the OS of the seed
 * cluster, its kernel and cgroup version, the container runtime, the target-dependent kubeadm
 * flags, the add-on releases and whether the target still comes up, for every target; and per OS
 * the targets it runs and the runtime of each range. On a difference the expected tables are
 * printed, to paste between the markers.
 */
class ClusterTargetsDocTest {
  private static final Path DOC = Path.of("../docs/cluster.md");
  private static final String START =
      "<!-- targets: generated from the code, see ClusterTargetsDocTest -->\n";
  private static final String END = "<!-- end of targets -->\n";

  static String tables() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| target | OS of the seed cluster | kernel | cgroup | container runtime | kubeadm flags"
            + " by target | flannel | calico | comes up in 2026 |\n"
            + "|---|---|---|---|---|---|---|---|---|\n");
    for (KubernetesVersion t : KubernetesVersion.all()) {
      Optional<LabCluster> seed = LabCluster.seedCluster(ClusterFixtures.seedLab(), t);
      if (seed.isEmpty()) {
        out.append("| ").append(t).append(" | none: kubeadm starts at 1.6 | | | | | | | no |\n");
        continue;
      }
      NodeOs os = seed.get().os();
      int minor = t.minor();
      List<String> flags = new ArrayList<>();
      if (ClusterRenderer.kubernetesVersionFlag(minor)) {
        flags.add("init `--kubernetes-version`");
      }
      if (ClusterRenderer.skipCaVerificationFlag(minor)) {
        flags.add("join `--discovery-token-unsafe-skip-ca-verification`");
      }
      out.append("| ")
          .append(t)
          .append(" | ")
          .append(os.displayName())
          .append(" | ")
          .append(os.kernel())
          .append(" | ")
          .append(os.cgroupV2() ? "v2" : "v1")
          .append(" | ")
          .append(ContainerRuntime.of(os, t).describe())
          .append(" | ")
          .append(flags.isEmpty() ? "none" : String.join(", ", flags))
          .append(" | ")
          .append(NetworkAddon.FLANNEL.release(t))
          .append(" | ")
          .append(minor >= NetworkAddon.CALICO.minMinor() ? NetworkAddon.CALICO.release(t) : "none")
          .append(" | ")
          .append(
              ClusterRenderer.packagesGone(minor)
                  ? "no: packages removed on 2024-03-04; nearest working target 1.24"
                  : "yes, on paper")
          .append(" |\n");
    }
    out.append("\n| OS | box | kernel | cgroup | targets | container runtime |\n")
        .append("|---|---|---|---|---|---|\n");
    for (NodeOs os : NodeOs.values()) {
      out.append("| ")
          .append(os.displayName())
          .append(" | `")
          .append(os.defaultBox())
          .append("` | ")
          .append(os.kernel())
          .append(" | ")
          .append(os.cgroupV2() ? "v2" : "v1")
          .append(" | 1.")
          .append(os.minMinor())
          .append("-1.")
          .append(os.maxMinor())
          .append(" | ")
          .append(runtimeRanges(os))
          .append(" |\n");
    }
    return out.toString();
  }

  /** The runtime of each range of targets, for example {@code containerd 1.7 ... (1.25-1.31)}. */
  private static String runtimeRanges(NodeOs os) {
    List<String> ranges = new ArrayList<>();
    String current = null;
    int from = 0;
    for (int minor = os.minMinor(); minor <= os.maxMinor() + 1; minor++) {
      String runtime =
          minor <= os.maxMinor()
              ? ContainerRuntime.of(os, KubernetesVersion.ofMinor(minor)).describe()
              : null;
      if (current != null && !current.equals(runtime)) {
        int to = minor - 1;
        ranges.add(current + " (1." + from + (to == from ? "" : "-1." + to) + ")");
      }
      if (runtime != null && !runtime.equals(current)) {
        from = minor;
      }
      current = runtime;
    }
    return String.join("; ", ranges);
  }

  @Test
  void docsTablesEqualTheCode() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    assertThat(start).as("marker " + START.strip() + " in " + DOC).isNotNegative();
    assertThat(end).as("marker " + END.strip() + " in " + DOC).isGreaterThan(start);
    String documented = doc.substring(start + START.length(), end);
    String expected = tables();
    if (!documented.equals(expected)) {
      System.out.println("docs/cluster.md should hold, between its markers:\n" + expected);
    }
    assertThat(documented).isEqualTo(expected);
  }

  @Test
  void everyTargetFromKubeadmsFirstHasARowAndTheOldOnesSayWhyTheyFail() {
    String t = tables();
    assertThat(t.lines().filter(l -> l.startsWith("| 1.")).count())
        .isEqualTo(KubernetesVersion.all().size());
    assertThat(t)
        .contains("| 1.23 | CentOS 7 |", "nearest working target 1.24")
        .contains("| 1.32 | Ubuntu 24.04 | 6.8 | v2 | containerd 2.1")
        .contains("| 1.36 | Ubuntu 24.04 | 6.8 | v2 | containerd 2.2");
  }
}
