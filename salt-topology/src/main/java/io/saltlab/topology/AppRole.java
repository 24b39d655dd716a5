package io.saltlab.topology;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Salt-provisioned role of the lab (zookeeper, hazelcast, a business app): a minion workload with
 * its own Service, which Salt turns into the role.
 */
@Value.Immutable
public abstract class AppRole implements WorkloadSettings {

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

  /**
   * How the role's minions keep a stable Salt minion id; {@link MinionIdentity#STATEFUL} unless
   * set, because it keeps ids stable for any number of replicas and works on every target.
   */
  @Value.Default
  public MinionIdentity identity() {
    return MinionIdentity.STATEFUL;
  }

  /**
   * The Salt minion ids the role's pods take, in ordinal order: {@code <name>-0}, {@code
   * <name>-1}... for {@link MinionIdentity#STATEFUL}, {@code <name>} for {@link
   * MinionIdentity#FIXED}. The master's top files and key list use these ids.
   *
   * @return the ids, empty when the role has no replicas
   */
  public java.util.List<String> minionIds() {
    if (identity() == MinionIdentity.FIXED) {
      return replicas() == 0 ? List.of() : List.of(name());
    }
    java.util.List<String> ids = new java.util.ArrayList<>(Math.max(0, replicas()));
    for (int i = 0; i < replicas(); i++) {
      ids.add(name() + "-" + i);
    }
    return java.util.Collections.unmodifiableList(ids);
  }

  /** Labels added to the role's pods beside the derived ones (which they may not override). */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> labels();

  /**
   * Environment variables whose value comes from a Secret or ConfigMap key or a field of the pod,
   * written sorted by name together with {@link #env()} (a name is in one of the two).
   */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, EnvSource> envValueFrom();

  /** Whole Secrets and ConfigMaps as environment ({@code envFrom}); from 1.6. */
  public abstract List<EnvFrom> envFrom();

  /**
   * Volumes the container mounts: per-member data (STATEFUL roles), existing claims, scratch space,
   * files of the lab, existing Secrets and ConfigMaps.
   */
  public abstract List<RoleVolume> volumes();

  /** The role's Service: headless unless set. */
  @Value.Default
  public Exposure exposure() {
    return Exposure.HEADLESS;
  }

  /**
   * Whether the role's pods prefer nodes that run none of its other pods: a preferred pod
   * anti-affinity on every target, and a topology spread constraint where the target has them
   * (1.18). False unless set.
   */
  @Value.Default
  public boolean spreadOverNodes() {
    return false;
  }

  /** A PodDisruptionBudget for the role's pods. */
  public abstract Optional<DisruptionBudget> disruptionBudget();

  /** Annotations of the role's pods (their template), for example {@code prometheus.io/scrape}. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> podAnnotations();

  /** Labels of the role's workload object (its StatefulSet or Deployment) only. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> workloadLabels();

  /** Annotations of the role's workload object only. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> workloadAnnotations();

  /** Labels of the role's Service only. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> serviceLabels();

  /** Annotations of the role's Service only, for example a load balancer's settings. */
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> serviceAnnotations();

  @Override
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> nodeSelector();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AppRole}; {@code from(role)} starts from an existing role. */
  public static class Builder extends ImmutableAppRole.Builder {}
}
