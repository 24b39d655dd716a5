package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's attacks on the file workflow, each run as {@code saltlab.jar} in its own JVM with a
 * 128 MB heap: links, FIFOs, devices and kernel files; unbounded inputs; Secrets rewritten to slip
 * past a textual mask; terminal escapes; secret files that are not one line; hostile lock files and
 * leftovers; modes under two umasks; locales. Every run ends in time with exit 0, 1 or 2, never a
 * trace, and prints no canary value.
 */
class FileWorkflowAttackIT {
  private static final String PASSWORD = "attack-password-canary-7f3a";
  private static final String TOKEN = "attack-token-canary-0123456789";
  private static final String CI_CANARY = "ci-job-token-canary-5521";
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD", PASSWORD,
          "SALTLAB_AUTOSIGN_TOKEN", TOKEN,
          "CI_JOB_TOKEN", CI_CANARY);
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir Path dir;
  private Path spec;

  @AfterAll
  static void report() {
    System.out.println(
        "file workflow attacks: "
            + RUNS.get()
            + " runs of saltlab.jar -Xmx128m, each ended in time with exit 0/1/2, 0 stack traces,"
            + " 0 canary values printed");
  }

  @BeforeEach
  void seedSpec() throws Exception {
    spec = dir.resolve("lab.yaml");
    Files.deleteIfExists(spec);
    Files.copy(Path.of(System.getProperty("saltlab.seedSpec", "../examples/seed-lab.yaml")), spec);
  }

  private JarProcess.Run jar(String... args) throws Exception {
    return jar(List.of(), args);
  }

  private JarProcess.Run jar(List<String> jvm, String... args) throws Exception {
    JarProcess.Run r = JarProcess.run(dir, ENV, jvm, args).assertNoTrace();
    RUNS.incrementAndGet();
    assertThat(r.all())
        .doesNotContain(PASSWORD, TOKEN, CI_CANARY, "root:x:0:0", "root:*:", "root:!");
    return r;
  }

  private JarProcess.Run render(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("render", "--lab", spec.toString(), "-o", "m"));
    args.addAll(List.of(extra));
    return jar(args.toArray(String[]::new));
  }

  private JarProcess.Run check(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("check", "--lab", spec.toString(), "-o", "m"));
    args.addAll(List.of(extra));
    return jar(args.toArray(String[]::new));
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
    return p;
  }

  private void specWith(String from, String to) throws Exception {
    String text = Files.readString(spec);
    assertThat(text).contains(from);
    Files.writeString(spec, text.replace(from, to));
  }

  @Test
  void checkNeverOpensOrPrintsWhatALinkInTheFolderPointsAt() throws Exception {
    assertThat(render().exit()).isZero();
    Path topology = dir.resolve("m/1.36/topology.md");
    for (String target : List.of("/proc/self/environ", "/etc/shadow", "/etc/passwd")) {
      Files.deleteIfExists(topology);
      Files.createSymbolicLink(topology, Path.of(target));
      JarProcess.Run r = check();
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.out()).contains("not saltlab's: topology.md").doesNotContain("PATH=");
      // render refuses to replace it, and leaves it as it is
      render().assertInputError();
      assertThat(Files.readSymbolicLink(topology)).isEqualTo(Path.of(target));
    }
    Files.delete(topology);
    Files.createSymbolicLink(dir.resolve("m/1.36/extra.yaml"), Path.of("/proc/self/environ"));
    assertThat(render().exit()).isZero();
    assertThat(check().exit()).isZero();
    assertThat(Files.isSymbolicLink(dir.resolve("m/1.36/extra.yaml"))).isTrue();
  }

  @Test
  void fifosAreRefusedBeforeAnyReadNeverWaitedOn() throws Exception {
    Path fifo = fifo("pipe.yaml");
    jar("validate", fifo.toString()).assertInputError();
    jar("render", "--lab", fifo.toString(), "-o", "m").assertInputError();
    specWith("passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordFile: pipe.yaml");
    render().assertInputError();
    seedSpec();
    specWith("autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN", "autosignTokenFile: pipe.yaml");
    render().assertInputError();
    seedSpec();
    Files.createDirectories(dir.resolve("locked"));
    Path lock = dir.resolve("locked/.saltlab.lock");
    assertThat(new ProcessBuilder("mkfifo", lock.toString()).start().waitFor()).isZero();
    jar("render", "--lab", spec.toString(), "-o", "locked").assertInputError();
    jar("check", "--lab", spec.toString(), "-o", "locked").assertInputError();
  }

  @Test
  void devicesAndKernelFilesAreRefusedAndNothingOfTheEnvironmentIsPrinted() throws Exception {
    for (String path : List.of("/dev/zero", "/dev/urandom", "/proc/self/environ")) {
      jar("validate", path).assertInputError();
      jar("render", "--lab", path, "-o", "m").assertInputError();
      seedSpec();
      specWith("passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordFile: " + path);
      render().assertInputError();
      seedSpec();
    }
    JarProcess.Run shadow = jar("render", "--lab", "/etc/shadow", "-o", "m").assertInputError();
    assertThat(shadow.all()).doesNotContain("daemon:", "root:");
  }

  @Test
  void secretFilesMustBeOneLineOfAFewKilobytesAndErrorsNeverShowThem() throws Exception {
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put(
        "two-lines", "first-line-canary\nsecond-line-canary\n".getBytes(StandardCharsets.UTF_8));
    bad.put("nul", "nul\0canary\n".getBytes(StandardCharsets.UTF_8));
    bad.put("large", "x".repeat(5000).getBytes(StandardCharsets.UTF_8));
    bad.put("empty", new byte[0]);
    for (Map.Entry<String, byte[]> e : bad.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      seedSpec();
      specWith("passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordFile: " + e.getKey());
      JarProcess.Run r = render().assertInputError();
      assertThat(r.all()).doesNotContain("line-canary", "zero-canary", "after-zero", "xxxxxxxx");
    }
    seedSpec();
    specWith(
        "passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordFile: ../../../../../../etc/passwd");
    render().assertInputError();
    seedSpec();
    Files.writeString(dir.resolve("good"), "good-password-canary\n");
    specWith("passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordFile: good");
    assertThat(render().exit()).isZero();
    seedSpec();
    specWith(
        "passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordEnv: \"pasted password-canary 991\"");
    assertThat(render().assertInputError().all()).doesNotContain("password-canary");
    // A pasted password that happens to be a valid variable name: not printed by render, nor by
    // check, which runs without secrets and names what it could not compare.
    seedSpec();
    specWith("passwordEnv: SALTLAB_REGISTRY_PASSWORD", "passwordEnv: Hunter2canary991");
    assertThat(render().assertInputError().all()).doesNotContain("Hunter2canary991");
    assertThat(check().all()).doesNotContain("Hunter2canary991").contains("passwordEnv");
  }

  @Test
  void unboundedInputsEndInTwoLinesNeverInAnOutOfMemoryTrace() throws Exception {
    Path empties = dir.resolve("empties.yaml");
    Files.writeString(empties, "{}\n---\n".repeat(100_000));
    JarProcess.Run many = jar("validate", empties.toString()).assertInputError();
    assertThat(many.all()).contains("20000 documents");
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(9L << 20);
    }
    jar("validate", big.toString()).assertInputError();

    assertThat(render().exit()).isZero();
    // 3 GB files with saltlab's header, one under a rendered name, one under another.
    for (String name : List.of("namespace-salt-lab.yaml", "huge.yaml")) {
      Path huge = dir.resolve("m/1.36/" + name);
      try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
        raf.setLength(0);
        raf.write("# Generated by saltlab x\n".getBytes(StandardCharsets.UTF_8));
        raf.setLength(3L << 30);
      }
    }
    JarProcess.Run drift = check();
    assertThat(drift.exit()).isEqualTo(1);
    assertThat(drift.out()).contains("longer than rendered", "extra:   huge.yaml");
    assertThat(render().exit()).isZero();
    assertThat(check().exit()).isZero();
    assertThat(dir.resolve("m/1.36/huge.yaml")).doesNotExist();

    // A lab too large for the heap it is given: the shortage is reported in the same two lines.
    // 12,000 roles are well over twice what 24 MB holds since render streams the lab (a6cc48d;
    // 4,000 roles in 40 MB no longer ran out).
    Path large = dir.resolve("large.yaml");
    Files.writeString(large, BigSpec.text(12_000));
    JarProcess.Run oom =
        JarProcess.run(
            dir, ENV, List.of("-Xmx24m"), "render", "--lab", large.toString(), "-o", "x");
    RUNS.incrementAndGet();
    oom.assertInputError();
    assertThat(oom.err()).contains("out of memory");
  }

  @Test
  void secretsRewrittenInAnyFormNeverShowTheirDataInACheck() throws Exception {
    for (String layout : List.of("files", "stream")) {
      Path m = dir.resolve("m");
      if (Files.exists(m)) {
        org.assertj.core.util.Files.delete(m.toFile());
      }
      assertThat(render("--layout", layout).exit()).isZero();
      Path file =
          m.resolve(
              layout.equals("files") ? "1.36/secret-registry-pull.yaml" : "1.36/manifests.yaml");
      String committed = Files.readString(file);
      String data = dataValue(committed);
      List<String> rewrites =
          List.of(
              committed.replace("data:\n", "\"data\":\n"),
              committed.replace("data:\n", "data :\n"),
              committed.replace("kind: Secret", "kind: !!str Secret"),
              committed.replace("kind: Secret", "kind: \"\\x53ecret\""),
              committed.replace("kind: Secret", "\"kind\": 'Secret'"),
              committed.replace(
                  "  .dockerconfigjson: " + data,
                  "  .dockerconfigjson: >-\n    "
                      + data.substring(0, 20)
                      + "\n    "
                      + data.substring(20)),
              committed.replace(
                  "  .dockerconfigjson: " + data, "  ? .dockerconfigjson\n  : " + data),
              committed.replace(
                  "data:\n  .dockerconfigjson: " + data,
                  "data: {\n  .dockerconfigjson:\n    " + data + "\n}"),
              committed.replace("\n", "\r\n"),
              // As kubectl get secret -o yaml writes it: the applied object, data included.
              committed.replace(
                  "\n  name: registry-pull\n",
                  "\n  name: registry-pull\n  annotations:\n"
                      + "    kubectl.kubernetes.io/last-applied-configuration: '{\"data\":"
                      + "{\".dockerconfigjson\":\""
                      + data
                      + "\"},\"kind\":\"Secret\"}'\n"),
              committed.replace(
                  "  .dockerconfigjson: " + data,
                  "  .dockerconfigjson: \"" + data + "\" # committed"));
      for (String rewrite : rewrites) {
        assertThat(rewrite).isNotEqualTo(committed);
        Files.writeString(file, rewrite);
        JarProcess.Run r = check("--layout", layout);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.all())
            .as(rewrite)
            .doesNotContain(data.substring(0, 16), data.substring(20, 36));
      }
      Files.writeString(file, committed);
      assertThat(check("--layout", layout).exit()).isZero();
    }
  }

  @Test
  void controlCharactersAndEscapesAreShownVisiblyNeverRaw() throws Exception {
    assertThat(render().exit()).isZero();
    // A file that cannot spell Secret, so the broken YAML is shown, not made opaque (the master's
    // ConfigMap holds Jinja's '%' since issue 15).
    Path file = dir.resolve("m/1.36/namespace-salt-lab.yaml");
    String text = Files.readString(file);
    Files.writeString(file, text + "# \u001b]0;owned\u0007\u001b[2J\u202e\r\n");
    JarProcess.Run r = check();
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("\\x1b]0;owned\\x07\\x1b[2J\\u202e\\x0d");
    assertThat(r.all()).doesNotContain("\u001b", "\u0007", "\u202e", "\r");
  }

  @Test
  void aFolderWithUnreadablePartsReportsEachAndChecksTheRest() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("input"));
    Files.copy(spec, folder.resolve("not-a-manifest-but-yaml.yaml"));
    Files.writeString(
        folder.resolve("good.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: good\n");
    Files.writeString(
        folder.resolve("bad.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Bad_Name\n");
    Files.write(
        folder.resolve("latin1.yaml"), "a: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.createSymbolicLink(folder.resolve("link.yaml"), Path.of("/etc/passwd"));
    assertThat(
            new ProcessBuilder("mkfifo", folder.resolve("fifo.yaml").toString()).start().waitFor())
        .isZero();
    Path locked = Files.createDirectories(folder.resolve("locked"));
    Files.writeString(locked.resolve("hidden.yaml"), "kind: Namespace\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      // Root reads any folder; without the capabilities that allow it, root obeys the mode too.
      List<String> command = new ArrayList<>();
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(
            List.of(
                "setpriv",
                "--inh-caps=-all",
                "--bounding-set=-dac_override,-dac_read_search",
                "--"));
      }
      command.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx128m",
              "-jar",
              JarProcess.jar().toString(),
              "validate",
              folder.toString()));
      JarProcess.Run r = JarProcess.start(dir, ENV, command).assertInputError();
      RUNS.incrementAndGet();
      assertThat(r.all())
          .contains(
              "latin1.yaml",
              "not UTF-8",
              "link.yaml",
              "symbolic link",
              "fifo.yaml",
              "FIFO",
              "locked",
              "permission denied",
              "Bad_Name",
              "4 inputs could not be read")
          .doesNotContain("root:x");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void lockFileLinksAndPlantedLeftoversNeverRedirectAWrite() throws Exception {
    Files.createDirectories(dir.resolve("m"));
    Files.createSymbolicLink(dir.resolve("m/.saltlab.lock"), dir.resolve("planted-target"));
    render().assertInputError();
    assertThat(dir.resolve("planted-target")).doesNotExist();
    Files.delete(dir.resolve("m/.saltlab.lock"));
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("keep.txt"), "victim's");
    Files.createSymbolicLink(dir.resolve("m/.1.36.saltlab-old"), victim);
    assertThat(render().exit()).isZero();
    assertThat(Files.isSymbolicLink(dir.resolve("m/1.36"))).isFalse();
    assertThat(victim.resolve("keep.txt")).hasContent("victim's");
    Path linkedOut = Files.createSymbolicLink(dir.resolve("linked-out"), dir.resolve("m"));
    jar("render", "--lab", spec.toString(), "-o", linkedOut.toString()).assertInputError();
  }

  @Test
  void modesFollowTheUmaskSecretsAreOwnerOnlyAndChmodsSurvive() throws Exception {
    for (String umask : List.of("077", "022")) {
      Path out = dir.resolve("modes-" + umask);
      JarProcess.Run r =
          JarProcess.start(
              dir,
              ENV,
              List.of(
                  "sh",
                  "-c",
                  "umask " + umask + " && exec \"$0\" -Xmx128m -jar \"$1\" render" + " -o \"$2\"",
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  JarProcess.jar().toString(),
                  out.toString()));
      RUNS.incrementAndGet();
      assertThat(r.exit()).as(r.all()).isZero();
      Path target = out.resolve("1.36");
      boolean strict = umask.equals("077");
      assertThat(mode(target.resolve("secret-registry-pull.yaml"))).isEqualTo("rw-------");
      assertThat(mode(target.resolve("namespace-salt-lab.yaml")))
          .isEqualTo(strict ? "rw-------" : "rw-r--r--");
      assertThat(mode(target.resolve("cluster/provision/common.sh")))
          .isEqualTo(strict ? "rwx------" : "rwxr-xr-x");
    }
    // A chmod of the user's survives a render that rewrites the file.
    assertThat(render().exit()).isZero();
    Path ns = dir.resolve("m/1.36/namespace-salt-lab.yaml");
    Files.setPosixFilePermissions(ns, PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(
        dir.resolve("m/1.36"), PosixFilePermissions.fromString("rwx--x---"));
    Files.writeString(ns, Files.readString(ns) + "# edited\n");
    assertThat(render().exit()).isZero();
    assertThat(mode(ns)).isEqualTo("rw-r-----");
    assertThat(mode(dir.resolve("m/1.36"))).isEqualTo("rwx--x---");
  }

  @Test
  void numbersAreAsciiInAnyLocaleAndNonAsciiPathsWorkOrSayWhichSettingToChange() throws Exception {
    JarProcess.Run arabic =
        jar(
            List.of("-Duser.language=ar", "-Duser.country=EG"),
            "render",
            "--lab",
            spec.toString(),
            "-o",
            "m-ar");
    assertThat(arabic.exit()).isZero();
    // The count is written in ASCII digits (ar-EG's default digits are Arabic-Indic).
    assertThat(arabic.out()).containsPattern("1\\.36: wrote [0-9]+, removed 0, kept 0 unchanged");
    assertThat(arabic.out().codePoints().filter(Character::isDigit).allMatch(c -> c < 128))
        .isTrue();

    Map<String, String> cLocale = new LinkedHashMap<>(ENV);
    cLocale.put("LANG", "C");
    JarProcess.Run c =
        JarProcess.run(
            dir, cLocale, List.of(), "render", "--lab", spec.toString(), "-o", "caf\u00e9");
    RUNS.incrementAndGet();
    c.assertNoTrace();
    if (c.exit() != 0) {
      c.assertInputError();
      assertThat(c.err()).contains("LC_ALL", "UTF-8");
    }
    Map<String, String> utf8 = new LinkedHashMap<>(ENV);
    utf8.put("LC_ALL", "C.UTF-8");
    JarProcess.Run u =
        JarProcess.run(dir, utf8, List.of(), "render", "--lab", spec.toString(), "-o", "caf\u00e9");
    RUNS.incrementAndGet();
    assertThat(u.exit()).as(u.all()).isZero();
    assertThat(dir.resolve("caf\u00e9/1.36/kustomization.yaml")).exists();
  }

  /**
   * Under {@code LANG=C} Java reads a non-ASCII name with replacement characters and cannot name it
   * again: a render once deleted nothing, stopped after its commit and said "Malformed input" when
   * such a file carried saltlab's header. Such entries are the user's and are left alone.
   */
  @Test
  void underLangCEntriesWhoseNamesJavaCannotSpellAreTheUsersAndLeftAlone() throws Exception {
    assertThat(render().exit()).isZero();
    // Made by the shell from bytes, so the names do not depend on this JVM's charset.
    String make =
        "cd m/1.36 && h=$(head -n 1 namespace-salt-lab.yaml)"
            + " && printf mine > \"$(printf 'na\\303\\257ve.txt')\""
            + " && printf '%s\\n' \"$h\" > \"$(printf 'stale-\\303\\251.yaml')\""
            + " && mkdir \"$(printf 'dossier-\\303\\251')\""
            + " && printf '%s\\n' \"$h\" > \"$(printf 'dossier-\\303\\251')/old.yaml\"";
    String kept =
        "cd m/1.36 && [ \"$(cat \"$(printf 'na\\303\\257ve.txt')\")\" = mine ]"
            + " && [ -f \"$(printf 'stale-\\303\\251.yaml')\" ]"
            + " && [ -f \"$(printf 'dossier-\\303\\251')/old.yaml\" ]"
            + " && [ ! -e ../.1.36.saltlab-journal ] && [ ! -e ../.1.36.saltlab-new ]";
    assertThat(new ProcessBuilder("sh", "-c", make).directory(dir.toFile()).start().waitFor())
        .isZero();
    specWith("ZOO_MY_ID: \"1\"", "ZOO_MY_ID: \"2\"");
    Map<String, String> cLocale = new LinkedHashMap<>(ENV);
    cLocale.put("LANG", "C");
    for (String command : List.of("render", "check")) {
      JarProcess.Run r =
          JarProcess.run(dir, cLocale, List.of(), command, "--lab", spec.toString(), "-o", "m");
      RUNS.incrementAndGet();
      r.assertNoTrace();
      assertThat(r.exit()).as(command + ": " + r.all()).isZero();
      assertThat(r.all()).doesNotContain("Malformed", "interrupted");
      assertThat(new ProcessBuilder("sh", "-c", kept).directory(dir.toFile()).start().waitFor())
          .as("the user's entries after " + command)
          .isZero();
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }

  /** The value of the first data entry of the first Secret in a rendered file. */
  private static String dataValue(String yaml) {
    int at = yaml.indexOf("  .dockerconfigjson: ");
    assertThat(at).isPositive();
    int start = at + "  .dockerconfigjson: ".length();
    String value = yaml.substring(start, yaml.indexOf('\n', start));
    assertThat(Base64.getDecoder().decode(value)).isNotEmpty();
    return value;
  }
}
