package io.saltlab.examples;

import io.saltlab.topology.AppRole;
import io.saltlab.topology.MinionIdentity;
import io.saltlab.topology.Registry;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;

/**
 * The lab of the seed write-up ("Le Labo #23"), as code: a namespace, the private registry's pull
 * Secret, a salt-master with its five host-path directories, a plain salt-minion, a zookeeper, a
 * hazelcast and four business apps on the minion image, wired to Salt: every minion finds the
 * master by its Service name, is accepted through the lab token and applies its role's states.
 *
 * <p>The write-up's own YAML had defects (a {@code hostpath} typo, selectors matching no pod,
 * {@code $HOME} in host paths); the typed model cannot express them.
 */
public final class SeedLab {

  /**
   * An obviously fake password, so that golden files and examples never hold a real one. Real labs
   * load theirs with {@link SecretValue#fromEnv(String)} or {@link SecretValue#fromFile}.
   */
  public static final String EXAMPLE_PASSWORD = "example-password-not-a-secret";

  /**
   * An obviously fake autosign token for the same reason. Real labs load theirs with {@link
   * SecretValue#fromEnv(String)} or {@link SecretValue#fromFile}, for example from {@code openssl
   * rand -hex 32}.
   */
  public static final String EXAMPLE_TOKEN = "example-token-not-a-secret";

  private SeedLab() {}

  /**
   * The seed lab with the example password and token.
   *
   * @return the lab
   */
  public static SaltLab lab() {
    return lab(SecretValue.of(EXAMPLE_PASSWORD), SecretValue.of(EXAMPLE_TOKEN));
  }

  /**
   * The seed lab with a given registry password and autosign token.
   *
   * @param registryPassword the pull Secret's password
   * @param autosignToken the token that lets the lab's minions in without a manual key accept
   * @return the lab
   */
  public static SaltLab lab(SecretValue registryPassword, SecretValue autosignToken) {
    String registry = "registry.lab.local:5000";
    return SaltLab.builder()
        .name("salt-lab")
        .registry(
            Registry.builder()
                .server(registry)
                .username("lab")
                .password(registryPassword)
                .email("lab@example.com")
                .build())
        .master(
            SaltMaster.builder()
                .image(registry + "/salt/master:3006.9")
                .hostRoot("/home/vagrant/salt")
                // The write-up's control-plane VM, where the salt directories were created.
                .node("kube0")
                .build())
        .autosignToken(autosignToken)
        .minionImage(registry + "/salt/minion:3006.9")
        // The write-up's plain minion keeps the Deployment form: one pod, the fixed id salt-minion.
        .addRoles(AppRole.builder().name("salt-minion").identity(MinionIdentity.FIXED).build())
        .addRoles(
            AppRole.builder()
                .name("zookeeper")
                .image(registry + "/salt/minion-zookeeper:3006.9")
                .addPorts(
                    RolePort.of("client", 2181),
                    RolePort.of("peer", 2888),
                    RolePort.of("election", 3888))
                .putEnv("ZOO_MY_ID", "1")
                .build())
        .addRoles(
            AppRole.builder()
                .name("hazelcast")
                .image(registry + "/salt/minion-hazelcast:3006.9")
                .addPorts(RolePort.of("member", 5701))
                .putEnv("JAVA_OPTS", "-Xmx512m")
                .build())
        .addRoles(businessApp("billing", 8080))
        .addRoles(businessApp("catalog", 8081))
        .addRoles(businessApp("orders", 8082))
        .addRoles(businessApp("shipping", 8083))
        .build();
  }

  private static AppRole businessApp(String name, int port) {
    return AppRole.builder()
        .name(name)
        .image("registry.lab.local:5000/salt/minion-business:3006.9")
        .addPorts(RolePort.of("http", port))
        .putEnv("APP_NAME", name)
        .putLabels("tier", "business")
        .build();
  }
}
