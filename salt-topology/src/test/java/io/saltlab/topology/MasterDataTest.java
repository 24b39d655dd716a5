package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ValidationContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How the master's data is spread over ConfigMaps: a lab that fits keeps its one ConfigMap and the
 * files it always had; a larger one gets the fewest power-of-two parts that each fit the budget,
 * every role in exactly one of them, chosen by its name alone. Small budgets stand in for the real
 * one, which only labs of thousands of roles reach (see LargeBenchLabIT in the bench module).
 */
class MasterDataTest {

  private static final int BUDGET = 4_000;

  private static AppRole role(String name, int kind) {
    AppRole.Builder b = AppRole.builder().name(name).addPorts(RolePort.of("app", 8080));
    return (kind % 3 == 0 ? b.identity(MinionIdentity.FIXED) : b.replicas(kind % 4)).build();
  }

  private static SaltLab lab(int roles) {
    SaltLab.Builder b = TestLabs.base();
    for (int i = 0; i < roles; i++) {
      b.addRoles(role("role-" + i, i));
    }
    return b.build();
  }

  /** Part file path (under the generated directory) to content, the master's own included. */
  private static Map<String, Map<String, String>> byConfigMap(MasterData data) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    data.parts().forEach(p -> out.put(p.configMap(), p.files()));
    return out;
  }

  @Test
  void aLabThatFitsKeepsItsOneConfigMapAndItsFiles() {
    SaltLab lab = lab(40);
    MasterData data = MasterData.of(lab);
    assertThat(data.split()).isFalse();
    assertThat(data.parts()).hasSize(1);
    assertThat(data.parts().get(0).configMap()).isEqualTo("salt-master-config");
    assertThat(data.files()).isEqualTo(SaltConfig.masterFiles(lab));
    assertThat(lab.saltFiles()).isEqualTo(SaltConfig.masterFiles(lab));
  }

  @Test
  void aLargerLabGetsTheFewestPowerOfTwoPartsThatFit() {
    SaltLab lab = lab(60);
    assertThat(MasterData.dataBytes(SaltConfig.masterFiles(lab))).isGreaterThan(BUDGET);
    MasterData data = MasterData.of(lab, BUDGET);
    assertThat(data.split()).isTrue();
    int count = data.parts().size() - 1;
    assertThat(Integer.bitCount(count)).isEqualTo(1);
    for (MasterData.Part part : data.parts()) {
      assertThat(MasterData.dataBytes(part.files()))
          .as(part.configMap())
          .isLessThanOrEqualTo(BUDGET);
    }
    assertThat(data.parts().get(0).configMap()).isEqualTo("salt-master-config");
    for (int i = 0; i < count; i++) {
      assertThat(data.parts().get(i + 1).configMap())
          .isEqualTo(LabNames.masterRolesConfigMap(lab.master(), i));
    }
    // Not more than needed: the same lab with twice the budget needs at most half the parts.
    assertThat(MasterData.of(lab, 2 * BUDGET).parts().size() - 1).isLessThanOrEqualTo(count / 2);
  }

  @Test
  void everyRoleIsInExactlyOnePartAndTheMastersOwnConfigMapNamesNone() {
    SaltLab lab = lab(60);
    MasterData data = MasterData.of(lab, BUDGET);
    for (AppRole role : lab.roles()) {
      List<String> holding = new ArrayList<>();
      for (MasterData.Part part : data.parts()) {
        String roles = String.join("\n", part.files().values());
        if (roles.contains("roles:" + role.name() + ":\n")) {
          holding.add(part.configMap());
          assertThat(roles)
              .contains("    " + role.name() + ":")
              .contains("\"" + role.name() + "\"");
        }
      }
      assertThat(holding).as(role.name()).hasSize(1);
    }
    String own = String.join("\n", data.parts().get(0).files().values());
    for (AppRole role : lab.roles()) {
      assertThat(own).doesNotContain(role.name() + ":").doesNotContain("\"" + role.name() + "\"");
    }
  }

  @Test
  void addingOrScalingARoleChangesItsPartOnly() {
    SaltLab before = lab(60);
    MasterData a = MasterData.of(before, BUDGET);
    SaltLab added = TestLabs.base().addAllRoles(before.roles()).addRoles(role("extra", 1)).build();
    List<AppRole> scaledRoles = new ArrayList<>(before.roles());
    // role-8 is STATEFUL with no replica.
    scaledRoles.set(8, AppRole.builder().from(scaledRoles.get(8)).replicas(3).build());
    SaltLab scaled = TestLabs.base().addAllRoles(scaledRoles).build();
    for (SaltLab after : List.of(added, scaled)) {
      MasterData b = MasterData.of(after, BUDGET);
      assertThat(b.parts()).hasSameSizeAs(a.parts());
      List<String> changed = new ArrayList<>();
      byConfigMap(a)
          .forEach(
              (name, files) -> {
                if (!files.equals(byConfigMap(b).get(name))) {
                  changed.add(name);
                }
              });
      assertThat(changed).hasSize(1).first().asString().startsWith("salt-master-roles-");
    }
  }

  @Test
  void thePartsDependOnTheRolesNotOnTheirOrder() {
    SaltLab lab = lab(60);
    List<AppRole> shuffled = new ArrayList<>(lab.roles());
    Collections.shuffle(shuffled, new Random(7));
    SaltLab other = TestLabs.base().addAllRoles(shuffled).build();
    assertThat(byConfigMap(MasterData.of(other, BUDGET)))
        .isEqualTo(byConfigMap(MasterData.of(lab, BUDGET)));
  }

  @Test
  void sizesAreCountedAsKubectlStoresThemNeverBelowTheRawBytes() {
    assertThat(MasterData.escaped("plain-text")).isEqualTo(10);
    assertThat(MasterData.escaped("\"\\\n\r\t")).isEqualTo(10);
    assertThat(MasterData.escaped("\u0001<>&\u2028")).isEqualTo(30);
    assertThat(MasterData.escaped("é€😀")).isEqualTo(9);
    // key, value, two pairs of quotes, colon and comma
    assertThat(MasterData.dataBytes(Map.of("a/b", "c\n"))).isEqualTo(3 + 3 + 6);
    SaltLab lab = lab(60);
    for (MasterData.Part part : MasterData.of(lab, BUDGET).parts()) {
      long raw = 0;
      for (Map.Entry<String, String> f : part.files().entrySet()) {
        raw += SaltConfig.configMapKey(f.getKey()).length();
        raw += f.getValue().getBytes(StandardCharsets.UTF_8).length;
      }
      assertThat(MasterData.dataBytes(part.files())).isGreaterThan(raw);
    }
  }

  @Test
  void theRenderedConfigMapsAreThePartsAndValidate() {
    SaltLab lab = lab(60);
    Manifests m =
        LabTranslator.render(lab, KubernetesVersion.of("1.6"), ValidationContext.empty(), BUDGET);
    assertThat(m.validation().orElseThrow().problems()).isEmpty();
    MasterData data = MasterData.of(lab, BUDGET);
    for (MasterData.Part part : data.parts()) {
      RenderedResource cm = m.find("ConfigMap", part.configMap()).orElseThrow();
      assertThat(cm.tree().get("data").size()).isEqualTo(part.files().size());
      part.files()
          .forEach(
              (path, content) ->
                  assertThat(cm.tree().at("/data/" + SaltConfig.configMapKey(path)).asText())
                      .isEqualTo(content));
    }
    String master = m.find("Deployment", "salt-master").orElseThrow().yaml();
    assertThat(master).contains("projected:").contains("name: salt-master-roles-000");
  }

  @Test
  void kubernetes15HasNoProjectedVolumesSoALabThatNeedsPartsIsRefused() {
    SaltLab lab = lab(60);
    assertThatThrownBy(
            () ->
                LabTranslator.render(
                    lab, KubernetesVersion.of("1.5"), ValidationContext.empty(), BUDGET))
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("roles: '60 roles, ")
        .hasMessageContaining("no projected volumes")
        .hasMessageContaining("target 1.6 or later");
    // The same lab within one ConfigMap renders there.
    assertThat(lab.render("1.5").validation().orElseThrow().isClean()).isTrue();
  }
}
