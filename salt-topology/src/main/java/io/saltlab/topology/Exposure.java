package io.saltlab.topology;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a role is reached: the type of its Service, and for {@link Type#NodePort} the node ports
 * fixed by port name (the others are chosen by the cluster).
 *
 * @param type the Service's type
 * @param nodePorts port name to a fixed node port in the cluster's range (30000-32767 unless the
 *     cluster was set up otherwise), only for {@link Type#NodePort}
 */
public record Exposure(Type type, SortedMap<String, Integer> nodePorts) {

  /** The Service types, under the names Kubernetes and spec files use. */
  public enum Type {
    /**
     * A headless Service ({@code clusterIP: None}): DNS names for the pods, no virtual IP; what a
     * StatefulSet's members need to find each other. The default.
     */
    Headless,
    /** A virtual IP inside the cluster. */
    ClusterIP,
    /** A virtual IP, and a port on every node. */
    NodePort,
    /** A NodePort Service and a load balancer of the cloud in front of it. */
    LoadBalancer,
    /** No Service; only for roles of identity FIXED (a StatefulSet needs its Service). */
    None
  }

  /** Checks the parts and keeps a sorted, unmodifiable copy of the node ports. */
  public Exposure {
    Objects.requireNonNull(type, "type");
    nodePorts = Collections.unmodifiableSortedMap(new TreeMap<>(nodePorts));
  }

  /** Today's default: a headless Service. */
  public static final Exposure HEADLESS = new Exposure(Type.Headless, new TreeMap<>());

  /**
   * A Service of a type, with no fixed node port.
   *
   * @param type the type
   * @return the exposure
   */
  public static Exposure of(Type type) {
    return new Exposure(type, new TreeMap<>());
  }

  /**
   * A NodePort Service with fixed node ports.
   *
   * @param nodePorts port name to node port, for example {@code Map.of("http", 30080)}
   * @return the exposure
   */
  public static Exposure nodePort(Map<String, Integer> nodePorts) {
    return new Exposure(Type.NodePort, new TreeMap<>(nodePorts));
  }
}
