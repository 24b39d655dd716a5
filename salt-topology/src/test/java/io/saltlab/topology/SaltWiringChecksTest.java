package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaltWiringChecksTest {

  private static List<LabProblem> problems(Runnable build) {
    try {
      build.run();
    } catch (InvalidLabException e) {
      return e.problems();
    }
    throw new AssertionError("the lab was accepted");
  }

  @Test
  void shortTokenIsReportedWithoutShowingIt() {
    String token = "short-secret";
    TestLabs.Spec spec = TestLabs.spec();
    spec.token = SecretValue.of(token);
    assertThatThrownBy(spec::build)
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("autosignToken")
        .hasMessageNotContaining(token);
    List<LabProblem> p = problems(spec::build);
    assertThat(p).extracting(LabProblem::field).containsExactly("autosignToken");
    assertThat(p.get(0).value()).doesNotContain(token).contains("12 characters");
  }

  @Test
  void tokenWithSpacesOrLeadingHashIsRejected() {
    for (String token :
        List.of(
            "a token with spaces inside",
            "#commented-out-token-value",
            "tab\tseparated-token-value")) {
      TestLabs.Spec spec = TestLabs.spec();
      spec.token = SecretValue.of(token);
      List<LabProblem> p = problems(spec::build);
      assertThat(p).extracting(LabProblem::field).containsExactly("autosignToken");
      assertThat(p.get(0).toString()).doesNotContain(token);
    }
  }

  @Test
  void masterNodeMustBeAHostnameLabelValue() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.master = TestLabs.masterOn("kube 0").build();
    assertThat(problems(spec::build)).extracting(LabProblem::field).containsExactly("master.node");
  }

  @Test
  void fixedIdentityAllowsOneReplicaOnly() {
    AppRole role = AppRole.builder().name("web").identity(MinionIdentity.FIXED).replicas(2).build();
    assertThat(problems(() -> TestLabs.spec().build(role)))
        .extracting(LabProblem::field)
        .containsExactly("roles[0].replicas");
  }

  @Test
  void rolesMayNotTakeNamesOfGeneratedSaltFiles() {
    assertThat(
            problems(
                () ->
                    TestLabs.spec()
                        .build(
                            AppRole.builder().name("saltlab").build(),
                            AppRole.builder().name("top").build())))
        .extracting(LabProblem::field)
        .containsExactly("roles[0].name", "roles[1].name");
  }

  @Test
  void statefulRoleNamesLeaveRoomForTheRevisionLabel() {
    String name = "r" + "a".repeat(52);
    assertThat(problems(() -> TestLabs.spec().build(AppRole.builder().name(name).build())))
        .extracting(LabProblem::field)
        .containsExactly("roles[0].name");
    TestLabs.spec().build(AppRole.builder().name(name).identity(MinionIdentity.FIXED).build());
  }

  @Test
  void derivedNamesMayNotMeet() {
    TestLabs.Spec clash = TestLabs.spec();
    clash.registrySecretName = "salt-master-autosign";
    assertThat(problems(clash::build))
        .extracting(LabProblem::field)
        .containsExactly("registry.secretName");
    TestLabs.Spec configClash = TestLabs.spec();
    configClash.master = TestLabs.master().name("zk-minion").build();
    assertThat(problems(() -> configClash.build(AppRole.builder().name("zk").build())))
        .extracting(LabProblem::field)
        .containsExactly("roles[0].name");
  }

  @Test
  void clusterDomainAndMinionConfigDirAreChecked() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.clusterDomain = "Cluster_Local";
    SaltLab.Builder b = spec.builder().minionConfigDir("etc/salt");
    assertThat(problems(b::build))
        .extracting(LabProblem::field)
        .containsExactly("clusterDomain", "minionConfigDir");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.token = SecretValue.of("short");
    spec.master = TestLabs.masterOn("").build();
    AppRole role = AppRole.builder().name("top").identity(MinionIdentity.FIXED).replicas(3).build();
    assertThat(problems(() -> spec.build(role)))
        .extracting(LabProblem::field)
        .containsExactly("master.node", "autosignToken", "roles[0].name", "roles[0].replicas");
  }
}
