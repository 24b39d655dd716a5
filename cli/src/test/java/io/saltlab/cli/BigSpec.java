package io.saltlab.cli;

/** A lab spec file with many roles, for tests that need a large lab. */
final class BigSpec {
  private BigSpec() {}

  /**
   * The text of a spec with {@code roles} roles, reading its secrets from the usual variables.
   *
   * @param roles how many roles
   * @return the YAML
   */
  static String text(int roles) {
    return text("big-lab", roles, "");
  }

  /**
   * The text of a spec named {@code name} with {@code roles} roles, each given {@code roleLines}
   * too.
   *
   * @param name the lab's name
   * @param roles how many roles
   * @param roleLines more YAML lines of each role, indented by four spaces, or ""
   * @return the YAML
   */
  static String text(String name, int roles, String roleLines) {
    StringBuilder s =
        new StringBuilder(
            """
            name: %s
            registry:
              server: registry.lab.local:5000
              username: lab
              passwordEnv: SALTLAB_REGISTRY_PASSWORD
            autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN
            master:
              image: registry.lab.local:5000/salt/master:3006.9
              hostRoot: /srv/salt
              node: kube0
            minionImage: registry.lab.local:5000/salt/minion:3006.9
            roles:
            """
                .formatted(name));
    for (int i = 0; i < roles; i++) {
      s.append("  - name: role-").append(i).append('\n');
      s.append("    ports: [{name: app, port: 8080}]\n");
      s.append(roleLines);
    }
    return s.toString();
  }
}
