package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile spec file of salt-topology's corpus, plus files too large to check in, given to
 * {@code saltlab.jar render} running with a 128 MB heap: each ends with exit code 2, one {@code
 * error:} line, the problems as {@code - } lines and one {@code hint:} line, within a hang guard,
 * without a stack trace or an OutOfMemoryError, and writes nothing.
 */
class HostileSpecsJarIT {
  private static final long LIMIT_SECONDS = 30;

  @TempDir Path dir;

  @Test
  void everyHostileSpecEndsInExitCode2WithAnErrorAndAHint() throws Exception {
    Path jar = Path.of(System.getProperty("saltlab.jar", "target/saltlab.jar")).toAbsolutePath();
    Path corpus =
        Path.of(
            System.getProperty(
                "saltlab.hostileSpecs", "../salt-topology/src/test/resources/hostile-specs"));
    List<Path> specs = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      files.sorted().forEach(specs::add);
    }
    assertThat(specs).hasSizeGreaterThanOrEqualTo(30);
    specs.add(fiftyMegabytes());
    Path sparse = dir.resolve("sparse-three-gigabytes.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
      raf.setLength(3L << 30);
    }
    specs.add(sparse);
    Path deep = dir.resolve("deep-100000.yaml");
    Files.writeString(deep, "name: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    specs.add(deep);
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      keys.append('k').append(i).append(": v\n");
    }
    Path many = dir.resolve("keys-100000.yaml");
    Files.writeString(many, keys);
    specs.add(many);

    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<?>> runs = new ArrayList<>();
    for (Path spec : specs) {
      runs.add(
          pool.submit(
              () -> {
                refused(jar, spec);
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : runs) {
      f.get(10, TimeUnit.MINUTES);
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("out-")))
          .as("nothing written")
          .isEmpty();
    }
    System.out.println(
        "hostile specs through saltlab.jar -Xmx128m: "
            + specs.size()
            + " files, each exit 2 with one error line, its problems and one hint; 0 stack traces,"
            + " 0 out-of-memory");
  }

  private void refused(Path jar, Path spec) throws IOException, InterruptedException {
    String name = spec.getFileName().toString();
    Path err = dir.resolve(name + ".stderr");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "render",
                "--lab",
                spec.toString(),
                "-o",
                dir.resolve("out-" + name).toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    boolean ended = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("%s: saltlab ended within %d s", name, LIMIT_SECONDS).isTrue();
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s: %s", name, lines).isEqualTo(2);
    assertThat(lines).as(name).isNotEmpty();
    assertThat(lines.get(0)).as(name).startsWith("error: ");
    assertThat(lines.get(lines.size() - 1)).as(name).startsWith("hint: ");
    assertThat(lines.subList(1, lines.size() - 1)).as(name).allMatch(l -> l.startsWith("  - "));
    assertThat(lines)
        .as(name)
        .noneMatch(
            l ->
                l.contains("\tat ")
                    || l.contains("Exception in thread")
                    || l.contains("OutOfMemoryError")
                    || l.contains("StackOverflowError"));
  }

  private Path fiftyMegabytes() throws IOException {
    Path file = dir.resolve("fifty-megabytes.yaml");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: salt-lab\n");
      String line = "# " + "padding ".repeat(12) + "\n";
      for (long written = 0; written < 50L << 20; written += line.length()) {
        w.write(line);
      }
    }
    return file;
  }
}
