package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.ApiVersionTable;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SaltWiringRenderTest {

  private static RenderedResource find(Manifests m, String kind, String name) {
    return m.find(kind, name)
        .orElseThrow(
            () -> new AssertionError(kind + "/" + name + " not rendered: " + m.resources()));
  }

  private static JsonNode podSpec(RenderedResource workload) {
    return workload.tree().path("spec").path("template").path("spec");
  }

  private static JsonNode container(RenderedResource workload) {
    return podSpec(workload).path("containers").get(0);
  }

  private static Map<String, JsonNode> mountsByPath(RenderedResource workload) {
    Map<String, JsonNode> mounts = new HashMap<>();
    container(workload)
        .path("volumeMounts")
        .forEach(m -> mounts.put(m.path("mountPath").asText(), m));
    return mounts;
  }

  private static JsonNode volume(RenderedResource workload, String name) {
    for (JsonNode v : podSpec(workload).path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  private static String decode(RenderedResource secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.tree().path("data").path(key).asText()),
        StandardCharsets.UTF_8);
  }

  @Test
  void everyTargetRendersTheWiredLab() {
    SaltLab lab = TestLabs.twoRoles();
    for (KubernetesVersion v : KubernetesVersion.all()) {
      Manifests m = lab.render(v);
      assertThat(find(m, "StatefulSet", "zookeeper").apiVersion())
          .isEqualTo(ApiVersionTable.forTarget(v).statefulSet());
      assertThat(find(m, "Deployment", "web").apiVersion())
          .isEqualTo(ApiVersionTable.forTarget(v).deployment());
      assertThat(m.toYaml()).doesNotContain(TestLabs.TOKEN);
    }
  }

  @Test
  void rendersTheConfigMapsAndTheAutosignSecret() {
    Manifests m = TestLabs.twoRoles().render("1.36");
    List<String> ids = new ArrayList<>();
    m.resources().forEach(r -> ids.add(r.kind() + "/" + r.name()));
    assertThat(ids)
        .containsExactly(
            "Namespace/lab",
            "Secret/registry-pull",
            "Secret/salt-master-autosign",
            "ConfigMap/salt-master-config",
            "ConfigMap/web-minion-config",
            "ConfigMap/zookeeper-minion-config",
            "PersistentVolume/lab-web-salt-minion-keys",
            "PersistentVolume/lab-zookeeper-0-salt-minion-keys",
            "PersistentVolume/lab-zookeeper-1-salt-minion-keys",
            "PersistentVolumeClaim/web-salt-minion-keys",
            "Service/salt-master",
            "Service/web",
            "Service/zookeeper",
            "Deployment/salt-master",
            "Deployment/web",
            "StatefulSet/zookeeper");
  }

  @Test
  void masterConfigMapCarriesTheHostTreeAndNoToken() {
    SaltLab lab = TestLabs.twoRoles();
    JsonNode data = find(lab.render("1.36"), "ConfigMap", "salt-master-config").tree().path("data");
    lab.saltFiles()
        .forEach(
            (path, content) ->
                assertThat(data.path(SaltConfig.configMapKey(path)).asText()).isEqualTo(content));
    assertThat(data.size()).isEqualTo(lab.saltFiles().size());
    assertThat(data.toString()).doesNotContain(TestLabs.TOKEN);
  }

  @Test
  void autosignSecretHoldsTheMasterFileAndTheMinionGrains() {
    RenderedResource secret =
        find(TestLabs.twoRoles().render("1.36"), "Secret", "salt-master-autosign");
    assertThat(secret.tree().path("type").asText()).isEqualTo("Opaque");
    assertThat(decode(secret, SaltConfig.AUTOSIGN_GRAIN)).isEqualTo(TestLabs.TOKEN + "\n");
    assertThat(SaltConfigTest.parse(decode(secret, "grains")))
        .containsExactly(Map.entry(SaltConfig.AUTOSIGN_GRAIN, TestLabs.TOKEN));
    assertThat(secret.yaml()).doesNotContain(TestLabs.TOKEN);
  }

  @Test
  void masterIsPinnedProbedRecreatedAndMountsEveryGeneratedFile() {
    SaltLab lab = TestLabs.twoRoles();
    RenderedResource master = find(lab.render("1.36"), "Deployment", "salt-master");
    assertThat(master.tree().path("spec").path("strategy").path("type").asText())
        .isEqualTo("Recreate");
    assertThat(podSpec(master).path("nodeSelector").path("kubernetes.io/hostname").asText())
        .isEqualTo("kube0");
    for (String probe : List.of("livenessProbe", "readinessProbe")) {
      assertThat(container(master).path(probe).path("tcpSocket").path("port").asInt())
          .as(probe)
          .isEqualTo(4506);
    }
    Map<String, JsonNode> mounts = mountsByPath(master);
    // The configuration on its own, read at start; the rest as a directory the kubelet updates.
    JsonNode conf = mounts.get("/salt/conf/master.d/saltlab.conf");
    assertThat(conf.path("subPath").asText()).isEqualTo("conf_master.d_saltlab.conf");
    assertThat(conf.path("readOnly").asBoolean()).isTrue();
    JsonNode generated = mounts.get("/salt/saltlab");
    assertThat(generated.has("subPath")).isFalse();
    assertThat(generated.path("readOnly").asBoolean()).isTrue();
    JsonNode items =
        volume(master, generated.path("name").asText()).path("configMap").path("items");
    List<String> paths = new ArrayList<>();
    for (String path : lab.saltFiles().keySet()) {
      if (path.startsWith("saltlab/")) {
        paths.add(SaltConfig.configMapKey(path) + " -> " + path.substring("saltlab/".length()));
      }
    }
    List<String> rendered = new ArrayList<>();
    items.forEach(i -> rendered.add(i.path("key").asText() + " -> " + i.path("path").asText()));
    assertThat(rendered).isEqualTo(paths).hasSize(5);
    assertThat(mounts.get("/salt/autosign_grains").path("name").asText())
        .isEqualTo("salt-autosign");
    JsonNode secret = volume(master, "salt-autosign").path("secret");
    assertThat(secret.path("secretName").asText()).isEqualTo("salt-master-autosign");
    assertThat(secret.path("defaultMode").asInt()).isEqualTo(0400);
    assertThat(secret.path("items").get(0).path("key").asText())
        .isEqualTo(SaltConfig.AUTOSIGN_GRAIN);
    assertThat(secret.path("items").get(0).path("path").asText())
        .isEqualTo(SaltConfig.AUTOSIGN_GRAIN);
  }

  @Test
  void masterProbesFollowTheModelsReturnPort() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.master = TestLabs.master().returnPort(14506).publishPort(14505).build();
    RenderedResource master = find(spec.build().render("1.6"), "Deployment", "salt-master");
    assertThat(container(master).path("livenessProbe").path("tcpSocket").path("port").asInt())
        .isEqualTo(14506);
  }

  @Test
  void statefulRoleIsAStatefulSetGovernedByItsHeadlessService() {
    Manifests m = TestLabs.twoRoles().render("1.36");
    RenderedResource zk = find(m, "StatefulSet", "zookeeper");
    assertThat(zk.tree().path("spec").path("serviceName").asText()).isEqualTo("zookeeper");
    assertThat(zk.tree().path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(find(m, "Service", "zookeeper").tree().path("spec").path("clusterIP").asText())
        .isEqualTo("None");
  }

  @Test
  void fixedRoleIsADeploymentReplacedWithRecreate() {
    RenderedResource web = find(TestLabs.twoRoles().render("1.36"), "Deployment", "web");
    assertThat(web.tree().path("spec").path("strategy").path("type").asText())
        .isEqualTo("Recreate");
    assertThat(web.tree().path("spec").path("replicas").asInt()).isEqualTo(1);
  }

  @Test
  void minionMountsItsConfigTheTokenGrainAndAKeyDirectory() {
    RenderedResource zk = find(TestLabs.twoRoles().render("1.36"), "StatefulSet", "zookeeper");
    Map<String, JsonNode> mounts = mountsByPath(zk);
    assertThat(mounts.get("/etc/salt/minion.d/saltlab.conf").path("subPath").asText())
        .isEqualTo("saltlab.conf");
    assertThat(mounts.get("/etc/salt/grains").path("subPath").asText()).isEqualTo("grains");
    assertThat(mounts.get("/etc/salt/pki/minion").path("name").asText())
        .isEqualTo("salt-minion-keys");
    assertThat(volume(zk, "salt-config").path("configMap").path("name").asText())
        .isEqualTo("zookeeper-minion-config");
    assertThat(volume(zk, "salt-autosign").path("secret").path("secretName").asText())
        .isEqualTo("salt-master-autosign");
    // A claim per member, from the StatefulSet's template, on a volume the lab renders for it.
    JsonNode claim = zk.tree().at("/spec/volumeClaimTemplates/0");
    assertThat(claim.at("/metadata/name").asText()).isEqualTo("salt-minion-keys");
    assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("1Mi");
    assertThat(claim.has("storageClassName")).isFalse();
    Manifests m = TestLabs.twoRoles().render("1.36");
    JsonNode pv = find(m, "PersistentVolume", "lab-zookeeper-1-salt-minion-keys").tree();
    assertThat(pv.at("/spec/claimRef/name").asText()).isEqualTo("salt-minion-keys-zookeeper-1");
    assertThat(pv.at("/spec/claimRef/namespace").asText()).isEqualTo("lab");
    assertThat(pv.at("/spec/hostPath/path").asText()).isEqualTo("/var/lib/saltlab/lab/zookeeper-1");
    assertThat(pv.at("/spec/persistentVolumeReclaimPolicy").asText()).isEqualTo("Retain");
    assertThat(pv.at("/metadata/namespace").isMissingNode()).isTrue();
  }

  @Test
  void fixedMinionKeepsItsKeysOnItsOwnClaim() {
    Manifests m = TestLabs.twoRoles().render("1.6");
    RenderedResource web = find(m, "Deployment", "web");
    assertThat(volume(web, "salt-minion-keys").at("/persistentVolumeClaim/claimName").asText())
        .isEqualTo("web-salt-minion-keys");
    assertThat(
            find(m, "PersistentVolumeClaim", "web-salt-minion-keys")
                .tree()
                .at("/spec/accessModes/0")
                .asText())
        .isEqualTo("ReadWriteOnce");
    JsonNode pv = find(m, "PersistentVolume", "lab-web-salt-minion-keys").tree();
    assertThat(pv.at("/spec/claimRef/name").asText()).isEqualTo("web-salt-minion-keys");
    // 1.6 has no hostPath type; from 1.8 the directory is created when missing.
    assertThat(pv.at("/spec/hostPath/type").isMissingNode()).isTrue();
    assertThat(
            find(TestLabs.twoRoles().render("1.8"), "PersistentVolume", "lab-web-salt-minion-keys")
                .tree()
                .at("/spec/hostPath/type")
                .asText())
        .isEqualTo("DirectoryOrCreate");
  }

  @Test
  void minionConfigMapIsTheRolesConfiguration() {
    SaltLab lab = TestLabs.twoRoles();
    JsonNode data =
        find(lab.render("1.36"), "ConfigMap", "zookeeper-minion-config").tree().path("data");
    assertThat(data.path("saltlab.conf").asText())
        .isEqualTo(SaltConfig.minionConfigFile(lab, lab.roles().get(0)));
  }

  @Test
  void configDigestFollowsTheConfigurationButNotTheToken() {
    TestLabs.Spec a = TestLabs.spec();
    TestLabs.Spec otherToken = TestLabs.spec();
    otherToken.token = SecretValue.of("another-test-token-not-a-secret");
    TestLabs.Spec otherPort = TestLabs.spec();
    otherPort.master = TestLabs.master().returnPort(14506).build();
    String key = LabWorkloads.CONFIG_DIGEST_ANNOTATION;
    for (String kind : List.of("Deployment/salt-master", "StatefulSet/zookeeper")) {
      String[] k = kind.split("/");
      String base = digest(a.build(TestLabs.zookeeper()), k[0], k[1], key);
      assertThat(base).matches("[0-9a-f]{64}");
      assertThat(digest(otherToken.build(TestLabs.zookeeper()), k[0], k[1], key))
          .as(kind)
          .isEqualTo(base);
      assertThat(digest(otherPort.build(TestLabs.zookeeper()), k[0], k[1], key))
          .as(kind)
          .isNotEqualTo(base);
    }
  }

  private static String digest(SaltLab lab, String kind, String name, String key) {
    return find(lab.render("1.36"), kind, name)
        .tree()
        .path("spec")
        .path("template")
        .path("metadata")
        .path("annotations")
        .path(key)
        .asText();
  }

  @Test
  void hostPathTypeStaysOffOldTargets() {
    RenderedResource master = find(TestLabs.twoRoles().render("1.6"), "Deployment", "salt-master");
    assertThat(volume(master, "salt-conf").path("hostPath").has("type")).isFalse();
  }
}
