package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.util.Objects;

/**
 * Adds a {@code tcpSocket} liveness or readiness probe to one container of the named workload.
 *
 * <p>dekorate's AddLivenessProbeDecorator and AddReadinessProbeDecorator build a logger through
 * jansi, which saltlab keeps off its classpath; this decorator writes the same probe without it.
 */
public final class AddTcpProbeDecorator extends ContainerDecorator {

  /** Which probe of the container to set. */
  public enum Kind {
    /** The kubelet restarts the container when this probe fails. */
    LIVENESS,
    /** The pod leaves its Services' endpoints while this probe fails. */
    READINESS
  }

  private final Kind kind;
  private final Probe probe;

  /**
   * Creates the decorator.
   *
   * @param workloadName {@code metadata.name} of the workload to change
   * @param containerName the container to probe
   * @param kind liveness or readiness
   * @param port the container port the kubelet connects to
   * @param initialDelaySeconds seconds after start before the first probe
   * @param periodSeconds seconds between probes
   * @param timeoutSeconds seconds before one probe counts as failed
   * @param failureThreshold consecutive failures before the probe fails
   */
  public AddTcpProbeDecorator(
      String workloadName,
      String containerName,
      Kind kind,
      int port,
      int initialDelaySeconds,
      int periodSeconds,
      int timeoutSeconds,
      int failureThreshold) {
    super(
        Objects.requireNonNull(workloadName, "workloadName"),
        Objects.requireNonNull(containerName, "containerName"));
    this.kind = Objects.requireNonNull(kind, "kind");
    this.probe =
        new ProbeBuilder()
            .withNewTcpSocket()
            .withPort(new IntOrString(port))
            .endTcpSocket()
            .withInitialDelaySeconds(initialDelaySeconds)
            .withPeriodSeconds(periodSeconds)
            .withTimeoutSeconds(timeoutSeconds)
            .withSuccessThreshold(1)
            .withFailureThreshold(failureThreshold)
            .build();
  }

  /**
   * Sets the probe, replacing any probe of the same kind.
   *
   * @param container the matched container
   */
  @Override
  protected void change(ContainerBuilder container) {
    // with*Probe copies the probe into the container's own builder; the shared one stays as is.
    if (kind == Kind.LIVENESS) {
      container.withLivenessProbe(probe);
    } else {
      container.withReadinessProbe(probe);
    }
  }
}
