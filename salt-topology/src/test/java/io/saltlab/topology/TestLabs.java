package io.saltlab.topology;

/**
 * Small labs for tests, built from one place so each test only states what it changes (defaults are
 * filled in here; {@code SaltLab.builder().from(lab)} changes one part of a finished lab).
 */
final class TestLabs {
  /** A fake token, never a real one. */
  static final String TOKEN = "test-token-not-a-secret-0123";

  /** What a test may change in a lab; everything else takes the values below. */
  static final class Spec {
    String name = "lab";
    String namespace;
    String clusterDomain;
    SaltMaster master = master().build();
    SecretValue token = SecretValue.of(TOKEN);
    String registrySecretName;

    /** A builder with this spec set and no roles yet. */
    SaltLab.Builder builder() {
      Registry.Builder registry =
          Registry.builder()
              .server("registry.example.com:5000")
              .username("lab")
              .password(SecretValue.of("test-password-not-a-secret"));
      if (registrySecretName != null) {
        registry.secretName(registrySecretName);
      }
      SaltLab.Builder b = SaltLab.builder();
      b.name(name)
          .registry(registry.build())
          .master(master)
          .minionImage("registry.example.com:5000/salt/minion:3006.9")
          .autosignToken(token);
      if (namespace != null) {
        b.namespace(namespace);
      }
      if (clusterDomain != null) {
        b.clusterDomain(clusterDomain);
      }
      return b;
    }

    /** The lab with these roles. */
    SaltLab build(AppRole... roles) {
      SaltLab.Builder b = builder();
      for (AppRole r : roles) {
        b.addRoles(r);
      }
      return b.build();
    }
  }

  private TestLabs() {}

  /** A spec to change. */
  static Spec spec() {
    return new Spec();
  }

  /** A lab with a master and no roles. */
  static SaltLab empty() {
    return spec().build();
  }

  /** The master of {@link #spec()}, as a builder to complete. */
  static SaltMaster.Builder master() {
    return masterOn("kube0");
  }

  /** The master of {@link #spec()} on another node, as a builder to complete. */
  static SaltMaster.Builder masterOn(String node) {
    SaltMaster.Builder m = SaltMaster.builder();
    m.image("registry.example.com:5000/salt/master:3006.9").hostRoot("/srv/salt").node(node);
    return m;
  }

  /** A STATEFUL role of two replicas with a port. */
  static AppRole zookeeper() {
    return AppRole.builder()
        .name("zookeeper")
        .replicas(2)
        .addPorts(RolePort.of("client", 2181))
        .build();
  }

  /** A FIXED role. */
  static AppRole web() {
    return AppRole.builder().name("web").identity(MinionIdentity.FIXED).build();
  }

  /** A lab with {@link #zookeeper()} and {@link #web()}. */
  static SaltLab twoRoles() {
    return spec().build(zookeeper(), web());
  }

  /** The registry password of {@link #base()} labs, to search for in output. */
  static final String PASSWORD = "s3cr3t-Pa55word!";

  /** A lab builder named {@code lab} with the default master, a known password and no roles. */
  static SaltLab.Builder base() {
    return base("lab", master().build());
  }

  /** A lab builder with the given name and master, a known password and no roles. */
  static SaltLab.Builder base(String name, SaltMaster master) {
    return SaltLab.builder()
        .name(name)
        .registry(
            Registry.builder()
                .server("registry.example.com:5000")
                .username("deployer")
                .password(SecretValue.of(PASSWORD))
                .email("ops@example.com")
                .build())
        .master(master)
        .minionImage("registry.example.com:5000/salt/minion:3006.9")
        .autosignToken(SecretValue.of(TOKEN));
  }

  /**
   * A lab of {@code roles} identical FIXED-identity roles {@code role-<i>} with a port, env and
   * label.
   */
  static SaltLab withRoles(int roles) {
    SaltLab.Builder b = base();
    for (int i = 0; i < roles; i++) {
      b.addRoles(
          AppRole.builder()
              .name("role-" + i)
              .identity(MinionIdentity.FIXED)
              .addPorts(RolePort.of("app", 8080))
              .putEnv("SALT_ROLE", "role-" + i)
              .putLabels("tier", "app")
              .build());
    }
    return b.build();
  }
}
