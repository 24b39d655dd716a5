package io.saltlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Runs every benchmark method once, directly, on the smallest lab: CI checks that the benchmarks
 * compile and run, never how fast.
 */
class RenderBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsOnceOnTheSmallestLab() throws Exception {
    RenderBenchmark bench = new RenderBenchmark();
    bench.roles = BenchLabs.SIZES[0];
    bench.setUp();
    List<String> ran = new ArrayList<>();
    for (Method m : RenderBenchmark.class.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        assertThat(m.invoke(bench)).as(m.getName()).isNotNull();
        ran.add(m.getName());
      }
    }
    assertThat(ran).containsExactlyInAnyOrder(
        "model", "translate", "yaml", "validate", "all", "noValidation", "floorYaml", "floorAll");
  }

  @Test
  void renderingWithoutValidationGivesTheValidatedBytes() {
    RenderBenchmark bench = new RenderBenchmark();
    bench.roles = BenchLabs.SIZES[0];
    bench.setUp();
    assertThat(bench.noValidation()).isEqualTo(bench.all());
    assertThat(bench.validate().isClean()).isTrue();
  }

  @Test
  void benchLabHasTheShapeOfThePeerScript() {
    var manifests = BenchLabs.lab(3).render("1.36");
    assertThat(manifests.find("Deployment", "role-2")).isPresent();
    assertThat(manifests.find("Service", "role-0")).isPresent();
    assertThat(manifests.find("Deployment", "role-0").orElseThrow().yaml())
        .contains("containerPort: 8080")
        .contains("name: SALT_ROLE")
        .contains("value: role-0");
  }

  @Test
  void renderLabWritesOneFilePerObject(@TempDir Path dir) throws Exception {
    RenderLab.main(new String[] {"2", dir.toString()});
    try (var files = Files.list(dir.resolve("1.36"))) {
      // namespace, 2 secrets, master config map, service, deployment; per role service, config map, deployment
      assertThat(files.count()).isEqualTo(6 + 3 * 2 + 1);
    }
  }
}
