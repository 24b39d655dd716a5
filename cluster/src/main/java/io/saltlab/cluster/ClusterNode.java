package io.saltlab.cluster;

import org.immutables.value.Value;

/**
 * One Vagrant VM of the cluster: its host name, its address on the private network, its role and
 * its size.
 */
@Value.Immutable
public abstract class ClusterNode {

  /** Host name and Vagrant machine name, an RFC 1123 label such as {@code kube0}. */
  public abstract String name();

  /**
   * IPv4 address on the VMs' private network, for example {@code 192.168.56.10}. Kubernetes must
   * use it rather than the NAT interface's 10.0.2.15, which every VirtualBox VM shares.
   */
  public abstract String ip();

  /** Control plane or worker; {@link NodeRole#WORKER} unless set. */
  @Value.Default
  public NodeRole role() {
    return NodeRole.WORKER;
  }

  /** Virtual CPUs; 2 unless set (kubeadm's preflight wants 2 on the control plane). */
  @Value.Default
  public int cpus() {
    return 2;
  }

  /** Memory in MiB; 2048 unless set. */
  @Value.Default
  public int memoryMb() {
    return 2048;
  }

  /**
   * A control-plane node with the default size.
   *
   * @param name host name
   * @param ip private IPv4 address
   * @return the node
   */
  public static ClusterNode controlPlane(String name, String ip) {
    return builder().name(name).ip(ip).role(NodeRole.CONTROL_PLANE).build();
  }

  /**
   * A worker node with the default size.
   *
   * @param name host name
   * @param ip private IPv4 address
   * @return the node
   */
  public static ClusterNode worker(String name, String ip) {
    return builder().name(name).ip(ip).role(NodeRole.WORKER).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClusterNode}; {@code from(node)} starts from an existing node. */
  public static class Builder extends ImmutableClusterNode.Builder {}
}
