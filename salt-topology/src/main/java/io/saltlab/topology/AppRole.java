package io.saltlab.topology;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Salt-provisioned role of the lab (zookeeper, hazelcast, a business app): a minion workload
 * with its own Service, which Salt turns into the role.
 */
@Value.Immutable
public abstract class AppRole {

  /** The role's name; also its Service's and workload's name, for example {@code zookeeper}. */
  public abstract String name();

  /** The role's image; the lab's minion image when absent. */
  public abstract Optional<String> image();

  /** How many pods run the role; 1 unless set. */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** The container command; {@code salt-minion} unless set, since Salt provisions the role. */
  @Value.Default
  public List<String> command() {
    return List.of("salt-minion");
  }

  /** The container arguments; none unless set. */
  public abstract List<String> args();

  /** Ports the role's container listens on and its Service exposes. */
  public abstract List<RolePort> ports();

  /** Environment variables of the role's container, written sorted by name. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> env();

  /** Labels added to the role's pods beside the derived ones (which they may not override). */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> labels();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AppRole}; every attribute is set once. */
  public static class Builder extends ImmutableAppRole.Builder {}
}
