package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.write.FolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LabCluster#write} is saltlab's one folder writer, with its guarantees: the user's files
 * (Vagrant's state, the kubeadm token, a chmod) survive, links are never followed, a file is never
 * truncated in place, and a file saltlab did not write is never replaced.
 */
class ClusterFolderWriteTest {
  private static final KubernetesVersion V1_6 = KubernetesVersion.of("1.6");
  private static final KubernetesVersion V1_30 = KubernetesVersion.of("1.30");

  @TempDir Path dir;

  private Path folder() {
    return dir.resolve("cluster");
  }

  @Test
  void aSecondRenderKeepsTheUsersFilesModesAndNeverTruncatesInPlace() throws Exception {
    LabCluster cluster = ClusterFixtures.seed();
    cluster.writeTo(folder(), V1_6);
    Path vagrantfile = folder().resolve("Vagrantfile");
    Path script = folder().resolve("provision/common.sh");
    Path machine = Files.createDirectories(folder().resolve(".vagrant/machines/kube0"));
    Path id = Files.writeString(machine.resolve("id"), "vm-id\n");
    Path token = Files.writeString(folder().resolve(".saltlab-kubeadm-token"), "abcdef.0123\n");
    // A hard link sees the old file's bytes only if the writer replaced it rather than truncated.
    Path before = Files.createLink(dir.resolve("Vagrantfile.before"), vagrantfile);
    String oldVagrantfile = Files.readString(vagrantfile);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(vagrantfile, PosixFilePermissions.fromString("rw-------"));
    Object folderInode = Files.getAttribute(folder(), "unix:ino");
    Object idInode = Files.getAttribute(id, "unix:ino");

    cluster.writeTo(folder(), V1_30);

    SortedMap<String, String> rendered = cluster.render(V1_30);
    assertThat(vagrantfile).hasContent(rendered.get("Vagrantfile"));
    assertThat(oldVagrantfile).isNotEqualTo(rendered.get("Vagrantfile"));
    assertThat(before).hasContent(oldVagrantfile);
    assertThat(mode(script)).isEqualTo("rwx------");
    assertThat(mode(vagrantfile)).isEqualTo("rw-------");
    assertThat(id).hasContent("vm-id");
    assertThat(token).hasContent("abcdef.0123");
    assertThat(Files.getAttribute(id, "unix:ino")).isEqualTo(idInode);
    assertThat(Files.getAttribute(folder(), "unix:ino")).isEqualTo(folderInode);
  }

  @Test
  void anUnchangedRenderTouchesNothingAndAStaleGeneratedFileGoes() throws Exception {
    LabCluster cluster = ClusterFixtures.seed();
    cluster.writeTo(folder(), V1_6);
    Path vagrantfile = folder().resolve("Vagrantfile");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(vagrantfile, old);
    Path stale = folder().resolve("provision/retired.sh");
    Files.writeString(stale, cluster.render(V1_6).get("provision/common.sh"));
    Path mine = Files.writeString(folder().resolve("provision/mine.sh"), "echo mine\n");

    var written = cluster.writeTo(folder(), V1_6);

    assertThat(written).hasSize(cluster.render(V1_6).size());
    assertThat(Files.getLastModifiedTime(vagrantfile)).isEqualTo(old);
    assertThat(stale).doesNotExist();
    assertThat(mine).hasContent("echo mine");
  }

  @Test
  void aLinkInThePlaceOfARenderedFileIsRefusedAndNeverFollowed() throws Exception {
    LabCluster cluster = ClusterFixtures.seed();
    cluster.writeTo(folder(), V1_6);
    Path victim = Files.writeString(dir.resolve("victim"), "not saltlab's\n");
    Path script = folder().resolve("provision/common.sh");
    Files.delete(script);
    Files.createSymbolicLink(script, victim);

    assertThatThrownBy(() -> cluster.writeTo(folder(), V1_30))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("common.sh")
        .hasCauseInstanceOf(FolderException.class);
    assertThat(victim).hasContent("not saltlab's");
    assertThat(Files.isSymbolicLink(script)).isTrue();
    assertThat(folder().resolve("Vagrantfile")).hasContent(cluster.render(V1_6).get("Vagrantfile"));
  }

  @Test
  void aLinkedFolderAndAFileOfTheUsersAreRefused() throws Exception {
    LabCluster cluster = ClusterFixtures.seed();
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
    assertThatThrownBy(() -> cluster.writeTo(linked, V1_6)).isInstanceOf(IOException.class);
    assertThat(elsewhere).isEmptyDirectory();

    Files.createDirectories(folder());
    Path handWritten = Files.writeString(folder().resolve("Vagrantfile"), "# my own\n");
    assertThatThrownBy(() -> cluster.writeTo(folder(), V1_6))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Vagrantfile");
    assertThat(handWritten).hasContent("# my own");
    assertThat(folder().resolve("provision")).doesNotExist();
  }

  @Test
  void pathsOutsideTheFolderAndTheRootAreRefused() {
    Map<String, String> files = new TreeMap<>(Map.of("../escape.sh", "#!/bin/sh\n"));
    assertThatThrownBy(() -> LabCluster.write(files, folder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaves the folder");
    assertThatThrownBy(() -> LabCluster.write(Map.of("a", "b"), Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThat(dir.resolve("escape.sh")).doesNotExist();
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
