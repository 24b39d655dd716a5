package io.saltlab.cluster;

/** What a node does in the cluster. */
public enum NodeRole {
  /** Runs {@code kubeadm init}: the API server, etcd, the scheduler; exactly one per cluster. */
  CONTROL_PLANE,
  /** Runs {@code kubeadm join} and the lab's pods. */
  WORKER
}
