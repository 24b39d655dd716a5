package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hostile text of {@link HostileValuesPropertyTest} in the free-text fields of the typed
 * settings: annotation values of pods, workloads and Services, probe commands and paths, files of
 * the lab, toleration and node selector values. Each lab is rendered and read back by a YAML 1.1
 * and a YAML 1.2 parser, every value identical; what a field cannot hold is refused with the field
 * named.
 */
class HostileSettingsPropertyTest {

  @Property(tries = 120)
  void annotationsCommandsAndFilesComeBackIdentical(
      @ForAll("hostileText") String annotation,
      @ForAll("hostileText") String command,
      @ForAll("hostileText") String content,
      @ForAll("targets") String target) {
    AppRole role =
        AppRole.builder()
            .name("app")
            .addPorts(RolePort.of("http", 8080))
            .putPodAnnotations("example.com/pod", annotation)
            .putWorkloadAnnotations("example.com/workload", annotation)
            .putServiceAnnotations("example.com/service", annotation)
            .livenessProbe(Probe.exec("sh", "-c", command))
            .addVolumes(RoleVolume.files("conf", "/conf", Map.of("app.conf", content)))
            .build();
    SaltLab lab = TestLabs.spec().builder().addRoles(role).build();
    Manifests m = lab.render(target);
    YamlRoundTrip.assertRoundTrips(lab, m);
    JsonNode workload = find(m, "StatefulSet", "app");
    assertThat(
            workload.path("metadata").path("annotations").path("example.com/workload").textValue())
        .isEqualTo(annotation);
    assertThat(
            workload
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations")
                .path("example.com/pod")
                .textValue())
        .isEqualTo(annotation);
    assertThat(
            find(m, "Service", "app")
                .path("metadata")
                .path("annotations")
                .path("example.com/service")
                .textValue())
        .isEqualTo(annotation);
    JsonNode container =
        workload.path("spec").path("template").path("spec").path("containers").get(0);
    assertThat(texts(container.path("livenessProbe").path("exec").path("command")))
        .containsExactly("sh", "-c", command);
    assertThat(find(m, "ConfigMap", "app-conf").path("data").path("app.conf").textValue())
        .isEqualTo(content);
  }

  @Property(tries = 80)
  void labelValuedSettingsComeBackIdentical(
      @ForAll("labelValues") String value, @ForAll("targets") String target) {
    AppRole role =
        AppRole.builder()
            .name("app")
            // A port, so that 1.5 (where a port-less STATEFUL role is refused) renders it too.
            .addPorts(RolePort.of("http", 8080))
            .putNodeSelector("example.com/pool", value)
            .putWorkloadLabels("example.com/w", value)
            .addTolerations(
                value.isEmpty()
                    ? Toleration.exists("dedicated", Toleration.Effect.NoSchedule)
                    : Toleration.equal("dedicated", value, Toleration.Effect.NoSchedule))
            .build();
    SaltLab lab = TestLabs.spec().builder().addRoles(role).build();
    Manifests m = lab.render(target);
    YamlRoundTrip.assertRoundTrips(lab, m);
    JsonNode workload = find(m, "StatefulSet", "app");
    assertThat(
            workload
                .path("spec")
                .path("template")
                .path("spec")
                .path("nodeSelector")
                .path("example.com/pool")
                .textValue())
        .isEqualTo(value);
    assertThat(workload.path("metadata").path("labels").path("example.com/w").textValue())
        .isEqualTo(value);
  }

  @Property(tries = 80)
  void probePathsComeBackIdenticalOrAreRefusedWithTheField(
      @ForAll("hostileText") String text, @ForAll("targets") String target) {
    String path = "/" + text;
    SaltLab.Builder lab =
        TestLabs.spec()
            .builder()
            .addRoles(
                AppRole.builder()
                    .name("app")
                    .addPorts(RolePort.of("http", 8080))
                    .readinessProbe(Probe.http(path, "http"))
                    .build());
    boolean writable = path.chars().noneMatch(c -> c <= 0x20 || c == 0x7f);
    if (!writable) {
      InvalidLabException e = catchThrowableOfType(InvalidLabException.class, lab::build);
      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("roles[0].readinessProbe.http.path");
      return;
    }
    SaltLab built = lab.build();
    Manifests m = built.render(target);
    YamlRoundTrip.assertRoundTrips(built, m);
    assertThat(
            find(m, "StatefulSet", "app")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("readinessProbe")
                .path("httpGet")
                .path("path")
                .textValue())
        .isEqualTo(path);
  }

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.of(HostileValuesPropertyTest.HOSTILE).filter(s -> s.indexOf('\0') < 0);
  }

  @Provide
  Arbitrary<String> labelValues() {
    return Arbitraries.of(HostileValuesPropertyTest.HOSTILE_LABEL_VALUES);
  }

  @Provide
  Arbitrary<String> targets() {
    return Arbitraries.of("1.5", "1.6", "1.9", "1.36");
  }

  private static JsonNode find(Manifests m, String kind, String name) {
    for (RenderedResource r : m.resources()) {
      if (r.kind().equals(kind) && r.name().equals(name)) {
        return r.tree();
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.textValue()));
    return out;
  }
}
