package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The typed settings are checked when the lab is built: every problem at once, each naming its
 * field, the bad value, what is expected and an example.
 */
class SettingsChecksTest {

  private static List<String> problems(AppRole role) {
    return problems(TestLabs.spec().builder().addRoles(role));
  }

  private static List<String> problems(SaltLab.Builder lab) {
    InvalidLabException e = catchThrowableOfType(InvalidLabException.class, lab::build);
    assertThat(e).as("the lab is refused").isNotNull();
    return e.problems().stream().map(LabProblem::toString).toList();
  }

  private static AppRole.Builder app() {
    return AppRole.builder().name("app").addPorts(RolePort.of("http", 8080));
  }

  @Test
  void resourcesAreQuantitiesAndRequestsStayUnderLimits() {
    assertThat(
            problems(
                app()
                    .resources(
                        Resources.builder()
                            .putRequests(ResourceName.MEMORY, "2Gi")
                            .putLimits(ResourceName.MEMORY, "1Gi")
                            .putRequests(ResourceName.CPU, "lots")
                            .putLimits(ResourceName.EPHEMERAL_STORAGE, "1.5GB")
                            .build())
                    .build()))
        .containsExactlyInAnyOrder(
            "roles[0].resources.requests.cpu: 'lots'; expected a Kubernetes quantity ('lots' is not"
                + " a quantity; expected a number with an optional suffix: m, k, M, G, T, P, E"
                + " (powers of 1000), Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or an exponent, for"
                + " example 500m, 1.5Gi or 2e3), for example '500m'",
            "roles[0].resources.limits.memory: '1Gi'; expected a limit at least as large as the"
                + " request (2Gi), for example '2Gi'",
            "roles[0].resources.limits.ephemeral-storage: '1.5GB'; expected a Kubernetes quantity"
                + " ('1.5GB' is not a quantity; did you mean '1.5G' (powers of 1000) or '1.5Gi'"
                + " (powers of 1024)?; expected a number with an optional suffix: m, k, M, G, T, P,"
                + " E (powers of 1000), Ki, Mi, Gi, Ti, Pi, Ei (powers of 1024) or an exponent, for"
                + " example 500m, 1.5Gi or 2e3), for example '512Mi'");
  }

  @Test
  void probesNameDeclaredPortsAndSaneTimings() {
    assertThat(
            problems(
                app()
                    .readinessProbe(Probe.tcp("htp").withPeriodSeconds(0))
                    .livenessProbe(Probe.http("health", 70000).withSuccessThreshold(2))
                    .startupProbe(Probe.exec())
                    .build()))
        .containsExactlyInAnyOrder(
            "roles[0].readinessProbe.tcp.port: 'htp'; expected a port the container declares"
                + " [http], for example 'http'",
            "roles[0].readinessProbe.periodSeconds: '0'; expected a whole number of 1 or more, for"
                + " example '10'",
            "roles[0].livenessProbe.http.port: '70000'; expected a port number between 1 and"
                + " 65535, for example '4505'",
            "roles[0].livenessProbe.http.path: 'health'; expected an absolute request path without"
                + " spaces or control characters, for example '/health'",
            "roles[0].livenessProbe.successThreshold: '2'; expected 1: liveness and startup probes"
                + " pass on one success, for example '1'",
            "roles[0].startupProbe.exec.command: '[]'; expected a command and its arguments, for"
                + " example 'zkOk.sh'");
  }

  @Test
  void volumesAreNamedMountedApartFromSaltAndOfTheRightKind() {
    List<String> p =
        problems(
            app()
                .identity(MinionIdentity.FIXED)
                .addVolumes(
                    RoleVolume.perMember("data", "/data", "1Gi"),
                    RoleVolume.emptyDir("salt-x", "/etc/salt"),
                    RoleVolume.existingClaim("Shared", "relative", "shared"),
                    RoleVolume.files("conf", "/data", Map.of()))
                .build());
    assertThat(p)
        .anyMatch(s -> s.startsWith("roles[0].volumes[0].perMember: 'data'; expected per-member"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[1].name: 'salt-x'; expected a name not"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[1].mountPath: '/etc/salt'; expected a path"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[2].name: 'Shared'"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[2].mountPath: 'relative'"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[3].mountPath: '/data'; expected a path no"))
        .anyMatch(s -> s.startsWith("roles[0].volumes[3].files: '{}'"));
  }

  @Test
  void environmentSourcesExposureAndBudgetsAreChecked() {
    List<String> p =
        problems(
            app()
                .identity(MinionIdentity.FIXED)
                .putEnv("DB", "x")
                .putEnvValueFrom("DB", EnvSource.secretKey("Orders_DB", "pass word"))
                .putEnvValueFrom("ORDINAL", EnvSource.pod(EnvSource.PodField.memberOrdinal))
                .addEnvFrom(EnvFrom.configMap("settings").withPrefix("1X"))
                .exposure(
                    new Exposure(
                        Exposure.Type.ClusterIP, new java.util.TreeMap<>(Map.of("http", 80))))
                .disruptionBudget(new DisruptionBudget(Optional.of("101%"), Optional.empty()))
                .putPodAnnotations("saltlab.io/mine", "x")
                .putServiceLabels(Labels.NAME, "x")
                .build());
    assertThat(p)
        .anyMatch(s -> s.startsWith("roles[0].env.DB: 'DB'; expected a variable set once"))
        .anyMatch(s -> s.startsWith("roles[0].env.DB.secret: 'Orders_DB'"))
        .anyMatch(s -> s.startsWith("roles[0].env.DB.key: 'pass word'"))
        .anyMatch(s -> s.startsWith("roles[0].env.ORDINAL.field: 'memberOrdinal'"))
        .anyMatch(s -> s.startsWith("roles[0].envFrom[0].prefix: '1X'"))
        .anyMatch(s -> s.startsWith("roles[0].exposure.nodePorts: '{http=80}'; expected no fixed"))
        .anyMatch(s -> s.startsWith("roles[0].exposure.nodePorts.http: '80'; expected a node port"))
        .anyMatch(s -> s.startsWith("roles[0].disruptionBudget.minAvailable: '101%'"))
        .anyMatch(s -> s.startsWith("roles[0].podAnnotations: 'saltlab.io/mine'"))
        .anyMatch(s -> s.startsWith("roles[0].serviceLabels: 'app.kubernetes.io/name'"));
  }

  @Test
  void aStatefulRoleKeepsItsServiceAndNodePortsAreNotShared() {
    AppRole a = app().exposure(Exposure.of(Exposure.Type.None)).build();
    AppRole b = app().name("b").exposure(Exposure.nodePort(Map.of("http", 30080))).build();
    AppRole c = app().name("c").exposure(Exposure.nodePort(Map.of("http", 30080))).build();
    assertThat(problems(TestLabs.spec().builder().addRoles(a, b, c)))
        .containsExactlyInAnyOrder(
            "roles[0].exposure.type: 'None'; expected a Service for a STATEFUL role, whose"
                + " StatefulSet names it (serviceName); use identity FIXED for a role without a"
                + " Service, for example 'Headless'",
            "roles[2].exposure.nodePorts.http: '30080'; expected a node port no other role uses (b"
                + " does)");
  }

  @Test
  void schedulingAndSecurityAreChecked() {
    List<String> p =
        problems(
            app()
                .putNodeSelector("bad key!", "v")
                .addTolerations(
                    new Toleration(
                        "dedicated",
                        Toleration.Operator.Exists,
                        Optional.of("lab"),
                        Optional.of(Toleration.Effect.NoSchedule),
                        Optional.of(30L)))
                .priorityClassName("High")
                .podSecurity(PodSecurity.builder().runAsNonRoot(true).runAsUser(0L).build())
                .containerSecurity(
                    ContainerSecurity.builder()
                        .addCapabilitiesAdd("CAP_NET_ADMIN")
                        .runAsUser(-1L)
                        .build())
                .build());
    assertThat(p)
        .anyMatch(s -> s.startsWith("roles[0].nodeSelector: 'bad key!'"))
        .anyMatch(s -> s.startsWith("roles[0].tolerations[0].value: 'lab'; expected no value"))
        .anyMatch(s -> s.startsWith("roles[0].tolerations[0].tolerationSeconds: '30'"))
        .anyMatch(s -> s.startsWith("roles[0].priorityClassName: 'High'"))
        .anyMatch(s -> s.startsWith("roles[0].podSecurity.runAsUser: '0'; expected a user other"))
        .anyMatch(s -> s.startsWith("roles[0].containerSecurity.runAsUser: '-1'"))
        .anyMatch(
            s -> s.startsWith("roles[0].containerSecurity.capabilitiesAdd[0]: 'CAP_NET_ADMIN'"));
  }

  @Test
  void theMasterKeepsItsNodePin() {
    assertThat(
            problems(
                TestLabs.spec()
                    .builder()
                    .master(
                        TestLabs.master()
                            .putNodeSelector(LabWorkloads.HOSTNAME_LABEL, "kube1")
                            .readinessProbe(Probe.tcp("client"))
                            .build())))
        .containsExactlyInAnyOrder(
            "master.readinessProbe.tcp.port: 'client'; expected a port the container declares"
                + " [salt-pub, salt-ret], for example 'salt-pub'",
            "master.nodeSelector: 'kubernetes.io/hostname'; expected no kubernetes.io/hostname:"
                + " the master is pinned to master.node already, for example 'disktype'");
  }
}
