package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class SaltConfigTest {

  /** Parses like Salt does: safe loading, YAML 1.1 resolution of plain scalars. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    assertThat(doc).as("a YAML mapping:\n%s", yaml).isInstanceOf(Map.class);
    return (Map<String, Object>) doc;
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> map, String... path) {
    Object node = map;
    for (String key : path) {
      assertThat(node).as("parent of %s", key).isInstanceOf(Map.class);
      node = ((Map<String, Object>) node).get(key);
    }
    return (T) node;
  }

  @Test
  void masterAddressIsTheServiceDnsNameFromTheModel() {
    assertThat(TestLabs.empty().masterAddress()).isEqualTo("salt-master.lab.svc.cluster.local");
    TestLabs.Spec spec = TestLabs.spec();
    spec.namespace = "salt-ns";
    spec.clusterDomain = "k8s.example";
    spec.master = TestLabs.master().name("master").build();
    SaltLab custom = spec.build();
    assertThat(custom.masterAddress()).isEqualTo("master.salt-ns.svc.k8s.example");
  }

  @Test
  void minionIdsAreOrdinalsForStatefulAndTheRoleNameForFixed() {
    AppRole stateful = AppRole.builder().name("zk").replicas(3).build();
    assertThat(stateful.identity()).isEqualTo(MinionIdentity.STATEFUL);
    assertThat(stateful.minionIds()).containsExactly("zk-0", "zk-1", "zk-2");
    assertThat(AppRole.builder().name("web").identity(MinionIdentity.FIXED).build().minionIds())
        .containsExactly("web");
    assertThat(AppRole.builder().name("off").replicas(0).build().minionIds()).isEmpty();
    assertThat(
            AppRole.builder()
                .name("off")
                .replicas(0)
                .identity(MinionIdentity.FIXED)
                .build()
                .minionIds())
        .isEmpty();
  }

  @Test
  void masterFilesAreTheFilesSaltReadsAtTheirPlaces() {
    assertThat(TestLabs.twoRoles().saltFiles().keySet())
        .containsExactly(
            "conf/master.d/saltlab.conf",
            "saltlab/pillar/saltlab/init.sls",
            "saltlab/pillar/top.sls",
            "saltlab/reactor/stale-minion-key.sls",
            "saltlab/states/saltlab/init.sls",
            "saltlab/states/top.sls");
  }

  @Test
  void masterConfigFollowsTheModel() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.master =
        TestLabs.master().publishPort(14505).returnPort(14506).mountRoot("/srv/lab").build();
    SaltLab lab = spec.build();
    Map<String, Object> c = parse(lab.saltFiles().get("conf/master.d/saltlab.conf"));
    assertThat(c.get("publish_port")).isEqualTo(14505);
    assertThat(c.get("ret_port")).isEqualTo(14506);
    assertThat(c.get("auto_accept")).isEqualTo(false);
    assertThat(c.get("open_mode")).isEqualTo(false);
    assertThat(c.get("pki_dir")).isEqualTo("/srv/lab/conf/pki/master");
    assertThat(c.get("autosign_grains_dir")).isEqualTo("/srv/lab/autosign_grains");
    assertThat(TestLabs.empty().saltFiles().get("conf/master.d/saltlab.conf"))
        .contains("autosign_grains_dir: /salt/autosign_grains");
    List<String> fileRoots = at(c, "file_roots", "base");
    assertThat(fileRoots)
        .containsExactly(
            "/srv/lab/saltlab/states", "/srv/lab/states", "/srv/lab/formulas", "/srv/lab/delivery");
    List<String> pillarRoots = at(c, "pillar_roots", "base");
    assertThat(pillarRoots).containsExactly("/srv/lab/saltlab/pillar", "/srv/lab/pillar");
  }

  @Test
  void rootsAreTheMountedDirectories() {
    SaltLab lab = TestLabs.twoRoles();
    SaltMaster m = lab.master();
    Map<String, Object> c = parse(lab.saltFiles().get("conf/master.d/saltlab.conf"));
    List<String> fileRoots = at(c, "file_roots", "base");
    // The generated directory first, so that its top file and base state win.
    assertThat(fileRoots.get(0)).isEqualTo(m.mountRoot() + "/saltlab/states");
    assertThat(fileRoots.get(1)).isEqualTo(m.mountPath(SaltDirectory.STATES));
    assertThat(fileRoots.get(2)).isEqualTo(m.mountPath(SaltDirectory.FORMULAS));
    List<String> pillarRoots = at(c, "pillar_roots", "base");
    assertThat(pillarRoots)
        .containsExactly(m.mountRoot() + "/saltlab/pillar", m.mountPath(SaltDirectory.PILLAR));
    assertThat((String) c.get("pki_dir")).startsWith(m.mountPath(SaltDirectory.CONF) + "/");
  }

  @Test
  void statefulMinionTakesItsIdFromThePodHostName() {
    SaltLab lab = TestLabs.twoRoles();
    Map<String, Object> c = parse(SaltConfig.minionConfigFile(lab, lab.roles().get(0)));
    assertThat(c).doesNotContainKey("id");
    assertThat(c.get("minion_id_remove_domain")).isEqualTo(true);
    assertThat(c.get("minion_id_caching")).isEqualTo(false);
  }

  @Test
  @SuppressWarnings("unchecked") // parsed YAML is untyped; each cast is checked by the assertion
  void minionConfigFindsTheMasterAndSurvivesItsRestart() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.master = TestLabs.master().publishPort(14505).returnPort(14506).build();
    SaltLab lab = spec.build(TestLabs.web());
    Map<String, Object> c = parse(SaltConfig.minionConfigFile(lab, lab.roles().get(0)));
    assertThat(c.get("master")).isEqualTo("salt-master.lab.svc.cluster.local");
    assertThat(c.get("master_port")).isEqualTo(14506);
    assertThat(c.get("publish_port")).isEqualTo(14505);
    assertThat(c.get("id")).isEqualTo("web");
    assertThat(c).doesNotContainKey("minion_id_remove_domain");
    List<String> roles = at(c, "grains", "roles");
    assertThat(roles).containsExactly("web");
    assertThat((List<Object>) c.get("autosign_grains")).containsExactly("saltlab_autosign_token");
    assertThat((Integer) c.get("master_alive_interval")).isPositive();
    assertThat(c.get("master_tries")).isEqualTo(-1);
    assertThat((Integer) c.get("retry_dns")).isPositive();
    assertThat(c.get("tcp_keepalive")).isEqualTo(true);
    assertThat((Integer) c.get("tcp_keepalive_idle")).isBetween(1, 299);
    assertThat(c.get("startup_states")).isEqualTo("highstate");
    assertThat(c.get("pki_dir")).isEqualTo("/etc/salt/pki/minion");
  }

  @Test
  @SuppressWarnings("unchecked") // parsed YAML is untyped; each cast is checked by the assertion
  void pillarTopMapsEachRoleByGrainAndToleratesMissingRolePillars() {
    Map<String, Object> top = parse(TestLabs.twoRoles().saltFiles().get("saltlab/pillar/top.sls"));
    Map<String, Object> base = at(top, "base");
    assertThat((List<Object>) base.get("*")).containsExactly("saltlab");
    assertThat((List<Object>) base.get("roles:zookeeper"))
        .containsExactly(Map.of("match", "grain"), Map.of("ignore_missing", true), "zookeeper");
  }

  @Test
  @SuppressWarnings("unchecked") // parsed YAML is untyped; each cast is checked by the assertion
  void basePillarListsTheLabAndItsMinionIds() {
    Map<String, Object> pillar =
        parse(TestLabs.twoRoles().saltFiles().get("saltlab/pillar/saltlab/init.sls"));
    assertThat((String) at(pillar, "saltlab", "master"))
        .isEqualTo("salt-master.lab.svc.cluster.local");
    assertThat((List<Object>) at(pillar, "saltlab", "roles", "zookeeper"))
        .containsExactly("zookeeper-0", "zookeeper-1");
    assertThat((List<Object>) at(pillar, "saltlab", "roles", "web")).containsExactly("web");
  }

  @Test
  void everyGeneratedFileParsesAsYaml() {
    SaltLab lab = TestLabs.twoRoles();
    List<String> files = new ArrayList<>();
    // The Jinja templates are rendered (and then parsed) by SaltTemplatesTest.
    lab.saltFiles()
        .forEach(
            (path, text) -> {
              if (!text.contains("{%")) {
                files.add(text);
              }
            });
    for (AppRole role : lab.roles()) {
      files.add(SaltConfig.minionConfigFile(lab, role));
    }
    files.add(SaltConfig.minionGrainsFile(lab));
    for (String file : files) {
      assertThat(parse(file)).isNotEmpty();
    }
  }

  @Test
  void masterAndMinionConfigsUseOnlyDocumentedOptions() {
    SaltLab lab = TestLabs.twoRoles();
    assertThat(parse(lab.saltFiles().get("conf/master.d/saltlab.conf")).keySet())
        .isSubsetOf(SaltConfig.MASTER_OPTIONS);
    for (AppRole role : lab.roles()) {
      assertThat(parse(SaltConfig.minionConfigFile(lab, role)).keySet())
          .isSubsetOf(SaltConfig.MINION_OPTIONS);
    }
  }

  @Test
  void tokenGrainReadsBackAsTheSameStringEvenWhenItLooksLikeANumber() {
    for (String token :
        List.of(
            "1234567890123456",
            "1e10000000000000",
            "0x1234567890abcdef",
            "a:b#c\"d'e\\f{g}[h]&i*j!k|l>m%n@o`p")) {
      TestLabs.Spec spec = TestLabs.spec();
      spec.token = SecretValue.of(token);
      SaltLab lab = spec.build();
      assertThat(parse(SaltConfig.minionGrainsFile(lab)).get(SaltConfig.AUTOSIGN_GRAIN))
          .isEqualTo(token);
      assertThat(SaltConfig.autosignGrainFile(lab)).isEqualTo(token + "\n");
    }
  }

  @Test
  void tokenIsNeverInTheSaltFilesNorTheLabsText() {
    SaltLab lab = TestLabs.twoRoles();
    lab.saltFiles().values().forEach(f -> assertThat(f).doesNotContain(TestLabs.TOKEN));
    for (AppRole role : lab.roles()) {
      assertThat(SaltConfig.minionConfigFile(lab, role)).doesNotContain(TestLabs.TOKEN);
    }
    assertThat(lab.toString()).doesNotContain(TestLabs.TOKEN).contains("autosignToken=****");
  }

  @Test
  void valuesFromTheModelAreQuotedWhenYamlWouldMisreadThem() {
    TestLabs.Spec spec = TestLabs.spec();
    spec.name = "yes";
    spec.namespace = "on";
    SaltLab lab = spec.build();
    Map<String, Object> pillar = parse(lab.saltFiles().get("saltlab/pillar/saltlab/init.sls"));
    assertThat((String) at(pillar, "saltlab", "lab")).isEqualTo("yes");
    assertThat((String) at(pillar, "saltlab", "namespace")).isEqualTo("on");
  }
}
