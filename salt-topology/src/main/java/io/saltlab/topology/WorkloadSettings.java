package io.saltlab.topology;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What roles and the salt-master share beyond their image and command: resources, probes,
 * scheduling and security. Everything is optional; what is left unset is left out of the YAML.
 */
public interface WorkloadSettings {

  /** CPU, memory and ephemeral-storage requests and limits of the container. */
  Optional<Resources> resources();

  /** When the pod receives traffic: until it passes, its Service sends it none. */
  Optional<Probe> readinessProbe();

  /** When the container is restarted: after it fails its threshold. */
  Optional<Probe> livenessProbe();

  /** Holds the other probes back until the container has started; from 1.18. */
  Optional<Probe> startupProbe();

  /** Node labels the pods must run on, for example {@code disktype: ssd}. */
  SortedMap<String, String> nodeSelector();

  /** Taints the pods tolerate, so that they may run on nodes reserved for them. */
  List<Toleration> tolerations();

  /** The PriorityClass of the pods (one that exists in the cluster); from 1.11. */
  Optional<String> priorityClassName();

  /** The pods' securityContext. */
  Optional<PodSecurity> podSecurity();

  /** The container's securityContext. */
  Optional<ContainerSecurity> containerSecurity();
}
