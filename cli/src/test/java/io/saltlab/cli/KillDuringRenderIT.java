package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.write.GeneratedFiles;
import io.saltlab.core.write.OutputFolder;
import io.saltlab.topology.spec.LabSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code saltlab.jar render} with SIGKILL ({@link Process#destroyForcibly()}) at random
 * moments while it writes, hundreds of times, in several folders at once, and checks after every
 * kill that the target folder holds exactly the old render or exactly the new one (never a mix),
 * and that files the user put in the folder keep their bytes, times and inode. Also renders two
 * different labs into one folder at once: one waits for the other, and the folder ends up holding
 * exactly one of them.
 *
 * <p>A kill after the write committed (its journal {@code DIR/.<V>.saltlab-journal} is in place)
 * and before it finished leaves some files renamed into place and some still staged; the next
 * writer finishes it before anything else (see {@link io.saltlab.core.write.OutputFolder}). Such
 * kills are counted separately, and the folder is checked after that recovery: it must then hold
 * exactly the new render. Every other kill must leave the old or the new render untouched.
 */
class KillDuringRenderIT {
  /** At least this many kills in total, spread over {@link #WORKERS} folders. */
  static final int KILLS = 200;

  static final int WORKERS = 4;
  private static final String TARGET = "1.36";
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD",
          "kill-test-password-value",
          "SALTLAB_AUTOSIGN_TOKEN",
          "kill-test-token-0123456789");
  private static final byte[] USER_FILE =
      "my notes: no saltlab header, never touched\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;

  private static Path jar;
  private static Path specA;
  private static Path specB;
  private static Map<String, byte[]> renderA;
  private static Map<String, byte[]> renderB;
  private static List<String> jvmFlags;

  private static final AtomicInteger KILLED = new AtomicInteger();
  private static final AtomicInteger DURING_BUILD = new AtomicInteger();
  private static final AtomicInteger AFTER_COMMIT = new AtomicInteger();
  private static final AtomicInteger BEFORE_CLEAN_UP = new AtomicInteger();
  private static final AtomicInteger FOUND_OLD = new AtomicInteger();
  private static final AtomicInteger FOUND_NEW = new AtomicInteger();
  private static final AtomicInteger FINISHED_FIRST = new AtomicInteger();
  private static final AtomicInteger CONCURRENT_RUNS = new AtomicInteger();

  @BeforeAll
  static void labsAndJar() throws Exception {
    jar = Path.of(System.getProperty("saltlab.jar", "target/saltlab.jar")).toAbsolutePath();
    assertThat(jar).as("run 'mvn package' first").exists();
    // Two labs whose folders differ in most files: B changes every role's environment and adds
    // a role, so a B render over A writes new files, rewrites others and A over B removes some.
    specA = spec("lab-a.yaml", 8, "a");
    specB = spec("lab-b.yaml", 9, "b");
    renderA = expected(specA);
    renderB = expected(specB);
    // Fast-starting processes: class data shared from a first run, the client compiler only.
    Path archive = dir.resolve("saltlab.jsa");
    Process p =
        process(List.of("-XX:ArchiveClassesAtExit=" + archive), specA, dir.resolve("warm-up"));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    jvmFlags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m"));
    if (p.exitValue() == 0 && Files.isRegularFile(archive)) {
      jvmFlags.add("-XX:SharedArchiveFile=" + archive);
    }
  }

  @AfterAll
  static void report() {
    System.out.println(
        "kill test: "
            + KILLED.get()
            + " renders killed with SIGKILL in "
            + WORKERS
            + " folders at once ("
            + DURING_BUILD.get()
            + " while staging the new files, "
            + AFTER_COMMIT.get()
            + " after the commit, finished by the next writer, "
            + BEFORE_CLEAN_UP.get()
            + " before the staging folder was deleted); "
            + FOUND_OLD.get()
            + " left the old render, "
            + FOUND_NEW.get()
            + " the new one, 0 a mix; "
            + FINISHED_FIRST.get()
            + " runs finished before their kill; user files untouched; "
            + CONCURRENT_RUNS.get()
            + " pairs of concurrent renders into one folder each left one whole lab");
  }

  @Test
  void aKilledRenderLeavesTheOldOrTheNewFolderNeverAMixAndNeverTouchesUserFiles() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      long seed = 1000L + w;
      Path out = dir.resolve("out-" + w);
      workers.add(
          pool.submit(
              () -> {
                killRepeatedly(out, new Random(seed));
                return null;
              }));
    }
    pool.shutdown();
    for (Future<?> f : workers) {
      f.get(10, TimeUnit.MINUTES);
    }
    assertThat(KILLED.get()).isGreaterThanOrEqualTo(KILLS);
    assertThat(DURING_BUILD.get() + AFTER_COMMIT.get() + BEFORE_CLEAN_UP.get())
        .as("kills that landed in the middle of a write")
        .isPositive();
  }

  @Test
  void twoDifferentLabsRenderedIntoOneFolderAtOnceLeaveOneWholeLab() throws Exception {
    for (int round = 0; round < 3; round++) {
      Path out = dir.resolve("concurrent-" + round);
      Path logA = dir.resolve("concurrent-" + round + "-a.log");
      Path logB = dir.resolve("concurrent-" + round + "-b.log");
      Process a = process(jvmFlags, specA, out, logA);
      Process b = process(jvmFlags, specB, out, logB);
      assertThat(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS)).isTrue();
      // The second waits up to ten seconds for the first's lock. On a loaded machine the first can
      // hold it longer: then the second must give up cleanly (exit 2 naming the lock), never write.
      assertThat(endedWellOrGaveUpOnTheLock(a, logA)).isTrue();
      assertThat(endedWellOrGaveUpOnTheLock(b, logB)).isTrue();
      assertThat(a.exitValue() == 0 || b.exitValue() == 0).as("one of the two rendered").isTrue();
      Map<String, byte[]> found = generated(out.resolve(TARGET));
      assertThat(sameAs(found, renderA) || sameAs(found, renderB))
          .as("folder holds exactly lab A or lab B")
          .isTrue();
      assertThat(hidden(out)).isEmpty();
      CONCURRENT_RUNS.incrementAndGet();
    }
  }

  private void killRepeatedly(Path out, Random random) throws Exception {
    // A first, complete render, then the user's own files beside the generated ones.
    Process first = process(jvmFlags, specA, out);
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    Path userFile = out.resolve(TARGET).resolve("notes.txt");
    Path userTop = out.resolve("README.md");
    Files.write(userFile, USER_FILE);
    Files.write(userTop, USER_FILE);
    FileTime userTime = Files.getLastModifiedTime(userFile);
    Object userInode = Files.getAttribute(userFile, "unix:ino");
    boolean holdsA = true;
    long writeWindowMs = 1500;
    while (KILLED.get() < KILLS) {
      Path next = holdsA ? specB : specA;
      Process p = process(jvmFlags, next, out);
      long started = waitFor(p, out.resolve("." + TARGET + ".saltlab-new"));
      if (started >= 0) {
        // Mostly while the new folder is built, the longest phase; sometimes at the swap or late.
        int aim = random.nextInt(10);
        if (aim == 0) {
          // At the swap: the moment the journal commits, while files are renamed into place.
          waitFor(p, out.resolve("." + TARGET + ".saltlab-journal"));
        } else {
          // A random moment of the write, building or just after it finished.
          Thread.sleep(random.nextInt((int) (aim == 1 ? writeWindowMs * 5 / 4 : writeWindowMs)));
        }
      }
      if (p.isAlive()) {
        p.destroyForcibly();
        KILLED.incrementAndGet();
      } else {
        FINISHED_FIRST.incrementAndGet();
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("killed render ended").isTrue();
      if (started >= 0 && p.exitValue() == 0) {
        // Finished before the kill: tells how long a write takes, to aim the next kills.
        writeWindowMs =
            Math.max(200, Math.min(3000, (System.nanoTime() - started) / 1_000_000 + 100));
      }
      holdsA = assertOldOrNew(out, holdsA);
      assertThat(Files.readAllBytes(userFile)).isEqualTo(USER_FILE);
      assertThat(Files.getLastModifiedTime(userFile)).isEqualTo(userTime);
      assertThat(Files.getAttribute(userFile, "unix:ino")).isEqualTo(userInode);
      assertThat(Files.readAllBytes(userTop)).isEqualTo(USER_FILE);
    }
    // A last, complete run cleans what the kills left.
    Process last = process(jvmFlags, holdsA ? specB : specA, out);
    assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(hidden(out)).isEmpty();
    assertThat(sameAs(generated(out.resolve(TARGET)), holdsA ? renderB : renderA)).isTrue();
    assertThat(Files.readAllBytes(userFile)).isEqualTo(USER_FILE);
  }

  /**
   * Waits until a render's temporary folder appears. Polling every millisecond catches the old
   * folder while it is synced and deleted; the microseconds between the two renames are left to
   * OutputFolderTest, which stops a swap there on purpose.
   *
   * @return the time it did, or -1 when the process ended first
   */
  private static long waitFor(Process p, Path folder) throws InterruptedException {
    while (p.isAlive()) {
      if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        return System.nanoTime();
      }
      Thread.sleep(1);
    }
    return -1;
  }

  /**
   * Checks the folder holds one whole render and says which. A committed, unfinished write is
   * finished first, as the next writer would, and must then give the new render.
   */
  private static boolean assertOldOrNew(Path out, boolean heldA) throws IOException {
    Path target = out.resolve(TARGET);
    Path fresh = out.resolve("." + TARGET + ".saltlab-new");
    boolean committed = OutputFolder.hasUnfinishedWrite(out, TARGET);
    if (committed) {
      AFTER_COMMIT.incrementAndGet();
      try (OutputFolder folder = OutputFolder.open(out, Duration.ofSeconds(30))) {
        assertThat(folder.recover(TARGET)).isTrue();
      }
    } else if (Files.exists(fresh)) {
      // Staged files without a journal: before the commit, or after the journal went.
      (sameAs(generated(target), heldA ? renderA : renderB) ? DURING_BUILD : BEFORE_CLEAN_UP)
          .incrementAndGet();
    }
    Map<String, byte[]> found = generated(target);
    boolean isA = sameAs(found, renderA);
    boolean isB = sameAs(found, renderB);
    assertThat(isA || isB)
        .as("%s holds exactly lab A or lab B, found %s", target, found.keySet())
        .isTrue();
    if (committed) {
      assertThat(isA).as("a committed write finishes as the new render").isEqualTo(!heldA);
    }
    boolean holdsA = isA;
    (holdsA == heldA ? FOUND_OLD : FOUND_NEW).incrementAndGet();
    return holdsA;
  }

  /** The generated files of a folder: those starting with a saltlab header. */
  private static Map<String, byte[]> generated(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        byte[] bytes = Files.readAllBytes(p);
        if (GeneratedFiles.isGenerated(bytes)) {
          files.put(p.getFileName().toString(), bytes);
        }
      }
    }
    return files;
  }

  private static boolean sameAs(Map<String, byte[]> found, Map<String, byte[]> expected) {
    if (!found.keySet().equals(expected.keySet())) {
      return false;
    }
    return expected.entrySet().stream()
        .allMatch(e -> Arrays.equals(found.get(e.getKey()), e.getValue()));
  }

  private static List<String> hidden(Path out) throws IOException {
    try (Stream<Path> list = Files.list(out)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".saltlab-"))
          .toList();
    }
  }

  private static Map<String, byte[]> expected(Path spec) {
    Map<String, byte[]> files = new TreeMap<>();
    RenderedFiles.of(LabSpec.read(spec, ENV), KubernetesVersion.of(TARGET))
        .contents()
        .forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return files;
  }

  private static Path spec(String name, int roles, String version) throws IOException {
    String s = BigSpec.text("kill-lab", roles, "    env: {LAB_VERSION: \"" + version + "\"}\n");
    Path file = dir.resolve(name);
    Files.writeString(file, s);
    return file;
  }

  private static boolean endedWellOrGaveUpOnTheLock(Process p, Path log) throws IOException {
    if (p.exitValue() == 0) {
      return true;
    }
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(printed).as("output of a render that did not succeed").contains("another saltlab");
    return p.exitValue() == 2;
  }

  private static Process process(List<String> flags, Path spec, Path out) throws IOException {
    return process(flags, spec, out, null);
  }

  private static Process process(List<String> flags, Path spec, Path out, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.addAll(
        List.of(
            "-Xshare:auto",
            "-jar",
            jar.toString(),
            "render",
            "--lab",
            spec.toString(),
            "-t",
            TARGET,
            "-o",
            out.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                log == null
                    ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().putAll(ENV);
    return pb.start();
  }
}
