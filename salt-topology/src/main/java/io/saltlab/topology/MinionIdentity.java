package io.saltlab.topology;

/**
 * How the pods of a role get a Salt minion id that the master can keep trusting: the id names the
 * minion's accepted key, so it must not change when a pod is replaced.
 */
public enum MinionIdentity {
  /**
   * A StatefulSet: pod {@code <role>-<ordinal>} gets minion id {@code <role>-<ordinal>} from its
   * host name, for any number of replicas, and keeps it when the pod is rescheduled.
   */
  STATEFUL,
  /**
   * The seed's Deployment with at most one replica and the fixed minion id {@code <role>}; its pods
   * are replaced with the Recreate strategy so that two pods never claim the id at once.
   */
  FIXED
}
