package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.write.FolderException;
import io.saltlab.core.write.FolderFiles;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import io.saltlab.topology.SaltLab;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * The cluster under a {@link SaltLab}: Vagrant VMs on a private network, provisioned with a
 * container runtime that trusts and logs in to the lab's registry, kubeadm pinned to the target
 * version, a pod network add-on, and the salt-master's host directories on one node.
 *
 * <p>The registry is the lab's {@link io.saltlab.topology.Registry}: the host the runtime trusts,
 * the host in {@code /etc/hosts} and {@code NO_PROXY} and the host the nodes log in to are the one
 * in the lab's pull Secret, by construction. Its password never reaches a generated file: the
 * Vagrantfile forwards {@code SALTLAB_REGISTRY_PASSWORD} from the host's environment at provision
 * time.
 *
 * <p>Building checks the whole cluster and throws one {@link InvalidLabException} listing every
 * problem; {@link #render(KubernetesVersion)} adds the checks that depend on the target.
 */
@Value.Immutable
public abstract class LabCluster {

  /** The lab the cluster runs; its registry and salt-master host paths are used as they are. */
  public abstract SaltLab lab();

  /** Names the VirtualBox VMs ({@code <name>-<node>}); the lab's name unless set. */
  @Value.Default
  public String name() {
    return lab().name();
  }

  /** The operating system of every node. */
  public abstract NodeOs os();

  /** The Vagrant box; the OS's {@link NodeOs#defaultBox()} unless set. */
  @Value.Default
  public String box() {
    return os().defaultBox();
  }

  /** The VMs, control plane first by convention; Vagrant brings them up in this order. */
  public abstract List<ClusterNode> nodes();

  /**
   * The nodes' private network as a CIDR, for example {@code 192.168.56.0/24}; when absent every
   * node must be in the first node's /24.
   */
  public abstract Optional<String> subnet();

  /**
   * The pods' addresses ({@code kubeadm init --pod-network-cidr}); {@code 10.244.0.0/16} unless
   * set.
   */
  @Value.Default
  public String podNetworkCidr() {
    return "10.244.0.0/16";
  }

  /**
   * The Services' addresses ({@code kubeadm init --service-cidr}); {@code 10.96.0.0/12} unless set.
   */
  @Value.Default
  public String serviceCidr() {
    return "10.96.0.0/12";
  }

  /** The pod network add-on; {@link NetworkAddon#FLANNEL} unless set. */
  @Value.Default
  public NetworkAddon networkAddon() {
    return NetworkAddon.FLANNEL;
  }

  /**
   * An https URL of the add-on manifest to apply instead of the pinned ones of {@link
   * NetworkAddon#manifestUrls(KubernetesVersion)}, for a newer release or a local mirror.
   */
  public abstract Optional<String> addonManifestUrl();

  /**
   * The proxy for http URLs, for example {@code http://proxy.example.com:3128}; none unless set.
   */
  public abstract Optional<String> httpProxy();

  /** The proxy for https URLs; none unless set. */
  public abstract Optional<String> httpsProxy();

  /** Extra {@code NO_PROXY} entries (host names, domains such as {@code .example.com}, CIDRs). */
  public abstract List<String> noProxy();

  /**
   * The registry's IPv4 address, written to every node's {@code /etc/hosts} when its name is not in
   * DNS; for a registry on the Vagrant host itself that is the host-only address {@code
   * 192.168.56.1}.
   */
  public abstract Optional<String> registryAddress();

  /**
   * The registry's CA certificate, a file name beside the Vagrantfile such as {@code
   * registry-ca.crt}; the runtime then trusts the registry over verified TLS. When absent the
   * registry is an insecure (plain HTTP or unverified) one, as in the seed write-up.
   */
  public abstract Optional<String> registryCaFile();

  /** The control-plane node. */
  public ClusterNode controlPlane() {
    return nodes().stream()
        .filter(n -> n.role() == NodeRole.CONTROL_PLANE)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("cluster has no control-plane node"));
  }

  /**
   * The node that holds the salt-master's host paths: the lab's {@code master.node}, so the
   * directories are created where the master is pinned and the name is typed once.
   */
  public String saltMasterNodeName() {
    return lab().master().node();
  }

  /** The registry's host without its port, for {@code /etc/hosts} and {@code NO_PROXY}. */
  public String registryHost() {
    String server = lab().registry().server();
    int colon = server.lastIndexOf(':');
    return colon < 0 ? server : server.substring(0, colon);
  }

  /**
   * What {@code NO_PROXY} and {@code no_proxy} hold: the loopback, every node's address and name,
   * the registry's host (and address), the service and pod ranges, then {@link #noProxy()}. Node
   * addresses are listed one by one because many clients ignore CIDR entries.
   */
  public List<String> noProxyEntries() {
    Set<String> entries = new LinkedHashSet<>();
    entries.add("localhost");
    entries.add("127.0.0.1");
    for (ClusterNode n : nodes()) {
      entries.add(n.ip());
    }
    for (ClusterNode n : nodes()) {
      entries.add(n.name());
    }
    entries.add(registryHost());
    registryAddress().ifPresent(entries::add);
    entries.add(serviceCidr());
    entries.add(podNetworkCidr());
    entries.addAll(noProxy());
    return List.copyOf(entries);
  }

  /**
   * Renders the Vagrantfile, the provisioning scripts and their notes for a target version.
   *
   * @param target the cluster's version, the same the lab's manifests are rendered for
   * @return relative path to file content, sorted by path; deterministic for the same cluster and
   *     target
   * @throws InvalidLabException when the OS or the add-on cannot run that version
   */
  public SortedMap<String, String> render(KubernetesVersion target) {
    Objects.requireNonNull(target, "target");
    List<LabProblem> problems = ClusterChecks.checkTarget(this, target);
    if (!problems.isEmpty()) {
      throw new InvalidLabException("cluster '" + name() + "' for Kubernetes " + target, problems);
    }
    return new ClusterRenderer(this, target).render();
  }

  /**
   * Renders for a target given as text.
   *
   * @param target the cluster's version, for example {@code 1.36} or {@code 1.6}
   * @return relative path to file content, sorted by path
   * @throws io.saltlab.core.UnsupportedVersionException when the version is outside the supported
   *     range
   */
  public SortedMap<String, String> render(String target) {
    return render(KubernetesVersion.of(target));
  }

  /**
   * Renders for a target and writes the files into a folder (see {@link #write(Map, Path)}).
   *
   * @param folder the Vagrant project folder to write into; created when missing
   * @param target the cluster's version
   * @return the folder's rendered files, in path order
   * @throws IOException when the folder cannot be written or something of the user's is in the way
   */
  public List<Path> writeTo(Path folder, KubernetesVersion target) throws IOException {
    return write(render(target), folder);
  }

  /**
   * Writes rendered files into a folder with saltlab's one folder writer ({@link OutputFolder}),
   * the one behind {@code saltlab render}, which writes the same files into {@code
   * DIR/<V>/cluster/}:
   *
   * <ul>
   *   <li>A file is replaced only when saltlab wrote it (it starts with saltlab's header); a file
   *       of the user's, a link, a FIFO or a folder in the place of a rendered file is refused and
   *       nothing is written. Everything else in the folder is the user's and is left alone: {@code
   *       .vagrant/}, the kubeadm token file, a log being appended, a {@code vagrant up} running in
   *       the folder.
   *   <li>Generated files this render no longer has are removed; unchanged files are not touched.
   *   <li>The write is committed all at once by a journal beside the folder, under the lock file
   *       {@code .saltlab.lock} in the folder's parent: a crash leaves the old files or, at the
   *       next write, the new ones.
   *   <li>Links are never followed: the folder, and every folder on the way to a file, must be
   *       real. Modes: a rewritten file keeps its mode (a user's chmod survives); a new script
   *       ({@code .sh}) gets the execute bits the umask allows.
   * </ul>
   *
   * @param files relative path to content, as {@link #render(KubernetesVersion)} returns
   * @param folder the folder to write into; created when missing. Its name must not start with '.'
   *     and it must not be the file system's root, since the writer works beside it
   * @return every file the folder holds from these files (written or already up to date), in the
   *     map's order
   * @throws IOException when the folder cannot be written, or something of the user's is in the
   *     way; the message says what and what to do, and the old files are unchanged. The cause is
   *     the writer's {@link FolderException}, with its hint
   * @throws IllegalArgumentException when a path is absolute or leaves the folder, or the folder is
   *     the root or its name starts with '.'
   */
  public static List<Path> write(Map<String, String> files, Path folder) throws IOException {
    Path root = folder.toAbsolutePath().normalize();
    List<Path> paths = new ArrayList<>();
    for (String name : files.keySet()) {
      Path file = root.resolve(name).normalize();
      if (!file.startsWith(root) || file.equals(root) || Path.of(name).isAbsolute()) {
        throw new IllegalArgumentException(
            "file path '"
                + name
                + "' leaves the folder "
                + root
                + "; expected a relative path such as provision/common.sh");
      }
      paths.add(file);
    }
    Path parent = root.getParent();
    if (parent == null || root.getFileName() == null) {
      throw new IllegalArgumentException(
          "cannot write a cluster into the file system's root "
              + root
              + "; expected a folder such as cluster/1.36");
    }
    FolderFiles content = FolderFiles.of(files);
    try (OutputFolder out = OutputFolder.open(parent)) {
      out.write(root.getFileName().toString(), content);
    } catch (FolderException e) {
      throw new IOException(e.getMessage() + " (" + e.hint() + ")", e);
    }
    return paths;
  }

  /**
   * The seed write-up's cluster: CentOS 7 VMs kube0 (control plane, 192.168.56.10), node1
   * (192.168.56.11) and node2 (192.168.56.12) on VirtualBox's host-only network, flannel, no proxy,
   * an insecure registry reached at the Vagrant host's host-only address 192.168.56.1 when its name
   * is not in DNS, and the salt-master's directories on kube0.
   *
   * @param lab the lab the cluster runs
   * @return the cluster
   */
  public static LabCluster seedCluster(SaltLab lab) {
    return builder()
        .lab(lab)
        .os(NodeOs.CENTOS_7)
        .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
        .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
        .addNodes(ClusterNode.worker("node2", "192.168.56.12"))
        .subnet("192.168.56.0/24")
        .registryAddress("192.168.56.1")
        .build();
  }

  /**
   * The seed write-up's layout for a target: CentOS 7 as in the write-up wherever it runs the
   * target (1.6-1.30, see {@link NodeOs#CENTOS_7}); from 1.31 the same three VMs on Ubuntu 24.04.
   * Empty for 1.5, which kubeadm did not support.
   *
   * @param lab the lab the cluster runs
   * @param target the Kubernetes version
   * @return the cluster, or empty when no supported box runs the target
   */
  public static Optional<LabCluster> seedCluster(SaltLab lab, KubernetesVersion target) {
    Optional<NodeOs> os = seedOs(target);
    if (os.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        builder()
            .lab(lab)
            .os(os.get())
            .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
            .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
            .addNodes(ClusterNode.worker("node2", "192.168.56.12"))
            .subnet("192.168.56.0/24")
            .registryAddress("192.168.56.1")
            .build());
  }

  /**
   * The seed cluster's OS for a target: CentOS 7 where it runs the target, Ubuntu 24.04 after it;
   * empty for targets no OS runs (1.5).
   */
  static Optional<NodeOs> seedOs(KubernetesVersion target) {
    int minor = target.minor();
    NodeOs os = minor <= NodeOs.CENTOS_7.maxMinor() ? NodeOs.CENTOS_7 : NodeOs.UBUNTU_24_04;
    return minor < os.minMinor() ? Optional.empty() : Optional.of(os);
  }

  /** Checks the whole cluster once it is built; throws every problem at once. */
  @Value.Check
  protected void check() {
    List<LabProblem> problems = ClusterChecks.check(this);
    if (!problems.isEmpty()) {
      throw new InvalidLabException("cluster '" + name() + "'", problems);
    }
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LabCluster}; nodes are added one by one, {@code from(cluster)} copies one. */
  public static class Builder extends ImmutableLabCluster.Builder {}
}
