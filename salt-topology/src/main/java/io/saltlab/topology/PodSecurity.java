package io.saltlab.topology;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The pod-level {@code securityContext} of a role's or the master's pods. Every setting is
 * optional; what is left unset is left out of the YAML.
 */
@Value.Immutable
public abstract class PodSecurity {

  /** The seccomp profiles a pod can run under. */
  public enum Seccomp {
    /** The container runtime's default profile. */
    RuntimeDefault,
    /** No seccomp filtering. */
    Unconfined
  }

  /** Whether the kubelet refuses to start containers whose user is root. */
  public abstract Optional<Boolean> runAsNonRoot();

  /** The user id containers run as. */
  public abstract Optional<Long> runAsUser();

  /** The group id containers run as; from 1.14. */
  public abstract Optional<Long> runAsGroup();

  /** The group that owns mounted volumes and is added to every container's groups. */
  public abstract Optional<Long> fsGroup();

  /**
   * The seccomp profile: the {@code seccompProfile} field from 1.19, the alpha pod annotation on
   * older targets.
   */
  public abstract Optional<Seccomp> seccompProfile();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PodSecurity}. */
  public static class Builder extends ImmutablePodSecurity.Builder {}
}
