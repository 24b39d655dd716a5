/**
 * The Salt lab's domain model and its translation into Kubernetes manifests.
 *
 * <p>Start with {@link io.saltlab.topology.SaltLab#builder()}; render with {@link
 * io.saltlab.topology.SaltLab#render(String)}.
 */
@LabStyle
package io.saltlab.topology;
