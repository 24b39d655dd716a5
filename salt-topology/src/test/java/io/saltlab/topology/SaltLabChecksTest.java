package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class SaltLabChecksTest {

  @Test
  void aValidLabBuilds() {
    assertThat(TestLabs.withRoles(3).roles()).hasSize(3);
  }

  @Test
  void listsEveryProblemOfTheLabAtOnce() {
    InvalidLabException e =
        catchThrowableOfType(
            InvalidLabException.class,
            () ->
                TestLabs.base(
                        "Salt_Lab",
                        SaltMaster.builder()
                            .image("m:1")
                            .hostRoot("$HOME/salt")
                            .node("kube0")
                            .publishPort(70000)
                            .build())
                    .addRoles(AppRole.builder().name("zookeeper").build())
                    .addRoles(
                        AppRole.builder()
                            .name("zookeeper")
                            .addPorts(RolePort.of("client", 0))
                            .build())
                    .addRoles(
                        AppRole.builder()
                            .name("Hazel")
                            .putLabels("app.kubernetes.io/name", "x")
                            .build())
                    .build());
    assertThat(e.problems())
        .extracting(LabProblem::field)
        .contains(
            "name",
            "namespace",
            "master.hostRoot",
            "master.publishPort",
            "roles[1].name",
            "roles[1].ports[0].port",
            "roles[2].name",
            "roles[2].labels");
    assertThat(e.getMessage())
        .startsWith("lab 'Salt_Lab' is invalid (")
        .contains("name: 'Salt_Lab'; expected a DNS-1123 label")
        .contains("for example 'salt-lab'")
        .contains(
            "master.hostRoot: '$HOME/salt'; expected an absolute path on the node (Kubernetes does"
                + " not expand $HOME or ~)")
        .contains("master.publishPort: '70000'; expected a port number between 1 and 65535")
        .contains("roles[1].name: 'zookeeper'; expected a name used by no other role");
  }

  @Test
  void rejectsTildeAndVariablesInAbsoluteHostPaths() {
    assertThatThrownBy(
            () ->
                TestLabs.base(
                        "lab",
                        SaltMaster.builder()
                            .image("m:1")
                            .hostRoot("/home/${USER}/salt")
                            .node("kube0")
                            .build())
                    .build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining(
            "master.hostRoot: '/home/${USER}/salt'; expected a path without $VARIABLES or ~");
  }

  @Test
  void problemMessagesNeverQuoteTheRegistryPassword() {
    InvalidLabException e =
        catchThrowableOfType(
            InvalidLabException.class,
            () ->
                SaltLab.builder()
                    .name("lab")
                    .registry(
                        Registry.builder()
                            .server("https://registry")
                            .username("u:x")
                            .password(SecretValue.of(TestLabs.PASSWORD))
                            .build())
                    .master(
                        SaltMaster.builder().image("m:1").hostRoot("/srv").node("kube0").build())
                    .autosignToken(SecretValue.of(TestLabs.TOKEN))
                    .minionImage("m:1")
                    .build());
    assertThat(e.getMessage())
        .contains("registry.server")
        .contains("registry.username")
        .doesNotContain(TestLabs.PASSWORD);
  }

  @Test
  void missingRequiredAttributesAreNamed() {
    assertThatThrownBy(() -> AppRole.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name");
  }
}
