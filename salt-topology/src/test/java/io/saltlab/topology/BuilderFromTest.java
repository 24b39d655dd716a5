package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code builder().from(value)}: a test starts from a whole lab and states only what it changes; a
 * later setter replaces what {@code from} copied, and the changed lab is checked like any other.
 */
class BuilderFromTest {

  @Test
  void fromCopiesEveryAttributeSoTheCopyRendersTheSameBytes() {
    SaltLab lab = TestLabs.twoRoles();

    SaltLab copy = SaltLab.builder().from(lab).build();

    assertThat(copy).isEqualTo(lab);
    assertThat(copy.render("1.36").files()).isEqualTo(lab.render("1.36").files());
    assertThat(copy.render("1.6").toYaml()).isEqualTo(lab.render("1.6").toYaml());
  }

  @Test
  void changingOneRoleChangesOnlyWhatDependsOnThatRole() {
    SaltLab lab = TestLabs.twoRoles();
    AppRole zookeeper = role(lab, "zookeeper");

    SaltLab bigger =
        SaltLab.builder()
            .from(lab)
            .roles(
                lab.roles().stream()
                    .map(r -> r == zookeeper ? AppRole.builder().from(r).replicas(3).build() : r)
                    .toList())
            .build();

    assertThat(role(bigger, "zookeeper").replicas()).isEqualTo(3);
    assertThat(role(bigger, "web")).isEqualTo(role(lab, "web"));
    assertThat(bigger.roles()).extracting(AppRole::name).containsExactly("zookeeper", "web");

    Map<String, String> before = lab.render("1.36").files();
    Map<String, String> after = bigger.render("1.36").files();
    // The third member's key volume is the one file added (issue 15: keys outlive pods).
    TreeSet<String> added = new TreeSet<>(after.keySet());
    added.removeAll(before.keySet());
    assertThat(added).containsExactly("persistentvolume-lab-zookeeper-2-salt-minion-keys.yaml");
    assertThat(after.keySet()).containsAll(before.keySet());
    TreeSet<String> changed =
        before.keySet().stream()
            .filter(f -> !before.get(f).equals(after.get(f)))
            .collect(Collectors.toCollection(TreeSet::new));
    // the role's workload carries the new replica count; nothing of the web role moves
    assertThat(changed).anyMatch(f -> f.contains("zookeeper") && f.contains("statefulset"));
    assertThat(changed).noneMatch(f -> f.contains("web"));
    String workload =
        after.entrySet().stream()
            .filter(e -> e.getKey().contains("zookeeper") && e.getKey().contains("statefulset"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(workload).contains("replicas: 3");
  }

  @Test
  void aSetterAfterFromReplacesTheCopiedValue() {
    SaltLab lab = TestLabs.spec().build(TestLabs.web());

    SaltLab renamed = SaltLab.builder().from(lab).name("other").build();

    assertThat(renamed.name()).isEqualTo("other");
    // from copies what the lab had, defaulted values included: the namespace stays the old one
    assertThat(renamed.namespace()).isEqualTo(lab.namespace()).isEqualTo("lab");
    assertThat(renamed.roles()).isEqualTo(lab.roles());
  }

  @Test
  void addingAfterFromAppendsToTheCopiedRoles() {
    SaltLab lab = TestLabs.spec().build(TestLabs.web());

    SaltLab more = SaltLab.builder().from(lab).addRoles(TestLabs.zookeeper()).build();

    assertThat(more.roles()).extracting(AppRole::name).containsExactly("web", "zookeeper");
  }

  @Test
  void aChangedLabIsCheckedAsAWhole() {
    SaltLab lab = TestLabs.twoRoles();

    assertThatThrownBy(
            () -> SaltLab.builder().from(lab).addRoles(role(lab, "web")).name("Bad_Name").build())
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining("name: 'Bad_Name'")
        .hasMessageContaining("'web'");
  }

  @Test
  void everyValueTypeOfTheModelHasFrom() {
    SaltLab lab = TestLabs.twoRoles();

    Registry registry = Registry.builder().from(lab.registry()).server("other:5000").build();
    SaltMaster master = SaltMaster.builder().from(lab.master()).node("kube1").build();

    assertThat(registry.server()).isEqualTo("other:5000");
    assertThat(registry.username()).isEqualTo(lab.registry().username());
    assertThat(registry.toString()).doesNotContain("test-password-not-a-secret");
    assertThat(master.node()).isEqualTo("kube1");
    assertThat(master.image()).isEqualTo(lab.master().image());
    assertThat(SaltLab.builder().from(lab).registry(registry).master(master).build().master())
        .isEqualTo(master);
  }

  private static AppRole role(SaltLab lab, String name) {
    List<AppRole> found = lab.roles().stream().filter(r -> r.name().equals(name)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
