package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabTranslatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rendersObjectsInTheFixedOrder() {
    Manifests m = TestLabs.withRoles(2).render("1.36");
    assertThat(m.resources().stream().map(RenderedResource::id).collect(Collectors.toList()))
        .containsExactly(
            "Namespace/lab",
            "Secret/lab/registry-pull",
            "Secret/lab/salt-master-autosign",
            "ConfigMap/lab/role-0-minion-config",
            "ConfigMap/lab/role-1-minion-config",
            "ConfigMap/lab/salt-master-config",
            "PersistentVolume/lab-role-0-salt-minion-keys",
            "PersistentVolume/lab-role-1-salt-minion-keys",
            "PersistentVolumeClaim/lab/role-0-salt-minion-keys",
            "PersistentVolumeClaim/lab/role-1-salt-minion-keys",
            "Service/lab/role-0",
            "Service/lab/role-1",
            "Service/lab/salt-master",
            "Deployment/lab/role-0",
            "Deployment/lab/role-1",
            "Deployment/lab/salt-master");
  }

  @Test
  void selectorsAreTheDerivedLabelsEverywhere() {
    Manifests m = TestLabs.withRoles(1).render("1.36");
    for (String name : List.of("salt-master", "role-0")) {
      JsonNode svc = m.find("Service", name).orElseThrow().tree();
      JsonNode dep = m.find("Deployment", name).orElseThrow().tree();
      JsonNode selector = dep.at("/spec/selector/matchLabels");
      assertThat(svc.at("/spec/selector")).isEqualTo(selector);
      JsonNode podLabels = dep.at("/spec/template/metadata/labels");
      selector
          .properties()
          .forEach(e -> assertThat(podLabels.get(e.getKey())).isEqualTo(e.getValue()));
    }
  }

  @Test
  void masterMountsTheFiveHostPathsAndRecreates() {
    JsonNode dep =
        TestLabs.withRoles(0).render("1.36").find("Deployment", "salt-master").orElseThrow().tree();
    JsonNode pod = dep.at("/spec/template/spec");
    assertThat(pod.at("/volumes").findValues("hostPath")).hasSize(5);
    for (SaltDirectory d : SaltDirectory.values()) {
      assertThat(pod.at("/volumes").findValuesAsText("path"))
          .contains("/srv/salt/" + d.directoryName());
      assertThat(pod.at("/containers/0/volumeMounts").findValuesAsText("mountPath"))
          .contains("/salt/" + d.directoryName());
    }
    assertThat(dep.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    assertThat(pod.at("/containers/0/args/0").asText()).isEqualTo("--config-dir=/salt/conf");
  }

  @Test
  void hostPathTypeOnlyWhereTheApiHasIt() {
    JsonNode old =
        TestLabs.withRoles(0).render("1.7").find("Deployment", "salt-master").orElseThrow().tree();
    assertThat(old.at("/spec/template/spec/volumes/0/hostPath").has("type")).isFalse();
    JsonNode modern =
        TestLabs.withRoles(0).render("1.8").find("Deployment", "salt-master").orElseThrow().tree();
    assertThat(modern.at("/spec/template/spec/volumes/0/hostPath/type").asText())
        .isEqualTo("DirectoryOrCreate");
  }

  @Test
  void labWideDecoratorsLabelEveryObjectAndAddThePullSecret() {
    Manifests m = TestLabs.withRoles(2).render("1.36");
    for (RenderedResource r : m.resources()) {
      assertThat(r.tree().at("/metadata/labels/app.kubernetes.io~1managed-by").asText())
          .as(r.id())
          .isEqualTo("saltlab");
      assertThat(r.tree().at("/metadata/labels/app.kubernetes.io~1part-of").asText())
          .as(r.id())
          .isEqualTo("lab");
      if (r.kind().equals("Deployment")) {
        assertThat(r.tree().at("/spec/template/spec/imagePullSecrets/0/name").asText())
            .isEqualTo("registry-pull");
      }
    }
    JsonNode role = m.find("Deployment", "role-1").orElseThrow().tree();
    assertThat(role.at("/spec/template/spec/containers/0/env/0/name").asText())
        .isEqualTo("SALT_ROLE");
    assertThat(role.at("/spec/template/spec/containers/0/env/0/value").asText())
        .isEqualTo("role-1");
  }

  @Test
  void pullSecretIsWhatKubectlWouldCreate() throws Exception {
    JsonNode modern =
        TestLabs.withRoles(0).render("1.9").find("Secret", "registry-pull").orElseThrow().tree();
    assertThat(modern.get("type").asText()).isEqualTo("kubernetes.io/dockerconfigjson");
    JsonNode config = JSON.readTree(decode(modern.at("/data/.dockerconfigjson").asText()));
    JsonNode entry = config.at("/auths/registry.example.com:5000");
    assertThat(entry.get("username").asText()).isEqualTo("deployer");
    assertThat(entry.get("password").asText()).isEqualTo(TestLabs.PASSWORD);
    assertThat(decode(entry.get("auth").asText())).isEqualTo("deployer:" + TestLabs.PASSWORD);

    JsonNode old =
        TestLabs.withRoles(0).render("1.6").find("Secret", "registry-pull").orElseThrow().tree();
    assertThat(old.get("type").asText()).isEqualTo("kubernetes.io/dockercfg");
    JsonNode legacy = JSON.readTree(decode(old.at("/data/.dockercfg").asText()));
    assertThat(legacy.at("/registry.example.com:5000/auth").asText())
        .isEqualTo(entry.get("auth").asText());
  }

  @Test
  void theClearPasswordAppearsNowhereInTheYaml() {
    for (KubernetesVersion v : KubernetesVersion.all()) {
      String yaml = TestLabs.withRoles(2).render(v).toYaml();
      assertThat(yaml).doesNotContain(TestLabs.PASSWORD);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.5", "1.6", "1.7", "1.8", "1.9", "1.15", "1.16", "1.22", "1.28", "1.36"})
  void workloadsUseTheTargetsApiVersion(String target) {
    Manifests m = TestLabs.withRoles(1).render(target);
    String expected =
        io.saltlab.core.ApiVersionTable.forTarget(KubernetesVersion.of(target)).deployment();
    assertThat(m.find("Deployment", "salt-master").orElseThrow().apiVersion()).isEqualTo(expected);
  }

  @Test
  void everySupportedTargetRenders() {
    for (KubernetesVersion v : KubernetesVersion.all()) {
      Manifests m = TestLabs.withRoles(3).render(v);
      // 12 objects plus a key claim and a key volume for each of the three FIXED roles.
      assertThat(m.resources()).as("target %s", v).hasSize(21);
      assertThat(m.toYaml())
          .startsWith("# Generated by saltlab ")
          .contains("for Kubernetes " + v + ";");
    }
  }

  @Test
  void sameBytesUnderAnotherLocaleAndTimeZone() {
    String before = TestLabs.withRoles(5).render("1.36").toYaml();
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(TestLabs.withRoles(5).render("1.36").toYaml()).isEqualTo(before);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void folderFormListsEveryFileInTheKustomization() {
    Manifests m = TestLabs.withRoles(1).render("1.36");
    var files = m.files();
    assertThat(files.keySet())
        .contains(
            "namespace-lab.yaml",
            "secret-registry-pull.yaml",
            "deployment-salt-master.yaml",
            "kustomization.yaml");
    String kustomization = files.get("kustomization.yaml");
    files.keySet().stream()
        .filter(f -> !f.equals("kustomization.yaml"))
        .forEach(f -> assertThat(kustomization).contains("- " + f + "\n"));
    files
        .values()
        .forEach(c -> assertThat(c).startsWith(Manifests.HEADER_PREFIX).doesNotContain("\r"));
  }

  private static String decode(String b64) {
    return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  @Test
  void aPortlessStatefulRoleIsRefusedOn15AndGetsItsHeadlessServiceFrom16() {
    SaltLab lab =
        TestLabs.spec()
            .build(
                AppRole.builder().name("quiet").build(),
                AppRole.builder().name("fixed").identity(MinionIdentity.FIXED).build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.render("1.5"))
        .isInstanceOf(InvalidLabException.class)
        .hasMessage(
            "lab 'lab' for Kubernetes 1.5 is invalid (1 problem):\n"
                + "  - roles[0].ports: missing; expected at least one port on Kubernetes 1.5, where"
                + " every Service needs one and a STATEFUL role's StatefulSet needs its headless"
                + " Service (from 1.6 a Service may have no ports); or identity FIXED, which needs"
                + " no Service, for example '{name: http, port: 8080}'");
    for (String target : List.of("1.6", "1.36")) {
      Manifests m = lab.render(target);
      String serviceName =
          m.find("StatefulSet", "quiet").orElseThrow().tree().at("/spec/serviceName").asText();
      assertThat(m.find("Service", serviceName)).as(target).isPresent();
    }
    // A port-less FIXED role needs no Service, and gets none on 1.5.
    SaltLab fixedOnly =
        TestLabs.spec()
            .build(AppRole.builder().name("fixed").identity(MinionIdentity.FIXED).build());
    assertThat(fixedOnly.render("1.5").find("Service", "fixed")).isEmpty();
  }
}
