package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.saltlab.core.KubernetesFeature;
import io.saltlab.core.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every typed setting, on every target from 1.5 to 1.36: either it is rendered (its marker value is
 * in the output, in the field or in the older form the version table names) and the output
 * validates, or the lab is refused with a message naming the field and the first version that has
 * it. Nothing is dropped without a word.
 */
class SettingsAcrossTargetsTest {

  /**
   * One setting.
   *
   * @param name what is tested
   * @param feature the version table entry deciding it, or {@code null} when every target has it
   * @param role changes the role (a STATEFUL role {@code app} with port {@code http}: 8080)
   * @param lab changes the lab after the role is added
   * @param marker text the output holds when the setting is rendered in its field
   * @param older text the output holds on targets before {@code feature} when the table gives an
   *     older form, or {@code null} when those targets refuse it
   * @param field the field a refusal names
   */
  record Case(
      String name,
      KubernetesFeature feature,
      UnaryOperator<AppRole.Builder> role,
      UnaryOperator<SaltLab.Builder> lab,
      String marker,
      String older,
      String field) {}

  private static Case role(String name, UnaryOperator<AppRole.Builder> role, String marker) {
    return new Case(name, null, role, l -> l, marker, null, null);
  }

  private static Case gated(
      String name,
      KubernetesFeature feature,
      UnaryOperator<AppRole.Builder> role,
      String marker,
      String field) {
    return new Case(name, feature, role, l -> l, marker, null, field);
  }

  private static Case older(
      String name,
      KubernetesFeature feature,
      UnaryOperator<AppRole.Builder> role,
      String marker,
      String older) {
    return new Case(name, feature, role, l -> l, marker, older, null);
  }

  private static Resources requests(ResourceName name, String amount) {
    return Resources.builder().putRequests(name, amount).build();
  }

  static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(
        role(
            "cpu and memory",
            r ->
                r.resources(
                    Resources.builder()
                        .putRequests(ResourceName.CPU, "123m")
                        .putLimits(ResourceName.MEMORY, "1.5Gi")
                        .build()),
            "memory: \"1536Mi\""));
    c.add(
        gated(
            "ephemeral-storage",
            KubernetesFeature.EPHEMERAL_STORAGE,
            r -> r.resources(requests(ResourceName.EPHEMERAL_STORAGE, "2Gi")),
            "ephemeral-storage: \"2Gi\"",
            "roles[0].resources.requests.ephemeral-storage"));
    c.add(
        role(
            "per-member claim",
            r -> r.addVolumes(RoleVolume.perMember("data", "/data", "3Gi")),
            "storage: \"3Gi\""));
    c.add(
        older(
            "claim storage class",
            KubernetesFeature.STORAGE_CLASS_NAME,
            r ->
                r.addVolumes(
                    RoleVolume.perMember("data", "/data", "1Gi").withStorageClass("marker-class")),
            "storageClassName: marker-class",
            "volume.beta.kubernetes.io/storage-class: marker-class"));
    c.add(
        role(
            "existing claim",
            r -> r.addVolumes(RoleVolume.existingClaim("shared", "/shared", "marker-claim")),
            "claimName: marker-claim"));
    c.add(
        role(
            "emptyDir",
            r ->
                r.addVolumes(
                    new RoleVolume.EmptyDir(
                        "scratch", "/scratch", true, java.util.Optional.empty())),
            "medium: Memory"));
    c.add(
        gated(
            "emptyDir sizeLimit",
            KubernetesFeature.EMPTY_DIR_SIZE_LIMIT,
            r -> r.addVolumes(RoleVolume.emptyDir("scratch", "/scratch").withSizeLimit("77Mi")),
            "sizeLimit: \"77Mi\"",
            "roles[0].volumes[0].emptyDir.sizeLimit"));
    c.add(
        role(
            "files",
            r ->
                r.addVolumes(
                    RoleVolume.files("conf", "/conf", Map.of("app.properties", "marker=files\n"))),
            "marker=files"));
    c.add(
        role(
            "existing Secret volume",
            r -> r.addVolumes(RoleVolume.existingSecret("certs", "/certs", "marker-certs")),
            "secretName: marker-certs"));
    c.add(
        role(
            "existing ConfigMap volume",
            r -> r.addVolumes(RoleVolume.existingConfigMap("extra", "/extra", "marker-config")),
            "name: marker-config"));
    c.add(
        role(
            "readiness http probe",
            r -> r.readinessProbe(Probe.http("/marker-ready", "http").withPeriodSeconds(7)),
            "path: /marker-ready"));
    c.add(
        role(
            "liveness exec probe",
            r -> r.livenessProbe(Probe.exec("marker-alive.sh").withFailureThreshold(9)),
            "- marker-alive.sh"));
    c.add(
        role(
            "readiness tcp probe by number",
            r -> r.readinessProbe(Probe.tcp(8080).withTimeoutSeconds(4)),
            "timeoutSeconds: 4"));
    c.add(
        gated(
            "startup probe",
            KubernetesFeature.STARTUP_PROBE,
            r -> r.startupProbe(Probe.tcp("http").withFailureThreshold(30)),
            "startupProbe:",
            "roles[0].startupProbe"));
    c.add(
        role(
            "env from Secret key",
            r -> r.putEnvValueFrom("DB_PASSWORD", EnvSource.secretKey("marker-db", "password")),
            "name: marker-db"));
    c.add(
        role(
            "env from ConfigMap key",
            r -> r.putEnvValueFrom("MODE", EnvSource.configMapKey("marker-settings", "mode")),
            "name: marker-settings"));
    c.add(
        role(
            "env from pod field",
            r -> r.putEnvValueFrom("NODE", EnvSource.pod(EnvSource.PodField.nodeName)),
            "fieldPath: spec.nodeName"));
    c.add(
        gated(
            "env member ordinal",
            KubernetesFeature.POD_INDEX_LABEL,
            r -> r.putEnvValueFrom("ORDINAL", EnvSource.pod(EnvSource.PodField.memberOrdinal)),
            "apps.kubernetes.io/pod-index",
            "roles[0].env.ORDINAL"));
    c.add(
        gated(
            "envFrom",
            KubernetesFeature.ENV_FROM,
            r -> r.addEnvFrom(EnvFrom.secret("marker-env").withPrefix("DB_")),
            "name: marker-env",
            "roles[0].envFrom"));
    c.add(
        role(
            "ClusterIP Service",
            r -> r.exposure(Exposure.of(Exposure.Type.ClusterIP)),
            "type: ClusterIP"));
    c.add(
        role(
            "NodePort Service",
            r -> r.exposure(Exposure.nodePort(Map.of("http", 31234))),
            "nodePort: 31234"));
    c.add(
        role(
            "LoadBalancer Service",
            r -> r.exposure(Exposure.of(Exposure.Type.LoadBalancer)),
            "type: LoadBalancer"));
    c.add(
        role(
            "Service annotations and labels",
            r ->
                r.putServiceAnnotations("example.com/marker", "svc-a")
                    .putServiceLabels("marker", "svc-l"),
            "example.com/marker: svc-a"));
    c.add(
        role(
            "workload annotations and labels",
            r ->
                r.putWorkloadAnnotations("example.com/marker", "wl-a")
                    .putWorkloadLabels("marker", "wl-l"),
            "marker: wl-l"));
    c.add(
        role(
            "pod annotations",
            r -> r.putPodAnnotations("example.com/marker", "pod-a"),
            "example.com/marker: pod-a"));
    c.add(
        role(
            "node selector",
            r -> r.putNodeSelector("disktype", "marker-ssd"),
            "disktype: marker-ssd"));
    c.add(
        older(
            "tolerations",
            KubernetesFeature.TOLERATIONS,
            r ->
                r.addTolerations(
                    Toleration.equal("marker-taint", "lab", Toleration.Effect.NoSchedule)),
            "key: marker-taint",
            "scheduler.alpha.kubernetes.io/tolerations"));
    c.add(
        older(
            "spread over nodes",
            KubernetesFeature.AFFINITY,
            r -> r.replicas(2).spreadOverNodes(true),
            "podAntiAffinity:",
            "scheduler.alpha.kubernetes.io/affinity"));
    c.add(
        older(
            "topology spread",
            KubernetesFeature.TOPOLOGY_SPREAD,
            r -> r.replicas(2).spreadOverNodes(true),
            "whenUnsatisfiable: ScheduleAnyway",
            "podAntiAffinity"));
    c.add(
        gated(
            "priority class",
            KubernetesFeature.PRIORITY_CLASS_NAME,
            r -> r.priorityClassName("marker-priority"),
            "priorityClassName: marker-priority",
            "roles[0].priorityClassName"));
    c.add(
        role(
            "pod security",
            r ->
                r.podSecurity(
                    PodSecurity.builder()
                        .runAsNonRoot(true)
                        .runAsUser(4321L)
                        .fsGroup(4322L)
                        .build()),
            "fsGroup: 4322"));
    c.add(
        gated(
            "pod runAsGroup",
            KubernetesFeature.RUN_AS_GROUP,
            r -> r.podSecurity(PodSecurity.builder().runAsGroup(4323L).build()),
            "runAsGroup: 4323",
            "roles[0].podSecurity.runAsGroup"));
    c.add(
        older(
            "seccomp",
            KubernetesFeature.SECCOMP_PROFILE,
            r ->
                r.podSecurity(
                    PodSecurity.builder()
                        .seccompProfile(PodSecurity.Seccomp.RuntimeDefault)
                        .build()),
            "type: RuntimeDefault",
            "seccomp.security.alpha.kubernetes.io/pod:"));
    c.add(
        role(
            "container security",
            r ->
                r.containerSecurity(
                    ContainerSecurity.builder()
                        .readOnlyRootFilesystem(true)
                        .addCapabilitiesDrop("ALL")
                        .build()),
            "readOnlyRootFilesystem: true"));
    c.add(
        gated(
            "allowPrivilegeEscalation",
            KubernetesFeature.ALLOW_PRIVILEGE_ESCALATION,
            r ->
                r.containerSecurity(
                    ContainerSecurity.builder().allowPrivilegeEscalation(false).build()),
            "allowPrivilegeEscalation: false",
            "roles[0].containerSecurity.allowPrivilegeEscalation"));
    c.add(
        gated(
            "container runAsGroup",
            KubernetesFeature.RUN_AS_GROUP,
            r -> r.containerSecurity(ContainerSecurity.builder().runAsGroup(4324L).build()),
            "runAsGroup: 4324",
            "roles[0].containerSecurity.runAsGroup"));
    c.add(
        role(
            "disruption budget minAvailable",
            r -> r.replicas(3).disruptionBudget(DisruptionBudget.minAvailable("2")),
            "minAvailable: 2"));
    c.add(
        gated(
            "disruption budget maxUnavailable",
            KubernetesFeature.PDB_MAX_UNAVAILABLE,
            r -> r.replicas(3).disruptionBudget(DisruptionBudget.maxUnavailable("34%")),
            "maxUnavailable: \"34%\"",
            "roles[0].disruptionBudget.maxUnavailable"));
    c.add(
        new Case(
            "isolated namespace",
            KubernetesFeature.NETWORK_POLICY,
            r -> r,
            l -> l.isolateNamespace(true),
            "name: lab-isolation",
            null,
            "isolateNamespace"));
    c.add(
        new Case(
            "master resources and probe",
            null,
            r -> r,
            l ->
                l.master(
                    TestLabs.master()
                        .resources(requests(ResourceName.CPU, "321m"))
                        .readinessProbe(Probe.exec("marker-master.sh"))
                        .addTolerations(
                            Toleration.exists("marker-master", Toleration.Effect.NoExecute))
                        .build()),
            "cpu: \"321m\"",
            null,
            null));
    c.add(
        new Case(
            "master priority class",
            KubernetesFeature.PRIORITY_CLASS_NAME,
            r -> r,
            l -> l.master(TestLabs.master().priorityClassName("marker-master-priority").build()),
            "priorityClassName: marker-master-priority",
            null,
            "master.priorityClassName"));
    return c;
  }

  @TestFactory
  Stream<DynamicTest> everySettingIsRenderedOrRefusedOnEveryTarget() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> acrossTargets(c)));
  }

  private static void acrossTargets(Case c) {
    AppRole role =
        c.role().apply(AppRole.builder().name("app").addPorts(RolePort.of("http", 8080))).build();
    SaltLab lab = c.lab().apply(TestLabs.spec().builder().addRoles(role)).build();
    int rendered = 0;
    for (KubernetesVersion v : KubernetesVersion.all()) {
      boolean on = c.feature() == null || c.feature().isOn(v);
      if (on || c.older() != null) {
        String yaml = lab.render(v).toYaml();
        String expected = on ? c.marker() : c.older();
        assertThat(yaml).as("%s on %s", c.name(), v).contains(expected);
        rendered++;
      } else {
        InvalidLabException e =
            catchThrowableOfType(InvalidLabException.class, () -> lab.render(v));
        assertThat(e).as("%s is refused on %s", c.name(), v).isNotNull();
        assertThat(e.getMessage())
            .as("%s on %s", c.name(), v)
            .contains(c.field() + ":")
            .contains("Kubernetes " + c.feature().since() + " or later")
            .contains("this target is " + v);
      }
    }
    assertThat(rendered).as("%s is rendered somewhere", c.name()).isPositive();
  }
}
