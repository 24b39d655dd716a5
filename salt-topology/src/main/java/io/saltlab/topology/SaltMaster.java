package io.saltlab.topology;

import java.util.List;
import org.immutables.value.Value;

/**
 * The salt-master workload: its image and command, its two ports, and the node directory under
 * which its five host-path directories live.
 */
@Value.Immutable
public abstract class SaltMaster implements WorkloadSettings {

  /** Name of the master's Service and workload; {@code salt-master} unless set. */
  @Value.Default
  public String name() {
    return "salt-master";
  }

  /** The master's image, for example {@code registry.example.com:5000/salt/master:3006.9}. */
  public abstract String image();

  /** The container command; {@code salt-master} unless set. */
  @Value.Default
  public List<String> command() {
    return List.of("salt-master");
  }

  /** The container arguments; {@code --config-dir=<mountRoot>/conf} unless set. */
  @Value.Default
  public List<String> args() {
    return List.of("--config-dir=" + mountPath(SaltDirectory.CONF));
  }

  /** Salt's publish port (minions subscribe); 4505 unless set. */
  @Value.Default
  public int publishPort() {
    return 4505;
  }

  /** Salt's return port (minions reply); 4506 unless set. */
  @Value.Default
  public int returnPort() {
    return 4506;
  }

  /**
   * Absolute directory on the node under which the five Salt directories live, for example {@code
   * /srv/salt} (holding {@code /srv/salt/conf}, {@code /srv/salt/states}...). No {@code $HOME} or
   * {@code ~}: Kubernetes never expands them.
   */
  public abstract String hostRoot();

  /**
   * The node that holds the host-path directories, as its {@code kubernetes.io/hostname} label
   * shows it ({@code kubectl get nodes -L kubernetes.io/hostname}), for example {@code kube0}. The
   * master is pinned there: elsewhere it would start with empty configuration and lose its keys.
   */
  public abstract String node();

  /**
   * Directory in the container under which the five directories are mounted; {@code /salt} unless
   * set.
   */
  @Value.Default
  public String mountRoot() {
    return "/salt";
  }

  /**
   * The node directory of one Salt directory.
   *
   * @param directory which directory
   * @return {@code hostRoot/<name>}
   */
  public String hostPath(SaltDirectory directory) {
    return join(hostRoot(), directory.directoryName());
  }

  /**
   * The container directory of one Salt directory.
   *
   * @param directory which directory
   * @return {@code mountRoot/<name>}
   */
  public String mountPath(SaltDirectory directory) {
    return join(mountRoot(), directory.directoryName());
  }

  private static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }

  /**
   * {@inheritDoc} Beside these, the master is always pinned to {@link #node()} by its {@code
   * kubernetes.io/hostname} label, which may not be given here.
   */
  @Override
  @Value.NaturalOrder
  public abstract java.util.SortedMap<String, String> nodeSelector();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SaltMaster}; {@code from(master)} starts from an existing one. */
  public static class Builder extends ImmutableSaltMaster.Builder {}
}
