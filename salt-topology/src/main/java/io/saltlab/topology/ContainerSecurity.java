package io.saltlab.topology;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The container-level {@code securityContext} of a role's or the master's container. Every setting
 * is optional; what is left unset is left out of the YAML.
 */
@Value.Immutable
public abstract class ContainerSecurity {

  /** Whether the kubelet refuses to start the container as root. */
  public abstract Optional<Boolean> runAsNonRoot();

  /** The user id the container runs as. */
  public abstract Optional<Long> runAsUser();

  /** The group id the container runs as; from 1.14. */
  public abstract Optional<Long> runAsGroup();

  /** Whether the container's root file system is read-only. */
  public abstract Optional<Boolean> readOnlyRootFilesystem();

  /** Whether a process may gain more privileges than its parent (setuid); from 1.8. */
  public abstract Optional<Boolean> allowPrivilegeEscalation();

  /** Linux capabilities added, for example {@code NET_BIND_SERVICE}. */
  public abstract List<String> capabilitiesAdd();

  /** Linux capabilities dropped, for example {@code ALL}. */
  public abstract List<String> capabilitiesDrop();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ContainerSecurity}. */
  public static class Builder extends ImmutableContainerSecurity.Builder {}
}
