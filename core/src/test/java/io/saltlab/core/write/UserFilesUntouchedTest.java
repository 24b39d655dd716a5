package io.saltlab.core.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.internal.write.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer touches only its own files: the user's files, links, folders and their modes stay
 * exactly as they were (same inode, same time, same mode) through renders that change everything
 * around them, and links are never followed anywhere.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserFilesUntouchedTest {
  private static final String HEADER = GeneratedFiles.HEADER_PREFIX + "test\n";

  @TempDir Path dir;

  private Path target() {
    return dir.resolve("1.36");
  }

  private WriteResult write(Map<String, String> files) {
    try (OutputFolder folder = OutputFolder.open(dir, Duration.ZERO)) {
      return folder.write("1.36", FolderFiles.of(files));
    }
  }

  private static Map<String, String> render(String version) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.yaml", HEADER + "a: " + version + "\n");
    files.put("b.yaml", HEADER + "b: " + version + "\n");
    files.put("cluster/Vagrantfile", HEADER + "vm: " + version + "\n");
    files.put("cluster/provision/common.sh", "#!/bin/sh\n" + HEADER + "echo " + version + "\n");
    return files;
  }

  @Test
  void userFilesLinksAndFoldersKeepTheirInodeTimeModeAndContent() throws Exception {
    write(render("1"));
    Path log = Files.writeString(target().resolve("app.log"), "line 1\n");
    Path vagrant = Files.createDirectories(target().resolve("cluster/.vagrant/machines"));
    Path token = Files.writeString(target().resolve("cluster/join-token"), "kubeadm token\n");
    Path link = Files.createSymbolicLink(target().resolve("link.yaml"), Path.of("/etc/passwd"));
    Path dangling = Files.createSymbolicLink(target().resolve("gone"), dir.resolve("nowhere"));
    Files.setPosixFilePermissions(target(), PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(
        target().resolve("cluster"), PosixFilePermissions.fromString("rwx--x---"));
    Map<Path, Object> before = identities(vagrant, token, link);
    Object logInode = Files.getAttribute(log, "unix:ino");
    Object folderInode = Files.getAttribute(target(), "unix:ino");

    for (int i = 2; i < 6; i++) {
      Map<String, String> next = render(String.valueOf(i));
      if (i % 2 == 0) {
        next.remove("b.yaml");
      }
      WriteResult r = write(next);
      assertThat(r.changed()).isTrue();
      Files.writeString(log, "line " + i + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    assertThat(identities(vagrant, token, link)).isEqualTo(before);
    assertThat(Files.getAttribute(log, "unix:ino")).isEqualTo(logInode);
    assertThat(Files.getAttribute(target(), "unix:ino")).isEqualTo(folderInode);
    assertThat(Files.readString(log)).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\n");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/etc/passwd"));
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    assertThat(dir.resolve("nowhere")).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target().resolve("cluster"))))
        .isEqualTo("rwx--x---");
    assertThat(target().resolve("a.yaml")).hasContent(HEADER + "a: 5");
    assertThat(target().resolve("b.yaml")).hasContent(HEADER + "b: 5");
    assertThat(hidden()).isEmpty();
  }

  @Test
  void aProcessWorkingInsideTheFolderKeepsWorkingThroughRenders() throws Exception {
    write(render("1"));
    Path cluster = target().resolve("cluster");
    // Like 'vagrant up' run in cluster/: its working folder and what it writes there stay.
    Process worker =
        new ProcessBuilder(
                "sh",
                "-c",
                "i=0; while [ $i -lt 400 ]; do echo $i >> .vagrant-log || exit 7;"
                    + " i=$((i+1)); sleep 0.005; done; pwd -P > where")
            .directory(cluster.toFile())
            .start();
    int renders = 0;
    while (worker.isAlive() && renders < 60) {
      write(render(String.valueOf(renders + 2)));
      renders++;
    }
    assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.exitValue()).as("the worker could always write in its folder").isZero();
    assertThat(renders).isGreaterThan(3);
    List<String> lines = Files.readAllLines(cluster.resolve(".vagrant-log"));
    assertThat(lines).hasSize(400);
    assertThat(lines.get(399)).isEqualTo("399");
    assertThat(Files.readString(cluster.resolve("where")).strip())
        .isEqualTo(cluster.toRealPath().toString());
  }

  @Test
  void generatedFilesAreReplacedWithTheModeTheUserGaveThem() throws Exception {
    write(render("1"));
    Path a = target().resolve("a.yaml");
    Path script = target().resolve("cluster/provision/common.sh");
    Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Object inode = Files.readAttributes(a, "unix:ino").get("ino");
    write(render("2"));
    assertThat(a).hasContent(HEADER + "a: 2");
    assertThat(Files.readAttributes(a, "unix:ino").get("ino")).isNotEqualTo(inode);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
        .isEqualTo("rwx------");
  }

  @Test
  void privateFilesAreOwnerOnlyAndScriptsExecutable() throws Exception {
    try (OutputFolder folder = OutputFolder.open(dir, Duration.ZERO)) {
      folder.write(
          "1.36",
          FolderFiles.builder()
              .addPrivate("secret-pull.yaml", HEADER + "kind: Secret\n")
              .add("run.sh", "#!/bin/sh\n" + HEADER)
              .add("plain.yaml", HEADER)
              .build());
    }
    assertThat(mode("secret-pull.yaml")).isEqualTo("rw-------");
    String folderMode = mode("");
    // The staging folder is made with the umask, so scripts get exactly its bits.
    assertThat(mode("run.sh")).isEqualTo(folderMode);
    assertThat(mode("plain.yaml")).isEqualTo(folderMode.replace('x', '-'));
  }

  @Test
  void aLinkWhereAGeneratedFileGoesIsRefusedAndLeftAlone() throws Exception {
    write(render("1"));
    Path link = target().resolve("a.yaml");
    Files.delete(link);
    Files.createSymbolicLink(link, Path.of("/etc/hostname"));
    assertThatThrownBy(() -> write(render("2")))
        .isInstanceOf(FolderException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/etc/hostname"));
    assertThat(target().resolve("b.yaml")).hasContent(HEADER + "b: 1");

    // A linked sub-folder is never written through either.
    Files.delete(link);
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    org.assertj.core.util.Files.delete(target().resolve("cluster").toFile());
    Files.createSymbolicLink(target().resolve("cluster"), elsewhere);
    assertThatThrownBy(() -> write(render("3")))
        .isInstanceOf(FolderException.class)
        .hasMessageContaining("not a folder");
    try (var list = Files.list(elsewhere)) {
      assertThat(list).isEmpty();
    }
    assertThat(hidden()).isEmpty();
  }

  @Test
  void linkedOutputFoldersLockFilesAndPlantedLeftoversAreRefusedOrIgnored() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
    assertThatThrownBy(() -> OutputFolder.open(linked, Duration.ZERO))
        .isInstanceOf(FolderException.class)
        .hasMessageContaining("symbolic link");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createSymbolicLink(out.resolve(OutputFolder.LOCK_FILE), dir.resolve("created-by-link"));
    assertThatThrownBy(() -> OutputFolder.open(out, Duration.ZERO))
        .isInstanceOf(FolderException.class)
        .hasMessageContaining("symbolic link");
    assertThat(dir.resolve("created-by-link")).doesNotExist();
    assertThatThrownBy(() -> OutputFolder.readLock(out, Duration.ZERO))
        .isInstanceOf(FolderException.class);

    Path other = Files.createDirectories(dir.resolve("other"));
    Path fifo = other.resolve(OutputFolder.LOCK_FILE);
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> OutputFolder.open(other, Duration.ZERO))
        .isInstanceOf(FolderException.class)
        .hasMessageContaining("not a regular file");

    // A planted leftover of the old folder swap that is a link is never moved into place.
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("x.yaml"), HEADER);
    Files.createSymbolicLink(dir.resolve(".1.36.saltlab-old"), victim);
    write(render("1"));
    assertThat(Files.isSymbolicLink(target())).isFalse();
    assertThat(victim.resolve("x.yaml")).exists();
  }

  @Test
  void aWriteInterruptedAfterItsCommitIsFinishedByTheNextOne() throws Exception {
    write(render("1"));
    // What a kill right after the commit leaves: staged files and the journal naming them.
    Path staging = Files.createDirectories(dir.resolve(".1.36.saltlab-new/cluster"));
    Files.writeString(staging.getParent().resolve("a.yaml"), HEADER + "a: 9\n");
    Files.writeString(staging.resolve("Vagrantfile"), HEADER + "vm: 9\n");
    new Journal(List.of("a.yaml", "cluster/Vagrantfile"), List.of("b.yaml"), List.of())
        .commit(
            dir.resolve(".1.36.saltlab-journal.tmp"), dir.resolve(".1.36.saltlab-journal"), false);
    assertThat(OutputFolder.hasUnfinishedWrite(dir, "1.36")).isTrue();
    try (OutputFolder folder = OutputFolder.open(dir, Duration.ZERO)) {
      assertThat(folder.recover("1.36")).isTrue();
    }
    assertThat(target().resolve("a.yaml")).hasContent(HEADER + "a: 9");
    assertThat(target().resolve("cluster/Vagrantfile")).hasContent(HEADER + "vm: 9");
    assertThat(target().resolve("b.yaml")).doesNotExist();
    assertThat(hidden()).isEmpty();
    assertThat(OutputFolder.hasUnfinishedWrite(dir, "1.36")).isFalse();
  }

  @Test
  void aGeneratedFolderEmptiedByARenderGoesButOneHoldingUserFilesStays() throws Exception {
    write(render("1"));
    Map<String, String> noCluster = render("2");
    noCluster.keySet().removeIf(p -> p.startsWith("cluster/"));
    write(noCluster);
    assertThat(target().resolve("cluster")).doesNotExist();
    write(render("3"));
    Files.writeString(target().resolve("cluster/provision/mine.txt"), "mine");
    write(noCluster);
    assertThat(target().resolve("cluster/provision/mine.txt")).hasContent("mine");
    assertThat(target().resolve("cluster/Vagrantfile")).doesNotExist();
  }

  /**
   * A user's tree deeper than the system's path limit (3,000 levels): render refused with "File
   * name too long" and check could not run. Nothing saltlab writes is that deep, so the writer does
   * not look there. Made and removed by the shell, which walks it relative to each folder.
   */
  @Test
  void aUsersTreeDeeperThanThePathLimitIsLeftAloneAndNeverStopsAWrite() throws Exception {
    write(render("1"));
    String deep = "i=0; while [ $i -lt 3000 ]; do mkdir d && cd -P d || exit 1; i=$((i+1)); done;";
    try {
      assertThat(sh(deep + " echo mine > f.txt")).isZero();
      Files.writeString(target().resolve("d/stale.yaml"), HEADER + "old\n");
      WriteResult r = write(render("2"));
      assertThat(r.changed()).isTrue();
      assertThat(r.removed()).containsExactly("d/stale.yaml");
      assertThat(target().resolve("a.yaml")).hasContent(HEADER + "a: 2");
      assertThat(sh(deep.replace("mkdir d && ", "") + " [ \"$(cat f.txt)\" = mine ]")).isZero();
      assertThatThrownBy(
              () ->
                  FolderFiles.of(Map.of("d/".repeat(FolderFiles.MAX_DEPTH + 1) + "x.yaml", HEADER)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("deeper than " + FolderFiles.MAX_DEPTH);
    } finally {
      assertThat(sh("rm -rf d")).isZero();
    }
  }

  /** Runs a shell line in the target folder. */
  private int sh(String line) throws Exception {
    return new ProcessBuilder("sh", "-c", line)
        .directory(target().toFile())
        .inheritIO()
        .start()
        .waitFor();
  }

  private String mode(String relative) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(target().resolve(relative), LinkOption.NOFOLLOW_LINKS));
  }

  private List<String> hidden() throws IOException {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".saltlab-"))
          .toList();
    }
  }

  /** Inode, modification time and mode of each path, links not followed. */
  private static Map<Path, Object> identities(Path... paths) throws IOException {
    Map<Path, Object> ids = new LinkedHashMap<>();
    for (Path p : paths) {
      Map<String, Object> a =
          Files.readAttributes(p, "unix:ino,mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
      ids.put(p, a.get("ino") + " " + a.get("mode") + " " + a.get("lastModifiedTime"));
    }
    return ids;
  }
}
