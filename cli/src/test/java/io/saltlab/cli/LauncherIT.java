package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the distribution's {@code bin/saltlab} as users do: from folders and install paths with
 * spaces, through a symlink, with {@code JAVA_HOME}, and checks the class-data archive's life: none
 * on the first run (which is a plain run), made in the background, used by the next run, never used
 * for another jar, made once by concurrent first runs.
 */
class LauncherIT {

  /** How long a background training may take on a loaded 2-core machine. */
  private static final Duration TRAINING = Duration.ofSeconds(300);

  /** All a render of the built-in lab may say on stderr (issue 16 item 7). */
  private static final String BUILT_IN_NOTE = LabSource.EXAMPLE_CREDENTIALS_NOTE + "\n";

  private static Path distribution;

  @TempDir Path tmp;

  @BeforeAll
  static void findDistribution() {
    distribution =
        Path.of(System.getProperty("saltlab.distribution", "target/saltlab")).toAbsolutePath();
    assertThat(distribution.resolve("bin/saltlab")).as("run 'mvn package' first").isExecutable();
    assertThat(distribution.resolve("lib/saltlab.jar")).isRegularFile();
  }

  /** One process run. */
  record Run(int exit, String out, String err) {}

  /** A copy of the distribution under a path with spaces, so that each test may change it. */
  private Path install(String name) throws IOException {
    Path home = tmp.resolve("with space").resolve(name);
    for (String f : List.of("bin/saltlab", "lib/saltlab.jar", "lib/saltlab.id")) {
      Path to = home.resolve(f);
      Files.createDirectories(to.getParent());
      Files.copy(distribution.resolve(f), to, StandardCopyOption.COPY_ATTRIBUTES);
    }
    return home;
  }

  private Run run(Path launcher, Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Files.createDirectories(workDir);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> e = pb.environment();
    e.remove("SALTLAB_JAVA_OPTS");
    e.remove("SALTLAB_CLASSPATH");
    e.remove("SALTLAB_CACHE");
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.put("SALTLAB_CACHE_DIR", tmp.resolve("cache").toString());
    // A null value removes the variable.
    env.forEach((k, v) -> e.compute(k, (key, old) -> v));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished in time", command).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** JVM options that log where each class came from, into a file. */
  private Map<String, String> logClassesTo(Path log) {
    return Map.of("SALTLAB_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
  }

  private static boolean fromArchive(Path log) throws IOException {
    String text = Files.readString(log);
    return text.contains("io.saltlab.cli.Main source: shared objects file")
        && text.contains("io.saltlab.cli.SaltlabCli source: shared objects file");
  }

  /**
   * The archive folder: a plain path, since JDK 17-24 need either it or the jar's path free of
   * characters that a file: URL escapes; the install paths here have spaces.
   */
  private Path cache() {
    return tmp.resolve("cache");
  }

  private List<String> cacheFiles() throws IOException {
    if (!Files.isDirectory(cache())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cache())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Waits until the background training has left an archive besides those given, and no lock. */
  private String awaitNewArchive(List<String> before) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(TRAINING);
    while (Instant.now().isBefore(end)) {
      List<String> now = cacheFiles();
      Optional<String> made =
          now.stream()
              .filter(f -> f.endsWith(".jsa") || f.endsWith(".aot"))
              .filter(f -> !before.contains(f))
              .findFirst();
      if (made.isPresent() && now.stream().noneMatch(f -> f.endsWith(".lock"))) {
        return made.get();
      }
      assertThat(now).as("training failed").noneMatch(f -> f.endsWith(".failed"));
      Thread.sleep(250);
    }
    throw new AssertionError("no archive after " + TRAINING + ": " + cacheFiles());
  }

  private static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  @Test
  void theArchiveIsMadeAfterTheFirstRunUsedByTheNextAndNeverForAnotherJar() throws Exception {
    Path home = install("saltlab dist");
    Path launcher = home.resolve("bin/saltlab");
    Path work = tmp.resolve("work dir");

    Run first = run(launcher, work, logClassesTo(tmp.resolve("first.log")), "render", "-o", "m1");
    assertThat(first.exit()).as(first.err()).isZero();
    // Only the built-in lab's note: no class-data-sharing message ever reaches the user.
    assertThat(first.err()).isEqualTo(BUILT_IN_NOTE);
    assertThat(first.out()).startsWith("1.36: wrote 44, removed 0, kept 0 unchanged -> m1/1.36");
    assertThat(fromArchive(tmp.resolve("first.log"))).as("first run has no archive").isFalse();
    // The same bytes as the plain jar writes.
    Run plain =
        runPlain(home.resolve("lib/saltlab.jar"), work, "render", "-o", "m0", "--layout=files");
    assertThat(plain.exit()).isZero();
    assertThat(files(work.resolve("m1"))).isEqualTo(files(work.resolve("m0")));

    String archive = awaitNewArchive(List.of());
    assertThat(Files.getPosixFilePermissions(cache()))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    assertThat(archive).startsWith(Files.readString(home.resolve("lib/saltlab.id")).strip() + "-");

    Run second = run(launcher, work, logClassesTo(tmp.resolve("second.log")), "render", "-o", "m2");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).isEqualTo(BUILT_IN_NOTE);
    assertThat(fromArchive(tmp.resolve("second.log"))).as("second run uses the archive").isTrue();
    assertThat(files(work.resolve("m2"))).isEqualTo(files(work.resolve("m0")));

    // A jar newer than its archive (replaced in place, same build id): never used with it.
    Files.setLastModifiedTime(
        home.resolve("lib/saltlab.jar"), FileTime.from(Instant.now().plusSeconds(60)));
    Run touched = run(launcher, work, logClassesTo(tmp.resolve("touched.log")), "versions");
    assertThat(touched.exit()).isZero();
    assertThat(fromArchive(tmp.resolve("touched.log"))).isFalse();
    awaitNewArchive(List.of()); // made again for the replaced jar

    // Another build of the jar: another key, the old archive is left for the old build.
    List<String> before = cacheFiles();
    rebuildJar(home);
    Run rebuilt = run(launcher, work, logClassesTo(tmp.resolve("rebuilt.log")), "versions");
    assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.err()).isEmpty();
    assertThat(fromArchive(tmp.resolve("rebuilt.log"))).isFalse();
    String next = awaitNewArchive(before);
    assertThat(next).isNotEqualTo(archive);
    Run third = run(launcher, work, logClassesTo(tmp.resolve("third.log")), "versions");
    assertThat(fromArchive(tmp.resolve("third.log"))).isTrue();
    assertThat(third.out()).contains("Targets 1.5-1.36");
    assertThat(cacheFiles()).noneMatch(f -> f.contains(".tmp.") || f.endsWith(".lock"));
  }

  /** A different jar with the same classes (one more entry), and its new id, as a build writes. */
  private static void rebuildJar(Path home) throws Exception {
    Path jar = home.resolve("lib/saltlab.jar");
    Path next = home.resolve("lib/next.jar");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(next))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("io/saltlab/cli/rebuilt.txt"));
      out.write("another build\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING);
    // the same time stamp as the old jar, as reproducible builds give
    Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
    Files.writeString(home.resolve("lib/saltlab.id"), HexFormat.of().formatHex(sha) + "\n");
  }

  private Run runPlain(Path jar, Path workDir, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), "", "");
  }

  @Test
  void concurrentFirstRunsAllWorkAndMakeOneArchive() throws Exception {
    Path launcher = install("dist").resolve("bin/saltlab");
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path work = Files.createDirectories(tmp.resolve("w" + i));
      ProcessBuilder pb =
          new ProcessBuilder(launcher.toString(), "render", "--layout", "stream")
              .directory(work.toFile())
              .redirectOutput(work.resolve("out.txt").toFile())
              .redirectError(work.resolve("err.txt").toFile());
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      pb.environment().put("SALTLAB_CACHE_DIR", cache().toString());
      pb.environment().remove("SALTLAB_JAVA_OPTS");
      runs.add(pb.start());
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      Path work = tmp.resolve("w" + i);
      assertThat(runs.get(i).exitValue()).as(Files.readString(work.resolve("err.txt"))).isZero();
      assertThat(Files.readString(work.resolve("out.txt"))).startsWith("1.36: wrote 10");
    }
    awaitNewArchive(List.of());
    Thread.sleep(1000); // let any late trainer find the lock or the archive
    List<String> files = cacheFiles();
    assertThat(files.stream().filter(f -> f.endsWith(".jsa") || f.endsWith(".aot"))).hasSize(1);
    // besides it, at most the space-free link to the jar that JDK 17-24 need
    assertThat(files.stream().filter(f -> !f.endsWith(".jsa") && !f.endsWith(".aot")))
        .allMatch(f -> f.endsWith(".jar"));
  }

  @Test
  void itRunsThroughASymlinkFromAnyFolderAndPassesExitCodesAndStreams() throws Exception {
    Path home = install("linked");
    Path links = Files.createDirectories(tmp.resolve("my bin"));
    Path link = Files.createSymbolicLink(links.resolve("saltlab"), home.resolve("bin/saltlab"));
    Map<String, String> noCache = Map.of("SALTLAB_CACHE", "off");
    Run version = run(link, tmp.resolve("elsewhere"), noCache, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).matches("saltlab \\S+\n");
    Run bad = run(link, tmp.resolve("elsewhere"), noCache, "render", "--bogus");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .isEqualTo(
            "error: unknown option '--bogus'\nhint: run 'saltlab render --help' for usage\n");
    assertThat(cacheFiles()).as("SALTLAB_CACHE=off makes nothing").isEmpty();
    assertThat(cache()).doesNotExist();
    // extra class path entries for --class labs
    Run lab =
        run(
            link,
            tmp.resolve("elsewhere"),
            Map.of(
                "SALTLAB_CACHE",
                "off",
                "SALTLAB_CLASSPATH",
                Path.of("target/test-classes").toAbsolutePath().toString()),
            "render",
            "--class",
            RenderAndCheckTest.InvalidLab.class.getName());
    assertThat(lab.exit()).isEqualTo(2);
    assertThat(lab.err()).startsWith("error: lab 'bad_name' is invalid");
  }

  @Test
  void aCacheFolderThatIsASymlinkIsNeverUsed() throws Exception {
    Path launcher = install("dist").resolve("bin/saltlab");
    Path elsewhere = Files.createDirectories(tmp.resolve("someone else's"));
    Files.createSymbolicLink(cache(), elsewhere);
    Run r = run(launcher, tmp.resolve("w"), Map.of(), "versions");
    assertThat(r.exit()).isZero();
    Thread.sleep(3000); // a trainer, if one were wrongly started, would have locked by now
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aMissingOrTooOldJavaIsAClearError() throws Exception {
    Path launcher = install("dist").resolve("bin/saltlab");
    Run missing =
        run(launcher, tmp.resolve("w"), Map.of("JAVA_HOME", tmp.resolve("no jdk").toString()));
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith("error: JAVA_HOME is " + tmp.resolve("no jdk"))
        .contains("\nhint: set JAVA_HOME to a JDK 17 or newer");
    Path old = Files.createDirectories(tmp.resolve("old jdk/bin"));
    Files.writeString(old.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Path java = old.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho should not run\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Run tooOld =
        run(launcher, tmp.resolve("w"), Map.of("JAVA_HOME", old.getParent().toString()), "-V");
    assertThat(tooOld.exit()).isEqualTo(2);
    assertThat(tooOld.out()).isEmpty();
    assertThat(tooOld.err())
        .isEqualTo(
            "error: saltlab needs Java 17 or newer; "
                + java
                + " is Java 11.0.2\nhint: set JAVA_HOME to a JDK 17 or newer\n");
  }

  @Test
  void aJdk25OrNewerGetsAnAotCache() throws Exception {
    Optional<Path> jdk = newerJdk();
    assumeTrue(jdk.isPresent(), "no JDK 25 or newer beside " + System.getProperty("java.home"));
    Path launcher = install("dist").resolve("bin/saltlab");
    Map<String, String> env = Map.of("JAVA_HOME", jdk.get().toString());
    Run first = run(launcher, tmp.resolve("w"), env, "versions");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(awaitNewArchive(List.of())).endsWith(".aot");
    Map<String, String> logged = new java.util.HashMap<>(env);
    logged.putAll(logClassesTo(tmp.resolve("aot.log")));
    Run second = run(launcher, tmp.resolve("w"), logged, "versions");
    assertThat(second.exit()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(fromArchive(tmp.resolve("aot.log"))).isTrue();
  }

  /** A JDK 25+ installed beside the running one, as on this project's machines. */
  private static Optional<Path> newerJdk() throws IOException {
    Path jvms = Path.of(System.getProperty("java.home")).toRealPath().getParent();
    try (Stream<Path> s = Files.list(jvms)) {
      for (Path p : s.sorted().toList()) {
        Path release = p.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(p.resolve("bin/java"))) {
          for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=\"")) {
              String v = line.substring("JAVA_VERSION=\"".length());
              int major = Integer.parseInt(v.replaceAll("[^0-9].*", ""));
              if (major >= 25) {
                return Optional.of(p);
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Java names files in the locale's charset: under an ASCII locale (LANG=C, LC_ALL=POSIX, none at
   * all, or a UTF-8 locale the system lacks) it cannot name {@code café/}; the launcher runs it
   * with C.UTF-8 where the system has it. The name is made by the shell, so this test's own charset
   * does not matter.
   */
  @Test
  void aNonAsciiPathWorksUnderAnAsciiLocale() throws Exception {
    Path launcher = install("dist").resolve("bin/saltlab");
    boolean hasCUtf8 =
        new ProcessBuilder(
                    "sh", "-c", "[ \"$(LC_ALL=C.UTF-8 locale charmap 2>/dev/null)\" = UTF-8 ]")
                .start()
                .waitFor()
            == 0;
    String cafe = "\"$(printf 'caf\\303\\251')\"";
    List<Map<String, String>> locales =
        List.of(
            Map.of("LANG", "C"),
            Map.of("LC_ALL", "POSIX", "LANG", "C.UTF-8"),
            Map.of("LC_CTYPE", "C"),
            Map.of("LC_ALL", "xx_YY.UTF-8"),
            Map.of());
    int n = 0;
    for (Map<String, String> locale : locales) {
      Map<String, String> env = new java.util.HashMap<>();
      for (String v : List.of("LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES")) {
        env.put(v, null);
      }
      env.put("SALTLAB_CACHE", "off");
      env.putAll(locale);
      Path work = tmp.resolve("locale-" + n++);
      Run r =
          run(
              Path.of("/bin/sh"),
              work,
              env,
              "-c",
              "\"$0\" render -o " + cafe + " && [ -f " + cafe + "/1.36/kustomization.yaml ]",
              launcher.toString());
      if (hasCUtf8) {
        assertThat(r.exit()).as("%s: %s", locale, r.err()).isZero();
        // bash itself warns at start-up about a locale the system lacks; saltlab says nothing.
        assertThat(r.err()).endsWith(BUILT_IN_NOTE).doesNotContain("saltlab: line");
      } else {
        assertThat(r.exit()).as("%s: %s", locale, r.err()).isEqualTo(2);
        assertThat(r.err()).contains("LC_ALL=C.UTF-8");
      }
    }
  }

  @Test
  void theLauncherPassesShellcheck() throws Exception {
    Optional<Path> shellcheck =
        Stream.of(System.getenv("PATH").split(":"))
            .map(d -> Path.of(d, "shellcheck"))
            .filter(Files::isExecutable)
            .findFirst();
    assumeTrue(shellcheck.isPresent(), "shellcheck is not installed (.ci/install-tools.sh)");
    Process p =
        new ProcessBuilder(
                shellcheck.get().toString(),
                "--shell=bash",
                "--severity=style",
                distribution.resolve("bin/saltlab").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEmpty();
    assertThat(p.exitValue()).isZero();
  }
}
