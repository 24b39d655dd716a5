/**
 * The cluster under a lab: the Vagrant VMs, their provisioning (container runtime, kubeadm,
 * registry trust and credentials) and the salt-master's host directories, all rendered from one
 * {@link io.saltlab.cluster.LabCluster} that takes its registry from the lab's {@link
 * io.saltlab.topology.Registry}.
 *
 * <p>Start with {@link io.saltlab.cluster.LabCluster#builder()} or {@link
 * io.saltlab.cluster.LabCluster#seedCluster(io.saltlab.topology.SaltLab)}; render with {@link
 * io.saltlab.cluster.LabCluster#render(io.saltlab.core.KubernetesVersion)}.
 */
@LabStyle
package io.saltlab.cluster;

import io.saltlab.topology.LabStyle;
