package io.saltlab.topology.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.saltlab.topology.spec.internal.SpecParser;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile lab spec files: the checked-in corpus under {@code hostile-specs/} plus
 * files too large to check in, generated here (50 MB, a 3 GB sparse file, 10,000-deep nesting,
 * 100,000 keys, a 1-million-character value, a folder). Each must end in a {@link LabSpecException}
 * whose every problem has a position and a message, quickly and in little memory (this class runs
 * in its own JVM with {@code -Xmx256m}, see the module's pom), and never in a hang, an {@link
 * OutOfMemoryError}, a {@link StackOverflowError} or another exception.
 */
class HostileSpecFilesTest {
  /**
   * A hang guard only: every file takes milliseconds on a quiet machine; the bound is wide so that
   * a loaded one (six builds on two cores) does not fail it.
   */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private static final String PASSWORD = "hostile-spec-password-value";
  private static final String TOKEN = "hostile-spec-token-value-0123456789";
  private static final Map<String, String> ENV =
      Map.of("SALTLAB_REGISTRY_PASSWORD", PASSWORD, "SALTLAB_AUTOSIGN_TOKEN", TOKEN);

  private static final AtomicInteger FILES = new AtomicInteger();
  private static final AtomicLong SLOWEST_MS = new AtomicLong();
  private static final AtomicInteger MOST_PROBLEMS = new AtomicInteger();

  @TempDir static Path generated;

  /** The checked-in corpus folder. */
  static Path corpus() {
    try {
      return Path.of(
          Objects.requireNonNull(HostileSpecFilesTest.class.getResource("/hostile-specs")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCheckedInFileIsRefusedClearly() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(corpus())) {
      files = list.sorted().toList();
    }
    assertThat(files).as("hostile spec corpus").hasSizeGreaterThanOrEqualTo(30);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> refusedClearly(f)));
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedFileIsRefusedClearly() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(fifty_megabytes());
    files.add(sparse(3L << 30));
    files.add(write("deep-block-mapping-10000.yaml", deepBlock(10_000)));
    files.add(
        write(
            "deep-flow-mapping-10000.yaml",
            "master: " + "{a: ".repeat(10_000) + "x" + "}".repeat(10_000) + "\n"));
    files.add(
        write(
            "deep-sequence-100000.yaml",
            "name: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"));
    files.add(write("keys-100000.yaml", manyKeys(100_000)));
    files.add(
        write(
            "value-of-one-million-characters.yaml",
            "name: " + "a".repeat(SpecParser.MAX_CHARS - 10) + "\n"));
    files.add(
        write("just-over-the-size-limit.yaml", "# " + "x".repeat(SpecParser.MAX_CHARS) + "\n"));
    files.add(write("long-line-of-quotes.yaml", "name: \"" + "\\\"".repeat(400_000) + "\n"));
    Path folder = generated.resolve("a-folder.yaml");
    Files.createDirectories(folder);
    files.add(folder);
    files.add(generated.resolve("no-such-file.yaml"));
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> refusedClearly(f)));
  }

  @AfterAll
  static void report() {
    System.out.println(
        "hostile spec files: "
            + FILES.get()
            + " malformed files refused with a LabSpecException, "
            + "slowest "
            + SLOWEST_MS.get()
            + " ms, at most "
            + MOST_PROBLEMS.get()
            + " problems listed, "
            + "max heap "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MB, 0 hangs, 0 errors");
  }

  /**
   * The one outcome allowed: a LabSpecException listing positioned problems, without the secrets.
   */
  static LabSpecException refusedClearly(Path file) {
    long start = System.nanoTime();
    Throwable thrown =
        assertTimeoutPreemptively(
            LIMIT,
            () -> {
              try {
                LabSpec.read(file, ENV);
                return null;
              } catch (Throwable t) {
                // Anything, including errors, is judged below rather than failing the guard.
                return t;
              }
            },
            () -> file.getFileName() + " took longer than " + LIMIT);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(thrown).as("%s is refused", file.getFileName()).isNotNull();
    assertThat(thrown)
        .as("%s is refused with a LabSpecException, not %s", file.getFileName(), thrown)
        .isExactlyInstanceOf(LabSpecException.class);
    LabSpecException e = (LabSpecException) thrown;
    assertThat(e.headline()).matches("lab spec .+ is invalid \\(\\d+ problems?\\)");
    assertThat(e.problems()).isNotEmpty();
    for (SpecProblem p : e.problems()) {
      assertThat(p.message()).as("%s: %s", file.getFileName(), p).isNotBlank();
      assertThat(p.toString()).startsWith(file.toString() + ":");
    }
    assertThat(e.getMessage()).doesNotContain(PASSWORD, TOKEN, "\tat ", "Exception in thread");
    // A line of a message is printed to a terminal: it holds no raw control characters.
    assertThat(e.getMessage().chars().filter(c -> c < 0x20 && c != '\n').count())
        .as("control characters in %s", e.getMessage())
        .isZero();
    FILES.incrementAndGet();
    SLOWEST_MS.accumulateAndGet(ms, Math::max);
    MOST_PROBLEMS.accumulateAndGet(e.problems().size(), Math::max);
    return e;
  }

  private static Path fifty_megabytes() throws IOException {
    Path file = generated.resolve("fifty-megabytes.yaml");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: salt-lab\n");
      String line = "# " + "padding ".repeat(12) + "\n";
      for (long written = 0; written < 50L << 20; written += line.length()) {
        w.write(line);
      }
    }
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(50L << 20);
    return file;
  }

  /** A file whose size is 3 GB without using the disk: reading it whole would exhaust any heap. */
  private static Path sparse(long size) throws IOException {
    Path file = generated.resolve("sparse-three-gigabytes.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  private static String deepBlock(int depth) {
    // 10,000 block levels would need 50 million characters of indentation and only test the size
    // limit; so 500 block mappings (125,000 characters), then flow sequences for the rest.
    StringBuilder out = new StringBuilder();
    int block = 500;
    for (int i = 0; i < block; i++) {
      out.append(" ".repeat(i)).append("a:\n");
    }
    out.append(" ".repeat(block))
        .append("[".repeat(depth - block))
        .append("]".repeat(depth - block))
        .append('\n');
    return out.toString();
  }

  private static String manyKeys(int n) {
    StringBuilder out = new StringBuilder("name: salt-lab\n");
    for (int i = 0; i < n; i++) {
      out.append('k').append(i).append(": v\n");
    }
    return out.toString();
  }

  private static Path write(String name, String text) throws IOException {
    Path file = generated.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
