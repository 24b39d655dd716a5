package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which objects one change to a lab changes: a change to one role touches that role's objects and
 * the lab's Salt data (the pillar lists every role's minion ids, the pillar top and the reactor
 * every role), which the running master reads from a directory the kubelet updates; the master's
 * Deployment, whose digest covers only the configuration it reads at start, stays byte for byte the
 * same, so its pod is not replaced. Only a change to the master's own configuration replaces it. In
 * a lab whose Salt data is split over parts, a change to one role changes one part only.
 */
class LabChangesTest {

  private static final String MASTER_DATA = "ConfigMap/lab/salt-master-config";

  private static AppRole.Builder zookeeper(int replicas) {
    return AppRole.builder()
        .name("zookeeper")
        .replicas(replicas)
        .addPorts(RolePort.of("client", 2181));
  }

  private static AppRole.Builder web() {
    return AppRole.builder()
        .name("web")
        .identity(MinionIdentity.FIXED)
        .addPorts(RolePort.of("http", 8080))
        .putEnv("MODE", "a");
  }

  private static SaltLab lab(SaltMaster master, AppRole... roles) {
    return TestLabs.base("lab", master).addRoles(roles).build();
  }

  private static SaltLab lab(AppRole... roles) {
    return lab(TestLabs.master().build(), roles);
  }

  private static final SaltLab BEFORE = lab(zookeeper(1).build(), web().build());

  /** Object id to "added", "removed" or "changed", for the objects that differ. */
  private static Map<String, String> changes(SaltLab before, SaltLab after, String target) {
    return changes(before.render(target), after.render(target));
  }

  /** The same, for labs whose master data is split over ConfigMaps of {@link #SMALL_BUDGET}. */
  private static Map<String, String> changesSplit(SaltLab before, SaltLab after, String target) {
    KubernetesVersion v = KubernetesVersion.of(target);
    return changes(
        LabTranslator.render(before, v, ValidationContext.empty(), SMALL_BUDGET),
        LabTranslator.render(after, v, ValidationContext.empty(), SMALL_BUDGET));
  }

  private static Map<String, String> changes(Manifests before, Manifests after) {
    Map<String, String> a = yaml(before);
    Map<String, String> b = yaml(after);
    Map<String, String> out = new TreeMap<>();
    Set<String> ids = new TreeSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      if (!a.containsKey(id)) {
        out.put(id, "added");
      } else if (!b.containsKey(id)) {
        out.put(id, "removed");
      } else if (!a.get(id).equals(b.get(id))) {
        out.put(id, "changed");
      }
    }
    return out;
  }

  private static Map<String, String> yaml(Manifests m) {
    Map<String, String> out = new TreeMap<>();
    for (RenderedResource r : m.resources()) {
      out.put(r.id(), r.yaml());
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.6", "1.36"})
  void scalingARoleTouchesItsWorkloadItsKeyVolumesAndTheLabsPillarOnly(String target) {
    SaltLab after = lab(zookeeper(3).build(), web().build());
    assertThat(changes(BEFORE, after, target))
        .containsExactly(
            Map.entry(MASTER_DATA, "changed"),
            Map.entry("PersistentVolume/lab-zookeeper-1-salt-minion-keys", "added"),
            Map.entry("PersistentVolume/lab-zookeeper-2-salt-minion-keys", "added"),
            Map.entry("StatefulSet/lab/zookeeper", "changed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.36"})
  void anImageOrEnvironmentChangeTouchesTheRolesWorkloadOnly(String target) {
    SaltLab image = lab(zookeeper(1).build(), web().image("registry.example.com/web:2").build());
    assertThat(changes(BEFORE, image, target))
        .containsExactly(Map.entry("Deployment/lab/web", "changed"));
    SaltLab env = lab(zookeeper(1).build(), web().putEnv("MODE", "b").build());
    assertThat(changes(BEFORE, env, target))
        .containsExactly(Map.entry("Deployment/lab/web", "changed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.36"})
  void addingARoleAddsItsObjectsAndChangesTheLabsSaltDataButNotTheMaster(String target) {
    AppRole cache =
        AppRole.builder().name("cache").replicas(2).addPorts(RolePort.of("redis", 6379)).build();
    SaltLab after = lab(zookeeper(1).build(), web().build(), cache);
    assertThat(changes(BEFORE, after, target))
        .containsExactly(
            Map.entry("ConfigMap/lab/cache-minion-config", "added"),
            Map.entry(MASTER_DATA, "changed"),
            Map.entry("PersistentVolume/lab-cache-0-salt-minion-keys", "added"),
            Map.entry("PersistentVolume/lab-cache-1-salt-minion-keys", "added"),
            Map.entry("Service/lab/cache", "added"),
            Map.entry("StatefulSet/lab/cache", "added"));
  }

  /** A budget that splits the labs below over parts, as the real one splits labs of thousands. */
  private static final int SMALL_BUDGET = 5_000;

  /** {@code roles} more FIXED roles beside the given ones. */
  private static SaltLab large(AppRole... roles) {
    SaltLab.Builder b = TestLabs.base("lab", TestLabs.master().build()).addRoles(roles);
    for (int i = 0; i < 40; i++) {
      b.addRoles(AppRole.builder().name("role-" + i).identity(MinionIdentity.FIXED).build());
    }
    return b.build();
  }

  /** The one part of a split lab whose content changed, as the only master data that changed. */
  private static Map.Entry<String, String> onePart(Map<String, String> changes) {
    List<Map.Entry<String, String>> parts = new ArrayList<>();
    changes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("ConfigMap/lab/salt-master-"))
        .forEach(parts::add);
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).getKey()).startsWith("ConfigMap/lab/salt-master-roles-");
    assertThat(parts.get(0).getValue()).isEqualTo("changed");
    return parts.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.6", "1.36"})
  void inALargeLabScalingOrAddingARoleChangesOnePartOfTheMastersDataAndNotTheMaster(String target) {
    SaltLab before = large(zookeeper(1).build(), web().build());
    Map<String, String> scaled =
        changesSplit(before, large(zookeeper(3).build(), web().build()), target);
    Map.Entry<String, String> part = onePart(scaled);
    assertThat(scaled)
        .containsOnlyKeys(
            part.getKey(),
            "PersistentVolume/lab-zookeeper-1-salt-minion-keys",
            "PersistentVolume/lab-zookeeper-2-salt-minion-keys",
            "StatefulSet/lab/zookeeper");

    AppRole cache =
        AppRole.builder().name("cache").replicas(2).addPorts(RolePort.of("redis", 6379)).build();
    Map<String, String> added =
        changesSplit(before, large(zookeeper(1).build(), web().build(), cache), target);
    assertThat(added)
        .containsOnlyKeys(
            "ConfigMap/lab/cache-minion-config",
            onePart(added).getKey(),
            "PersistentVolume/lab-cache-0-salt-minion-keys",
            "PersistentVolume/lab-cache-1-salt-minion-keys",
            "Service/lab/cache",
            "StatefulSet/lab/cache");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "1.36"})
  void onlyAChangeToTheMastersOwnConfigurationReplacesIt(String target) {
    SaltLab after =
        lab(TestLabs.master().publishPort(14505).build(), zookeeper(1).build(), web().build());
    Map<String, String> changes = changes(BEFORE, after, target);
    assertThat(changes)
        .containsEntry("Deployment/lab/salt-master", "changed")
        .containsEntry(MASTER_DATA, "changed")
        // Minions learn the new port from their own configuration, and restart with it.
        .containsEntry("ConfigMap/lab/web-minion-config", "changed")
        .containsEntry("Deployment/lab/web", "changed");
  }
}
