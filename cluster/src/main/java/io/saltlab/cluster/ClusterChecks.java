package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.LabProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole-cluster checks: every problem of a {@link LabCluster} in one list, so that one {@link
 * io.saltlab.topology.InvalidLabException} reports them all.
 */
final class ClusterChecks {
  /** RFC 1123 label: a host name and a Kubernetes node name. */
  private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** What may go into a proxy URL or NO_PROXY entry: no quotes, spaces or shell characters. */
  private static final Pattern PROXY = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?");

  private static final Pattern NO_PROXY_ENTRY = Pattern.compile("[A-Za-z0-9.*/:-]+");
  private static final Pattern HTTPS_URL =
      Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[A-Za-z0-9._~/%+-]*");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern BOX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  /**
   * The salt-master's host root as the scripts can write it bare: the lab allows any absolute path,
   * but a space, quote or backquote would end or escape the shell word it is written in.
   */
  private static final Pattern HOST_ROOT = Pattern.compile("/[A-Za-z0-9._+/-]*");

  private final List<LabProblem> problems = new ArrayList<>();

  private ClusterChecks() {}

  static List<LabProblem> check(LabCluster cluster) {
    ClusterChecks c = new ClusterChecks();
    c.cluster(cluster);
    return c.problems;
  }

  /** The checks that depend on the target version: what the OS and the add-on can run. */
  static List<LabProblem> checkTarget(LabCluster cluster, KubernetesVersion target) {
    ClusterChecks c = new ClusterChecks();
    NodeOs os = cluster.os();
    if (target.minor() < os.minMinor() || target.minor() > os.maxMinor()) {
      String range =
          os.cgroupV2()
              ? "1." + os.minMinor() + " or later (cgroup v2 support went GA in 1.25)"
              : "1."
                  + os.minMinor()
                  + " to 1."
                  + os.maxMinor()
                  + " (Docker built containerd for CentOS 7 until 2024-06-30, before the 1.6.34"
                  + " containerd asks for from 1.31; kubeadm refuses its 3.10 kernel from 1.32 and"
                  + " the kubelet its cgroup v1 from 1.35; kubeadm before 1.6 had other flags)";
      c.add(
          "os",
          os.name(),
          os.displayName() + " runs Kubernetes " + range + ", not " + target,
          os.cgroupV2() ? "CENTOS_7 for 1." + Math.max(target.minor(), 6) : "UBUNTU_24_04");
    }
    if (target.minor() < cluster.networkAddon().minMinor()
        && cluster.addonManifestUrl().isEmpty()) {
      c.add(
          "networkAddon",
          cluster.networkAddon().name(),
          "an add-on with a release its project supports on Kubernetes "
              + target
              + " ("
              + cluster.networkAddon().name()
              + " has one from 1."
              + cluster.networkAddon().minMinor()
              + "), or an addonManifestUrl",
          "FLANNEL");
    }
    return c.problems;
  }

  private void cluster(LabCluster cluster) {
    hostname("name", cluster.name(), "salt-lab");
    if (cluster.lab().registry().username().isEmpty()) {
      // An existing pull Secret needs no user in the lab, but the nodes still log in to the
      // registry at provision time (the password then comes from SALTLAB_REGISTRY_PASSWORD).
      add(
          "lab.registry.username",
          "(missing)",
          "the user the nodes log in to "
              + cluster.lab().registry().server()
              + " as, with the password from SALTLAB_REGISTRY_PASSWORD at provision time",
          "deployer");
    }
    String hostRoot = cluster.lab().master().hostRoot();
    if (!HOST_ROOT.matcher(hostRoot).matches()) {
      add(
          "lab.master.hostRoot",
          hostRoot,
          "an absolute path of letters, digits and . _ + - / for the provisioning scripts",
          "/home/vagrant/salt");
    }
    if (!BOX.matcher(cluster.box()).matches()) {
      add("box", cluster.box(), "a Vagrant box name such as owner/name", cluster.os().defaultBox());
    }
    Optional<Ipv4.Cidr> pods = cidr("podNetworkCidr", cluster.podNetworkCidr(), "10.244.0.0/16");
    Optional<Ipv4.Cidr> services = cidr("serviceCidr", cluster.serviceCidr(), "10.96.0.0/12");
    if (pods.isPresent() && services.isPresent() && pods.get().overlaps(services.get())) {
      add(
          "serviceCidr",
          cluster.serviceCidr(),
          "a range that does not overlap podNetworkCidr " + cluster.podNetworkCidr(),
          "10.96.0.0/12");
    }
    Optional<Ipv4.Cidr> declared =
        cluster.subnet().flatMap(s -> cidr("subnet", s, "192.168.56.0/24"));
    nodes(cluster, declared, pods, services);
    proxy("httpProxy", cluster.httpProxy());
    proxy("httpsProxy", cluster.httpsProxy());
    for (int i = 0; i < cluster.noProxy().size(); i++) {
      String entry = cluster.noProxy().get(i);
      if (!NO_PROXY_ENTRY.matcher(entry).matches()) {
        add(
            "noProxy[" + i + "]",
            entry,
            "a host, domain, address or CIDR without spaces, commas or quotes",
            ".example.com");
      }
    }
    cluster
        .addonManifestUrl()
        .ifPresent(
            url -> {
              if (!HTTPS_URL.matcher(url).matches()) {
                add(
                    "addonManifestUrl",
                    url,
                    "an https URL of a manifest, without quotes, spaces or query",
                    "https://github.com/flannel-io/flannel/releases/download/v0.26.1/kube-flannel.yml");
              }
            });
    cluster
        .registryAddress()
        .ifPresent(
            a -> {
              if (Ipv4.parse(a).isEmpty()) {
                add("registryAddress", a, "the registry's IPv4 address", "192.168.56.1");
              } else {
                for (ClusterNode n : cluster.nodes()) {
                  if (n.ip().equals(a)) {
                    add(
                        "registryAddress",
                        a,
                        "an address no node uses (node " + n.name() + " has it)",
                        "192.168.56.1");
                  }
                }
              }
              if (Ipv4.parse(cluster.registryHost()).isPresent()) {
                add(
                    "registryAddress",
                    a,
                    "no address: registry.server "
                        + cluster.lab().registry().server()
                        + " is already an IP address",
                    null);
              }
            });
    cluster
        .registryCaFile()
        .ifPresent(
            f -> {
              if (!FILE_NAME.matcher(f).matches() || f.contains("..")) {
                add(
                    "registryCaFile",
                    f,
                    "a file name beside the Vagrantfile, without folders",
                    "registry-ca.crt");
              }
            });
  }

  private void nodes(
      LabCluster cluster,
      Optional<Ipv4.Cidr> declared,
      Optional<Ipv4.Cidr> pods,
      Optional<Ipv4.Cidr> services) {
    List<ClusterNode> nodes = cluster.nodes();
    if (nodes.isEmpty()) {
      add(
          "nodes",
          "[]",
          "at least one node, the control plane",
          "ClusterNode.controlPlane(\"kube0\", \"192.168.56.10\")");
      return;
    }
    Optional<Ipv4.Cidr> subnet = declared;
    if (cluster.subnet().isEmpty()) {
      subnet = Ipv4.parse(nodes.get(0).ip()).map(Ipv4::slash24);
    }
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> ips = new HashMap<>();
    int controlPlanes = 0;
    for (int i = 0; i < nodes.size(); i++) {
      ClusterNode n = nodes.get(i);
      String at = "nodes[" + i + "]";
      hostname(at + ".name", n.name(), "node" + (i + 1));
      Integer sameName = names.putIfAbsent(n.name(), i);
      if (sameName != null) {
        add(
            at + ".name",
            n.name(),
            "a name no other node uses (nodes[" + sameName + "] has it)",
            n.name() + "-" + i);
      }
      Optional<Long> ip = Ipv4.parse(n.ip());
      if (ip.isEmpty()) {
        add(at + ".ip", n.ip(), "an IPv4 address on the private network", "192.168.56." + (10 + i));
      } else {
        Integer sameIp = ips.putIfAbsent(n.ip(), i);
        if (sameIp != null) {
          add(
              at + ".ip",
              n.ip(),
              "an address no other node uses (nodes[" + sameIp + "] has it)",
              null);
        }
        if (subnet.isPresent()) {
          Ipv4.Cidr s = subnet.get();
          if (!s.contains(ip.get())) {
            add(
                at + ".ip",
                n.ip(),
                "an address in the nodes' subnet "
                    + s
                    + (cluster.subnet().isEmpty()
                        ? " (the first node's /24; declare subnet to widen it)"
                        : ""),
                null);
          } else if (s.prefix() < 31 && (ip.get() == s.network() || ip.get() == s.last())) {
            add(
                at + ".ip",
                n.ip(),
                "a host address, not the network or broadcast address of " + s,
                null);
          }
        }
        if (pods.isPresent() && pods.get().contains(ip.get())) {
          add(
              at + ".ip",
              n.ip(),
              "an address outside podNetworkCidr "
                  + pods.get()
                  + " (pod routes would shadow the node)",
              null);
        }
        if (services.isPresent() && services.get().contains(ip.get())) {
          add(at + ".ip", n.ip(), "an address outside serviceCidr " + services.get(), null);
        }
      }
      if (n.cpus() < 1 || n.cpus() > 64) {
        add(at + ".cpus", String.valueOf(n.cpus()), "between 1 and 64 virtual CPUs", "2");
      } else if (n.role() == NodeRole.CONTROL_PLANE && n.cpus() < 2) {
        add(
            at + ".cpus",
            String.valueOf(n.cpus()),
            "at least 2 CPUs on the control plane (kubeadm's preflight check)",
            "2");
      }
      if (n.memoryMb() < 1024 || n.memoryMb() > 262144) {
        add(at + ".memoryMb", String.valueOf(n.memoryMb()), "between 1024 and 262144 MiB", "2048");
      }
      if (n.role() == NodeRole.CONTROL_PLANE) {
        controlPlanes++;
      }
    }
    if (controlPlanes != 1) {
      add(
          "nodes",
          controlPlanes + " control-plane nodes",
          "exactly one node with role CONTROL_PLANE (kubeadm init runs once)",
          "ClusterNode.controlPlane(\"kube0\", \"192.168.56.10\")");
    }
    if (subnet.isPresent() && pods.isPresent() && subnet.get().overlaps(pods.get())) {
      add(
          "podNetworkCidr",
          cluster.podNetworkCidr(),
          "a range that does not overlap the nodes' subnet " + subnet.get(),
          "10.244.0.0/16");
    }
    if (subnet.isPresent() && services.isPresent() && subnet.get().overlaps(services.get())) {
      add(
          "serviceCidr",
          cluster.serviceCidr(),
          "a range that does not overlap the nodes' subnet " + subnet.get(),
          "10.96.0.0/12");
    }
    String masterNode = cluster.lab().master().node();
    if (!names.containsKey(masterNode)) {
      add(
          "lab.master.node",
          masterNode,
          "the name of the cluster node that holds the salt-master's host paths, one of "
              + names.keySet().stream().sorted().toList(),
          nodes.get(0).name());
    }
  }

  private Optional<Ipv4.Cidr> cidr(String field, String value, String example) {
    Optional<Ipv4.Cidr> c = Ipv4.parseCidr(value);
    if (c.isEmpty() || c.get().prefix() < 8 || c.get().prefix() > 30) {
      add(
          field,
          value,
          "an IPv4 network a.b.c.d/n with n between 8 and 30 and no host bits set",
          example);
      return Optional.empty();
    }
    return c;
  }

  private void proxy(String field, Optional<String> url) {
    url.ifPresent(
        u -> {
          if (!PROXY.matcher(u).matches()) {
            // Credentials in the URL are masked: the message must not print a password either.
            add(
                field,
                u.replaceAll("//[^/@]*@", "//****@"),
                "a proxy URL http[s]://host[:port] without credentials (they would land in"
                    + " generated files)",
                "http://proxy.example.com:3128");
          }
        });
  }

  private void hostname(String field, String value, String example) {
    if (!HOSTNAME.matcher(value).matches()) {
      add(
          field,
          value,
          "a host name: lower-case letters, digits and '-', starting and ending with a letter or"
              + " digit, at most 63 characters",
          example);
    }
  }

  private void add(String field, String value, String expected, String example) {
    problems.add(new LabProblem(field, value, expected, example));
  }
}
