package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ValidationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the salt-master reads from its generated files, for a lab in one ConfigMap and the same lab
 * split over parts: the master's directory is laid out from the rendered manifests as the kubelet
 * would (each ConfigMap key the master's Deployment mounts, at its path; host-path directories
 * empty but for a role pillar of the user's), and {@code salt_master_reads.py} reads it as Salt
 * does (its top files and includes, pillar merging, reactor globs; see the script). Both forms must
 * give every minion the same pillar and every event the same reaction, which proves every part is
 * mounted, listed and read.
 */
class SaltMasterReadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesVersion TARGET = KubernetesVersion.of("1.36");

  /** Forces the lab below into 4 parts or more (its single form is about 7 KB). */
  private static final int SMALL_BUDGET = 3_000;

  @TempDir Path temp;

  private static SaltLab lab() {
    SaltLab.Builder b = TestLabs.base();
    b.addRoles(TestLabs.zookeeper(), TestLabs.web());
    for (int i = 0; i < 30; i++) {
      AppRole.Builder role = AppRole.builder().name("role-" + i).addPorts(RolePort.of("app", 8080));
      if (i % 3 == 0) {
        role.identity(MinionIdentity.FIXED);
      } else {
        role.replicas(i % 4);
      }
      b.addRoles(role.build());
    }
    return b.build();
  }

  @Test
  void everyPartIsReadAndTheMasterReadsWhatOneConfigMapWouldGiveIt() throws Exception {
    SaltLab lab = lab();
    Manifests single = LabTranslator.render(lab, TARGET, ValidationContext.empty());
    Manifests split = LabTranslator.render(lab, TARGET, ValidationContext.empty(), SMALL_BUDGET);
    assertThat(split.validation().orElseThrow().problems()).isEmpty();
    long parts =
        split.resources().stream()
            .filter(r -> r.kind().equals("ConfigMap") && r.name().startsWith("salt-master-roles-"))
            .count();
    assertThat(parts).isGreaterThanOrEqualTo(4);
    assertThat(single.find("ConfigMap", "salt-master-roles-000")).isEmpty();

    ObjectNode request = request(lab);
    JsonNode one = read(single, temp.resolve("single"), request);
    JsonNode many = read(split, temp.resolve("split"), request);

    assertThat(many.get("pillar")).isEqualTo(one.get("pillar"));
    assertThat(many.get("reactions")).isEqualTo(one.get("reactions"));
    for (JsonNode errors : many.get("errors")) {
      assertThat(errors).isEmpty();
    }
    for (JsonNode errors : one.get("errors")) {
      assertThat(errors).isEmpty();
    }
    // What both read is the lab itself: every role's minion ids, for every minion...
    ObjectNode roles = JSON.createObjectNode();
    for (AppRole role : lab.roles()) {
      ArrayNode ids = roles.putArray(role.name());
      role.minionIds().forEach(ids::add);
    }
    for (JsonNode pillar : many.get("pillar")) {
      assertThat(pillar.at("/saltlab/roles")).isEqualTo(roles);
      assertThat(pillar.at("/saltlab/lab").asText()).isEqualTo("lab");
      assertThat(pillar.at("/saltlab/master").asText()).isEqualTo(lab.masterAddress());
    }
    // ...with a role's own pillar for its minions only...
    assertThat(many.at("/pillar/zookeeper-1/zookeeper/heap").asText()).isEqualTo("1g");
    assertThat(many.at("/pillar/web/zookeeper").isMissingNode()).isTrue();
    // ...and the stale-key reactor acting on the lab's denied ids only, from every part's file.
    List<String> expected = new ArrayList<>();
    for (AppRole role : lab.roles()) {
      role.minionIds().forEach(id -> expected.add("[\"saltlab-forget-stale-key\"]"));
    }
    expected.add("[]"); // a foreign id
    expected.add("[]"); // a connected one
    expected.add("[]"); // an accepted one
    List<String> reactions = new ArrayList<>();
    many.get("reactions").forEach(r -> reactions.add(r.toString()));
    assertThat(reactions).isEqualTo(expected);
    assertThat(many.at("/reactorFiles/0")).hasSize((int) parts);
    assertThat(one.at("/reactorFiles/0/0").asText())
        .isEqualTo(SaltConfig.join(lab.master().mountRoot(), SaltConfig.STALE_KEY_REACTOR));
    // The states top is where the master looks first in both.
    assertThat(many.at("/stateRoots/0").asText())
        .isEqualTo(SaltConfig.generatedPath(lab, "states"));
    assertThat(one.get("stateRoots")).isEqualTo(many.get("stateRoots"));
  }

  private static ObjectNode request(SaltLab lab) {
    ObjectNode request = JSON.createObjectNode();
    request.put("conf", lab.master().mountRoot() + "/" + SaltConfig.MASTER_CONF);
    ArrayNode minions = request.putArray("minions");
    ArrayNode events = request.putArray("events");
    for (AppRole role : lab.roles()) {
      for (String id : role.minionIds()) {
        ObjectNode minion = minions.addObject();
        minion.put("id", id);
        minion.putObject("grains").putArray("roles").add(role.name());
        events.add(event("denied", id, List.of()));
      }
    }
    events.add(event("denied", "intruder-0", List.of()));
    events.add(event("denied", "zookeeper-0", List.of("zookeeper-0")));
    events.add(event("accept", "web", List.of()));
    return request;
  }

  private static ObjectNode event(String act, String id, List<String> present) {
    ObjectNode event = JSON.createObjectNode();
    event.put("tag", SaltConfig.AUTH_EVENT);
    event.putObject("data").put("act", act).put("id", id).put("result", false);
    ArrayNode p = event.putArray("present");
    present.forEach(p::add);
    return event;
  }

  /** Lays out the master's mounts under {@code root} and reads them as Salt would. */
  private static JsonNode read(Manifests m, Path root, ObjectNode request) throws Exception {
    Map<String, JsonNode> configMaps = new HashMap<>();
    JsonNode master = null;
    for (RenderedResource r : m.resources()) {
      if (r.kind().equals("ConfigMap")) {
        configMaps.put(r.name(), r.tree().get("data"));
      } else if (r.kind().equals("Deployment") && r.name().equals("salt-master")) {
        master = r.tree();
      }
    }
    JsonNode pod = master.at("/spec/template/spec");
    Map<String, JsonNode> volumes = new HashMap<>();
    pod.get("volumes").forEach(v -> volumes.put(v.get("name").asText(), v));
    for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
      JsonNode volume = volumes.get(mount.get("name").asText());
      Path at = root.resolve(mount.get("mountPath").asText().substring(1));
      if (mount.has("subPath")) {
        String name = volume.at("/configMap/name").asText();
        write(at, configMaps.get(name).get(mount.get("subPath").asText()).asText());
      } else if (volume.has("configMap")) {
        project(volume.get("configMap"), configMaps, at);
      } else if (volume.has("projected")) {
        for (JsonNode source : volume.at("/projected/sources")) {
          project(source.get("configMap"), configMaps, at);
        }
      } else if (volume.has("hostPath")) {
        Files.createDirectories(at);
      }
    }
    // A pillar of the user's for one role, in the pillar host directory.
    String pillarDir = TestLabs.master().build().mountPath(SaltDirectory.PILLAR);
    write(
        root.resolve(pillarDir.substring(1)).resolve("zookeeper.sls"), "zookeeper:\n  heap: 1g\n");
    ObjectNode r = request.deepCopy();
    r.put("root", root.toString());
    return PythonScripts.run("salt_master_reads.py", r);
  }

  private static void project(JsonNode source, Map<String, JsonNode> configMaps, Path at)
      throws Exception {
    JsonNode data = configMaps.get(source.get("name").asText());
    assertThat(data).as("ConfigMap %s", source.get("name")).isNotNull();
    for (JsonNode item : source.get("items")) {
      JsonNode value = data.get(item.get("key").asText());
      assertThat(value).as("key %s", item.get("key")).isNotNull();
      write(at.resolve(item.get("path").asText()), value.asText());
    }
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
