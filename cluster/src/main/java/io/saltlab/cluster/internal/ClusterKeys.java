package io.saltlab.cluster.internal;

import static io.saltlab.topology.spec.internal.SpecKey.optional;
import static io.saltlab.topology.spec.internal.SpecKey.required;
import static io.saltlab.topology.spec.internal.SpecType.choice;
import static io.saltlab.topology.spec.internal.SpecType.listOf;
import static io.saltlab.topology.spec.internal.SpecType.text;
import static io.saltlab.topology.spec.internal.SpecType.whole;

import io.saltlab.topology.spec.internal.SpecExtension;
import io.saltlab.topology.spec.internal.SpecKey;
import io.saltlab.topology.spec.internal.SpecSection;
import io.saltlab.topology.spec.internal.SpecType.Choice;

/**
 * The {@code cluster:} section of lab spec files: the keys of {@code LabCluster.builder()}, name
 * for name, so that the cluster's checks report their problems at the lines of the file. Installed
 * through {@link java.util.ServiceLoader}: every spec reader on a classpath holding saltlab-cluster
 * accepts the section, checks it strictly and includes it in the generated JSON Schema; {@code
 * io.saltlab.cluster.ClusterSpec} builds the cluster from it.
 */
public final class ClusterKeys implements SpecExtension {
  /** The top-level key. */
  public static final String KEY = "cluster";

  private static final String IPV4 = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$";
  private static final String CIDR = "^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$";
  private static final String HOST_NAME = "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  private static final SpecSection NODE =
      SpecSection.builder("One Vagrant VM of the cluster.")
          .key(
              required(
                  "name",
                  text().matching(HOST_NAME),
                  "Host name and Vagrant machine name, an RFC 1123 label such as kube0."))
          .key(
              required(
                  "ip",
                  text().matching(IPV4),
                  "IPv4 address on the VMs' private network, for example 192.168.56.10;"
                      + " Kubernetes uses it rather than the NAT interface every VM shares."))
          .key(
              optional(
                      "role",
                      choice(
                          new Choice("CONTROL_PLANE", "runs kubeadm init; exactly one node"),
                          new Choice("WORKER", "runs kubeadm join and the lab's pods")),
                      "What the node does.")
                  .byDefault("WORKER"))
          .key(
              optional(
                      "cpus",
                      whole().between(1, 64),
                      "Virtual CPUs (kubeadm's preflight wants 2 on the control plane).")
                  .byDefault(2))
          .key(
              optional("memoryMb", whole().between(1024, 262144), "Memory in MiB.").byDefault(2048))
          .build();

  private static final SpecSection CLUSTER =
      SpecSection.builder(
              "The Vagrant VMs under the lab and their kubeadm bootstrap; render writes them into"
                  + " <out>/<target>/cluster/. The registry and the salt-master's node come from"
                  + " the lab.")
          .key(
              optional(
                  "name",
                  text().matching(HOST_NAME),
                  "Prefix of the VirtualBox VM names (<name>-<node>); the lab's name unless set."))
          .key(
              optional(
                  "os",
                  choice(
                      new Choice("CENTOS_7", "CentOS 7: kernel 3.10, cgroup v1; 1.6-1.30"),
                      new Choice("DEBIAN_12", "Debian 12: kernel 6.1, cgroup v2; 1.25 and later"),
                      new Choice(
                          "UBUNTU_24_04", "Ubuntu 24.04: kernel 6.8, cgroup v2; 1.25 and later")),
                  "The operating system of every node. Unless set, each target gets the seed"
                      + " cluster's: CentOS 7 for 1.6-1.30, Ubuntu 24.04 from 1.31."))
          .key(
              optional(
                  "box",
                  text(),
                  "The Vagrant box, only together with os; the OS's own box unless set."))
          .key(
              required(
                  "nodes",
                  listOf(NODE),
                  "The VMs, control plane first by convention; Vagrant brings them up in this"
                      + " order."))
          .key(
              optional(
                  "subnet",
                  text().matching(CIDR),
                  "The nodes' private network, for example 192.168.56.0/24; unless set, every node"
                      + " must be in the first node's /24."))
          .key(
              optional(
                      "podNetworkCidr",
                      text().matching(CIDR),
                      "The pods' addresses (kubeadm init --pod-network-cidr).")
                  .byDefault("10.244.0.0/16"))
          .key(
              optional(
                      "serviceCidr",
                      text().matching(CIDR),
                      "The Services' addresses (kubeadm init --service-cidr).")
                  .byDefault("10.96.0.0/12"))
          .key(
              optional(
                      "networkAddon",
                      choice(
                          new Choice("FLANNEL", "flannel (VXLAN), a pinned release per target"),
                          new Choice("CALICO", "Calico, a pinned release per target from 1.22")),
                      "The pod network add-on.")
                  .byDefault("FLANNEL"))
          .key(
              optional(
                  "addonManifestUrl",
                  text().matching("^https://"),
                  "An https URL of an add-on manifest to apply instead of the pinned release."))
          .key(
              optional(
                  "httpProxy",
                  text(),
                  "The proxy for http URLs, for example http://proxy.example.com:3128; none unless"
                      + " set."))
          .key(optional("httpsProxy", text(), "The proxy for https URLs; none unless set."))
          .key(
              optional(
                  "noProxy",
                  listOf(text()),
                  "Extra NO_PROXY entries (hosts, domains such as .example.com, CIDRs); the nodes,"
                      + " the registry and both ranges are always in it."))
          .key(
              optional(
                  "registryAddress",
                  text().matching(IPV4),
                  "The registry's IPv4 address for every node's /etc/hosts when its name is not in"
                      + " DNS, for example 192.168.56.1 for a registry on the Vagrant host."))
          .key(
              optional(
                  "registryCaFile",
                  text(),
                  "The registry's CA certificate, a file beside the Vagrantfile such as"
                      + " registry-ca.crt; unless set the registry is trusted as an insecure one."))
          .build();

  /** Creates the extension; {@link java.util.ServiceLoader} calls this. */
  public ClusterKeys() {}

  /** The optional top-level {@code cluster:} key and its section. */
  @Override
  public SpecKey key() {
    return optional(
        KEY,
        CLUSTER,
        "The VMs and kubeadm bootstrap under the lab (saltlab-cluster); no cluster/ is written"
            + " unless set.");
  }
}
