package io.saltlab.bench;

import io.saltlab.topology.AppRole;
import io.saltlab.topology.MinionIdentity;
import io.saltlab.topology.Registry;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;

/**
 * Labs shaped like the cdk8s peer script ({@code cdk8s-lab.js}): a namespace {@code salt-lab}, a
 * pull Secret, a salt-master with its five host paths, and {@code ROLES} roles {@code role-<i>},
 * each one Deployment (fixed minion id) with one port 8080 and one environment variable {@code
 * SALT_ROLE}, plus its headless Service.
 *
 * <p>saltlab renders more than the peer for the same lab, because it wires Salt: an autosign
 * Secret, the master's ConfigMap, and per role a ConfigMap and the claim and volume that keep its
 * minion's keys (5 objects per role against 2).
 */
public final class BenchLabs {

  /** The lab sizes measured by the benchmarks and {@code run.sh}. */
  public static final int[] SIZES = {6, 100, 1000, 5000};

  /** A fake token; bench labs never hold a real one. */
  static final String TOKEN = "bench-token-not-a-secret";

  private BenchLabs() {}

  /**
   * Builds the lab of a given size (the model's checks included).
   *
   * @param roles how many roles
   * @return the lab
   */
  public static SaltLab lab(int roles) {
    return lab(roles, "salt-lab");
  }

  /**
   * Builds the lab of a given size under another name (and so namespace), for corpora of several
   * labs side by side.
   *
   * @param roles how many roles
   * @param labName the lab's name, a DNS-1123 label
   * @return the lab
   */
  public static SaltLab lab(int roles, String labName) {
    String registry = "registry.example.com";
    SaltLab.Builder b =
        SaltLab.builder()
            .name(labName)
            .registry(
                Registry.builder()
                    .server(registry)
                    .username("user")
                    .password(SecretValue.of("pass"))
                    .secretName("registry-pull")
                    .build())
            .master(
                SaltMaster.builder()
                    .image(registry + "/salt/master:2017.7")
                    .hostRoot("/home/vagrant/salt")
                    .node("kube0")
                    .build())
            .autosignToken(SecretValue.of(TOKEN))
            .minionImage(registry + "/salt/minion:2017.7");
    for (int i = 0; i < roles; i++) {
      String name = "role-" + i;
      b.addRoles(
          AppRole.builder()
              .name(name)
              .identity(MinionIdentity.FIXED)
              .addPorts(RolePort.of("app", 8080))
              .putEnv("SALT_ROLE", name)
              .build());
    }
    return b.build();
  }
}
