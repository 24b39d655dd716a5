package io.saltlab.core.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.core.internal.files.RefusedFileException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Only regular files, never through a link, never past a limit; nothing blocks. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SafeReadTest {
  @TempDir Path dir;

  @Test
  void readsARegularFileWithinItsLimit() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "hello\n");
    assertThat(SafeRead.utf8(f, 6)).isEqualTo("hello\n");
    assertThat(SafeRead.bytes(f, 100)).hasSize(6);
  }

  @Test
  void refusesLinksFoldersAndMissingFiles() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "secret content");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
    assertThatThrownBy(() -> SafeRead.bytes(link, 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LINK))
        .hasMessageNotContaining("secret content");
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
    assertThatThrownBy(() -> SafeRead.bytes(dangling, 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LINK));
    assertThat(dir.resolve("nowhere")).doesNotExist();
    assertThatThrownBy(() -> SafeRead.bytes(dir, 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FOLDER));
    assertThatThrownBy(() -> SafeRead.bytes(dir.resolve("absent"), 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
  }

  @Test
  void refusesFifosDevicesAndKernelFilesWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> SafeRead.bytes(fifo, 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SPECIAL))
        .hasMessageContaining("FIFO");
    assertThatThrownBy(() -> SafeRead.bytes(Path.of("/dev/zero"), 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SPECIAL))
        .hasMessageContaining("character device");
    assertThatThrownBy(() -> SafeRead.bytes(Path.of("/proc/self/environ"), 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SYSTEM));
    assertThatThrownBy(() -> SafeRead.bytes(Path.of("/proc/self/status"), 100))
        .isInstanceOf(RefusedFileException.class);
  }

  @Test
  void refusesFilesOverTheLimitWithoutReadingThemWhole() throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[4096]);
    assertThatThrownBy(() -> SafeRead.bytes(big, 4095))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
        .hasMessageContaining("4095 bytes");
    assertThat(SafeRead.bytes(big, 4096)).hasSize(4096);
  }

  @Test
  void refusesTextThatIsNotUtf8() throws Exception {
    Path latin1 =
        Files.write(dir.resolve("latin1"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SafeRead.utf8(latin1, 100))
        .isInstanceOfSatisfying(
            RefusedFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_TEXT));
  }
}
