package io.saltlab.topology;

/** The container resources a role can request and limit, under their Kubernetes names. */
public enum ResourceName {
  /** CPU, in cores: {@code 500m} is half a core. */
  CPU("cpu"),
  /** Memory, in bytes: {@code 512Mi}. */
  MEMORY("memory"),
  /** Local scratch disk (writable layer, logs, emptyDir), in bytes: {@code 1Gi}; from 1.10. */
  EPHEMERAL_STORAGE("ephemeral-storage");

  private final String key;

  ResourceName(String key) {
    this.key = key;
  }

  /** The name as Kubernetes and spec files write it, for example {@code ephemeral-storage}. */
  public String key() {
    return key;
  }
}
