package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.examples.SeedLab;
import io.saltlab.examples.SeedLabProvider;
import io.saltlab.topology.SaltLab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer and the command line shared between threads: 16 threads rendering the same lab at
 * the same moment get the same bytes as one thread alone, and 8 in-process renders into one folder
 * take turns (the lock also guards against threads of one JVM) and leave it whole.
 */
class ConcurrentRenderTest {
  private static final int THREADS = 16;
  private static final List<String> TARGETS = List.of("1.5", "1.6", "1.8", "1.9", "1.36");
  private static int renders;
  private static int folderRuns;

  @TempDir Path dir;

  @AfterAll
  static void report() {
    System.out.println(
        "concurrency: "
            + renders
            + " renders from "
            + THREADS
            + " threads at once, byte-identical to a"
            + " single-threaded render; "
            + folderRuns
            + " in-process renders into one folder at once, folder whole");
  }

  @Test
  void sixteenThreadsRenderingTheSameLabGetIdenticalBytes() throws Exception {
    SaltLab lab = SeedLab.lab();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (String target : TARGETS) {
        Map<String, String> alone = everything(lab.render(target));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Map<String, String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          results.add(
              pool.submit(
                  () -> {
                    // All threads leave the barrier together, so the renders really overlap.
                    start.await(30, TimeUnit.SECONDS);
                    return everything(lab.render(target));
                  }));
        }
        for (Future<Map<String, String>> r : results) {
          assertThat(r.get(60, TimeUnit.SECONDS)).as("target %s", target).isEqualTo(alone);
          renders++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eightInProcessRendersIntoOneFolderTakeTurns() throws Exception {
    Path out = dir.resolve("manifests");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CyclicBarrier start = new CyclicBarrier(8);
      List<Future<CliRunner.Run>> runs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String target = t % 2 == 0 ? "1.6" : "1.36";
        runs.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return CliRunner.run("render", "-t", target, "-t", "1.9", "-o", out.toString());
                }));
      }
      for (Future<CliRunner.Run> f : runs) {
        CliRunner.Run r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isZero();
        folderRuns++;
      }
    } finally {
      pool.shutdownNow();
    }
    for (String target : List.of("1.6", "1.9", "1.36")) {
      LabSource.Loaded seed =
          new LabSource.Loaded(SeedLab.lab(), Optional.of(new SeedLabProvider()));
      Map<String, String> expected =
          RenderedFiles.of(
                  seed,
                  KubernetesVersion.of(target),
                  TargetOptions.Layout.files,
                  new java.io.PrintWriter(java.io.Writer.nullWriter()))
              .contents();
      Map<String, String> found = new TreeMap<>();
      Path folder = out.resolve(target);
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          found.put(folder.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      assertThat(found).isEqualTo(new TreeMap<>(expected));
    }
    assertThat(
            CliRunner.run("check", "-t", "1.6", "-t", "1.9", "-t", "1.36", "-o", out.toString())
                .exit())
        .isZero();
  }

  /** The stream, every folder file and the diagram. */
  private static Map<String, String> everything(Manifests m) {
    Map<String, String> all = new TreeMap<>(m.folder().contents());
    all.put("stream", m.toYaml());
    return all;
  }
}
