package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lab's two ways out agree byte for byte: the trees {@link SaltLab#render} writes, and the
 * fabric8 objects {@link LabRendering#translate} gives users who decorate further, rendered
 * unchanged. Labs vary every model attribute the translation reads (registry with or without e-mail
 * or an existing Secret, master names, ports, roots, commands, role identities, replicas, images,
 * ports, environment, labels), over every supported target.
 */
class Fabric8PathEquivalenceTest {

  @Test
  void fabric8ObjectsRenderExactlyAsTheLabsOwnTrees() {
    Random rnd = new Random(42);
    java.util.Set<String> covered = new java.util.TreeSet<>();
    for (int i = 0; i < 12; i++) {
      SaltLab lab = lab(rnd, i);
      covered.add(
          lab.registry().existingSecret() ? "existing pull Secret" : "rendered pull Secret");
      for (AppRole role : lab.roles()) {
        covered.add(role.identity() + " role");
        covered.add(role.ports().isEmpty() ? "role without ports" : "role with ports");
      }
      for (KubernetesVersion target : KubernetesVersion.all()) {
        if (target.minor() == 5
            && lab.roles().stream()
                .anyMatch(r -> r.identity() == MinionIdentity.STATEFUL && r.ports().isEmpty())) {
          // Refused on both paths (LabTranslatorTest pins the message): nothing to compare.
          continue;
        }
        Manifests direct = lab.render(target);
        java.util.List<io.fabric8.kubernetes.api.model.HasMetadata> objects =
            LabRendering.translate(lab, target);
        // The fabric8 path really goes through fabric8's typed classes, not through trees.
        assertThat(objects)
            .as("lab %d for %s", i, target)
            .allSatisfy(
                o ->
                    assertThat(o.getClass().getName())
                        .startsWith("io.fabric8.kubernetes.api.model."));
        Manifests viaFabric8 = LabRendering.render(objects, LabTranslator.renderer(lab, target));
        assertThat(viaFabric8.toYaml()).as("lab %d for %s", i, target).isEqualTo(direct.toYaml());
      }
    }
    // The random corpus must keep exercising the branches the translation has.
    assertThat(covered)
        .containsExactlyInAnyOrder(
            "existing pull Secret",
            "rendered pull Secret",
            "STATEFUL role",
            "FIXED role",
            "role without ports",
            "role with ports");
  }

  /**
   * The typed settings (resources, probes, volumes and claim templates, environment sources,
   * exposure, scheduling, security, budgets, network policies), all of them at once through the
   * spec file that holds every key, on the targets that have every field.
   */
  @Test
  void fabric8ObjectsRenderTheTypedSettingsExactlyAsTheTrees() throws Exception {
    java.nio.file.Path spec =
        java.nio.file.Path.of(
            java.util.Objects.requireNonNull(getClass().getResource("/specs/every-key.yaml"))
                .toURI());
    SaltLab lab =
        io.saltlab.topology.spec.LabSpec.read(
            spec,
            java.util.Map.of(
                "PW", "every-password-not-a-secret", "TOKEN", "every-token-not-a-secret-01"));
    for (KubernetesVersion target : KubernetesVersion.all()) {
      if (!target.isAtLeast(28)) {
        continue;
      }
      Manifests direct = lab.render(target);
      Manifests viaFabric8 =
          LabRendering.render(
              LabRendering.translate(lab, target), LabTranslator.renderer(lab, target));
      assertThat(viaFabric8.toYaml()).as("target %s", target).isEqualTo(direct.toYaml());
    }
  }

  private static String pick(Random r, String... s) {
    return s[r.nextInt(s.length)];
  }

  /** A lab whose every optional attribute is drawn at random. */
  static SaltLab lab(Random r, int i) {
    Registry.Builder reg =
        Registry.builder()
            .server(pick(r, "registry.example.com:5000", "reg.local", "10.0.0.1:443"));
    boolean existing = r.nextInt(4) == 0;
    if (existing) {
      reg.existingSecret(true);
    } else {
      reg.username("user" + i).password(SecretValue.of("pass-" + i));
      if (r.nextBoolean()) {
        reg.email("a" + i + "@example.com");
      }
    }
    if (r.nextBoolean()) {
      reg.secretName("pull-" + i);
    }
    SaltMaster.Builder m =
        SaltMaster.builder()
            .image("registry.example.com/salt/master:" + i)
            .hostRoot(pick(r, "/srv/salt", "/home/vagrant/salt/", "/data"))
            .node(pick(r, "kube0", "node-1"));
    if (r.nextBoolean()) {
      m.name("master-" + i);
    }
    if (r.nextBoolean()) {
      m.mountRoot(pick(r, "/salt", "/opt/salt/", "/x"));
    }
    if (r.nextInt(3) == 0) {
      m.command(java.util.List.of("salt-master", "-l", "debug"));
      m.args(java.util.List.of("--config-dir=/c", "--x"));
    }
    if (r.nextInt(3) == 0) {
      m.publishPort(14505).returnPort(14506);
    }
    SaltLab.Builder b =
        SaltLab.builder()
            .name("lab-" + i)
            .registry(reg.build())
            .master(m.build())
            .autosignToken(SecretValue.of("token-0123456789-abcdef-" + i))
            .minionImage("registry.example.com/salt/minion:" + i);
    if (r.nextBoolean()) {
      b.namespace("ns-" + i);
    }
    if (r.nextInt(3) == 0) {
      b.clusterDomain("lab.internal");
    }
    if (r.nextInt(3) == 0) {
      b.minionConfigDir(pick(r, "/etc/salt", "/opt/salt/etc/"));
    }
    int roles = r.nextInt(6);
    for (int k = 0; k < roles; k++) {
      AppRole.Builder a = AppRole.builder().name("role-" + k + "-" + pick(r, "zk", "hz", "app"));
      MinionIdentity id = r.nextBoolean() ? MinionIdentity.STATEFUL : MinionIdentity.FIXED;
      a.identity(id);
      a.replicas(id == MinionIdentity.FIXED ? r.nextInt(2) : r.nextInt(4));
      if (r.nextBoolean()) {
        a.image("registry.example.com/app/" + k + ":1");
      }
      if (r.nextInt(3) == 0) {
        a.command(java.util.List.of("sh", "-c"));
        a.addAllArgs(java.util.List.of("salt-minion -l info", "x y"));
      }
      int ports = r.nextInt(3);
      for (int p = 0; p < ports; p++) {
        a.addPorts(RolePort.of("p" + p, 8000 + p + k));
      }
      int env = r.nextInt(3);
      for (int e = 0; e < env; e++) {
        a.putEnv("E" + e, pick(r, "v", "yes", "1", "a: b", "multi\nline", ""));
      }
      if (r.nextBoolean()) {
        a.putLabels("tier", pick(r, "app", "db"));
      }
      b.addRoles(a.build());
    }
    return b.build();
  }
}
