package io.saltlab.topology;

/** Small labs for tests, built like a user would. */
final class TestLabs {
  static final String PASSWORD = "s3cr3t-Pa55word!";

  private TestLabs() {}

  static SaltLab.Builder base() {
    return base("lab", SaltMaster.builder().image("registry.example.com:5000/salt/master:3006.9").hostRoot("/srv/salt").build());
  }

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
        .minionImage("registry.example.com:5000/salt/minion:3006.9");
  }

  static SaltLab withRoles(int roles) {
    SaltLab.Builder b = base();
    for (int i = 0; i < roles; i++) {
      b.addRoles(
          AppRole.builder()
              .name("role-" + i)
              .addPorts(RolePort.of("app", 8080))
              .putEnv("SALT_ROLE", "role-" + i)
              .putLabels("tier", "app")
              .build());
    }
    return b.build();
  }
}
