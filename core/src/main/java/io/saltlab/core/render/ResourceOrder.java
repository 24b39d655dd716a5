package io.saltlab.core.render;

import java.util.Comparator;
import java.util.List;

/**
 * The fixed order of objects in every output: Namespace, Secret, ConfigMap, volumes and their
 * claims, Service, workloads, then anything else; within a kind by namespace, then name.
 *
 * <p>This is also an order in which {@code kubectl apply -f} succeeds on an empty cluster: the
 * namespace exists before what lives in it, and secrets and config before the pods that mount them.
 */
public final class ResourceOrder {
  private static final List<String> KINDS =
      List.of(
          "Namespace",
          "ServiceAccount",
          "Secret",
          "ConfigMap",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Service",
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "Job");

  /** Compares rendered objects by the fixed order. */
  public static final Comparator<RenderedResource> COMPARATOR =
      Comparator.comparingInt((RenderedResource r) -> rank(r.kind()))
          .thenComparing(RenderedResource::kind)
          .thenComparing(RenderedResource::namespace)
          .thenComparing(RenderedResource::name);

  private ResourceOrder() {}

  /**
   * The position of a kind in the order; unknown kinds come last.
   *
   * @param kind a Kubernetes kind
   * @return its rank, lower first
   */
  public static int rank(String kind) {
    int i = KINDS.indexOf(kind);
    return i < 0 ? KINDS.size() : i;
  }
}
