package io.saltlab.cluster;

import io.saltlab.cluster.internal.ClusterKeys;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.LabDocument;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import io.saltlab.topology.spec.internal.SpecDocument;
import io.saltlab.topology.spec.internal.SpecValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code cluster:} section of a lab spec file, read into a {@link ClusterProvider}: the same
 * keys as {@link LabCluster#builder()}, checked by the same {@link LabCluster} checks, each problem
 * reported at its line and column like the rest of the file.
 *
 * <pre>{@code
 * cluster:
 *   subnet: 192.168.56.0/24
 *   registryAddress: 192.168.56.1
 *   nodes:
 *     - {name: kube0, ip: 192.168.56.10, role: CONTROL_PLANE}
 *     - {name: node1, ip: 192.168.56.11}
 * }</pre>
 *
 * <p>Without {@code os}, each target gets the seed cluster's OS ({@link
 * LabCluster#seedCluster(SaltLab, KubernetesVersion)}); with it, every target uses that OS and a
 * target it cannot run is refused when rendered.
 */
public final class ClusterSpec {
  private ClusterSpec() {}

  /**
   * Reads a spec file with its cluster.
   *
   * @param file the spec file
   * @param environment the variables the lab's {@code passwordEnv} and token may name
   * @return the lab and, when the file has a {@code cluster:} section, its cluster provider
   * @throws LabSpecException listing every problem of the file, the cluster's included
   */
  public static Read read(Path file, Map<String, String> environment) {
    LabDocument document = LabSpec.document(file, environment);
    return new Read(document.lab(), of(document));
  }

  /**
   * A lab read from a spec file, and the cluster its {@code cluster:} section describes.
   *
   * @param lab the lab
   * @param cluster the cluster for each target, empty when the file has no {@code cluster:}
   */
  public record Read(SaltLab lab, Optional<ClusterProvider> cluster) {}

  /**
   * The cluster of a spec file already read.
   *
   * @param document the lab and the file's checked values
   * @return the provider, empty when the file has no {@code cluster:} section
   * @throws LabSpecException when the section is invalid, each problem at its line
   */
  public static Optional<ClusterProvider> of(LabDocument document) {
    SpecDocument doc = document.document();
    Optional<SpecValue> section = doc.section(ClusterKeys.KEY);
    if (section.isEmpty()) {
      doc.check();
      return Optional.empty();
    }
    SpecValue c = section.get();
    Optional<NodeOs> os = c.text("os").map(NodeOs::valueOf);
    if (c.has("box") && os.isEmpty()) {
      doc.problemAt(
          ClusterKeys.KEY + ".box",
          "a box is one OS's: name that OS with 'os' too, or leave 'box' out for each target's"
              + " own");
    }
    Consumer<LabCluster.Builder> settings = settings(c);
    // Checked once now, with the OS of the newest target, so that a broken section fails when the
    // file is read rather than target by target; the checks that depend on the OS wait for render.
    NodeOs checkOs = os.orElse(NodeOs.UBUNTU_24_04);
    try {
      LabCluster.Builder b = LabCluster.builder().lab(document.lab()).os(checkOs);
      settings.accept(b);
      b.build();
    } catch (InvalidLabException e) {
      for (LabProblem p : e.problems()) {
        String message = p.toString().substring(p.field().length() + 2);
        doc.problemAt(specField(p.field()), message);
      }
    }
    doc.check();
    return Optional.of(
        (lab, target) -> {
          Optional<NodeOs> chosen = os.isPresent() ? os : LabCluster.seedOs(target);
          if (chosen.isEmpty()) {
            return Optional.empty();
          }
          LabCluster.Builder b = LabCluster.builder().lab(lab).os(chosen.get());
          settings.accept(b);
          return Optional.of(b.build());
        });
  }

  /** Where a cluster problem stands in the file: under {@code cluster:}, or the lab's own key. */
  private static String specField(String field) {
    return field.startsWith("lab.") ? field.substring(4) : ClusterKeys.KEY + "." + field;
  }

  /** Everything but the lab and the OS, applied to a fresh builder for each target. */
  private static Consumer<LabCluster.Builder> settings(SpecValue c) {
    return b -> {
      c.text("name").ifPresent(b::name);
      c.text("box").ifPresent(b::box);
      for (SpecValue n : c.list("nodes")) {
        ClusterNode.Builder node = ClusterNode.builder();
        n.text("name").ifPresent(node::name);
        n.text("ip").ifPresent(node::ip);
        n.text("role").map(NodeRole::valueOf).ifPresent(node::role);
        n.whole("cpus").ifPresent(node::cpus);
        n.whole("memoryMb").ifPresent(node::memoryMb);
        b.addNodes(node.build());
      }
      c.text("subnet").ifPresent(b::subnet);
      c.text("podNetworkCidr").ifPresent(b::podNetworkCidr);
      c.text("serviceCidr").ifPresent(b::serviceCidr);
      c.text("networkAddon").map(NetworkAddon::valueOf).ifPresent(b::networkAddon);
      c.text("addonManifestUrl").ifPresent(b::addonManifestUrl);
      c.text("httpProxy").ifPresent(b::httpProxy);
      c.text("httpsProxy").ifPresent(b::httpsProxy);
      c.texts("noProxy").ifPresent(b::addAllNoProxy);
      c.text("registryAddress").ifPresent(b::registryAddress);
      c.text("registryCaFile").ifPresent(b::registryCaFile);
    };
  }
}
