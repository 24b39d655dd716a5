package io.saltlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.topology.LabNames;
import io.saltlab.topology.SaltLab;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bench labs as large as issue 14 measures them render valid: every ConfigMap within the API
 * server's 1 MiB of data, and small enough as a whole for {@code kubectl apply} to keep it in its
 * 256 KiB last-applied annotation; the master mounts every part of its data. An integration test
 * for its size (seconds, not milliseconds); nothing here is timed. 20,000 roles by default; {@code
 * -Dsaltlab.largeLabRoles=20000,50000} measures more sizes (each prints its largest ConfigMap).
 */
class LargeBenchLabIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The API server's limit on a ConfigMap's data (ValidateConfigMap). */
  private static final int DATA_MAX = 1024 * 1024;

  /** The API server's limit on an object's annotations (ValidateAnnotations). */
  private static final int ANNOTATIONS_MAX = 256 * 1024;

  static Stream<Integer> sizes() {
    return Arrays.stream(System.getProperty("saltlab.largeLabRoles", "20000").split(","))
        .map(String::trim)
        .map(Integer::valueOf);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void rendersValidWithEveryConfigMapUnderTheLimits(int roles) throws Exception {
    SaltLab lab = BenchLabs.lab(roles);
    Manifests m = lab.render("1.36");
    assertThat(m.validation().orElseThrow().problems()).isEmpty();
    assertThat(m.validation().orElseThrow().isSchemaChecked()).isTrue();

    int parts = 0;
    long largestData = 0;
    long largestJson = 0;
    String largest = null;
    for (RenderedResource r : m.resources()) {
      if (!r.kind().equals("ConfigMap")) {
        continue;
      }
      long data = 0;
      for (Map.Entry<String, JsonNode> e : r.tree().get("data").properties()) {
        data += e.getKey().length() + e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
      }
      long json = JSON.writeValueAsBytes(r.tree()).length;
      assertThat(data).as(r.id()).isLessThan(DATA_MAX);
      assertThat(json).as(r.id()).isLessThan(ANNOTATIONS_MAX);
      if (json > largestJson) {
        largestJson = json;
        largestData = data;
        largest = r.id();
      }
      if (r.name().startsWith(lab.master().name() + "-roles-")) {
        parts++;
      }
    }
    assertThat(parts).isGreaterThan(1);
    assertThat(Integer.bitCount(parts)).isEqualTo(1);
    JsonNode sources =
        m.find("Deployment", lab.master().name())
            .orElseThrow()
            .tree()
            .at("/spec/template/spec/volumes")
            .findValue("sources");
    assertThat(sources).hasSize(parts + 1);
    for (int i = 0; i < parts; i++) {
      assertThat(sources.get(i + 1).at("/configMap/name").asText())
          .isEqualTo(LabNames.masterRolesConfigMap(lab.master(), i));
    }
    System.out.printf(
        "%d roles: %d parts; largest ConfigMap %s, %d data bytes, %d bytes as JSON%n",
        roles, parts, largest, largestData, largestJson);
  }
}
