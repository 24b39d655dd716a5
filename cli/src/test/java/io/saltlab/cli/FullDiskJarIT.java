package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render onto a full disk, for real: a 2 MiB tmpfs mounted in a private mount namespace ({@code
 * unshare}), a first render that fits, the disk then filled to several levels just short of what
 * the next render needs, and a render of a changed lab at each level with the jar. Each either
 * fails with the two-line error and leaves the old folder byte for byte with nothing of its own
 * left behind, or (given room) succeeds whole. Where the system does not allow a private mount
 * (unprivileged user namespaces disabled) the test is skipped and says so.
 */
class FullDiskJarIT {
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD", "full-disk-password",
          "SALTLAB_AUTOSIGN_TOKEN", "full-disk-token-0123456789");

  @TempDir Path dir;

  @Test
  void aFullDiskLeavesTheOldFolderByteForByteAndNothingHalfBuilt() throws Exception {
    JarProcess.Run probe =
        JarProcess.start(
            dir,
            Map.of(),
            List.of(
                "unshare",
                "-rm",
                "sh",
                "-c",
                "mkdir -p \"$0\" && mount -t tmpfs -o size=64k tmpfs" + " \"$0\"",
                dir.resolve("probe").toString()));
    Assumptions.assumeTrue(
        probe.exit() == 0, "no private tmpfs here (unshare -rm + mount refused): " + probe.all());

    Path specA = Files.writeString(dir.resolve("a.yaml"), BigSpec.text(6));
    Path specB =
        Files.writeString(dir.resolve("b.yaml"), BigSpec.text(6).replace("big-lab", "changed-lab"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String run =
        "\"$JAVA\" -Xmx128m -XX:TieredStopAtLevel=1 -jar \"$JAR\" render -o \"$D/m\" --lab";
    String script =
        String.join(
            "\n",
            "set -u",
            "D=\"$W/disk\"; mkdir -p \"$D\"",
            "mount -t tmpfs -o size=2m tmpfs \"$D\" || exit 90",
            run + " \"$A\" > /dev/null || exit 91",
            "snapshot() { (cd \"$D/m\" && find . -print | sort && find . -type f -exec sha256sum"
                + " {} + | sort); }",
            "snapshot > \"$W/before\"",
            "for free in 0 8 24 48 96; do",
            "  rm -f \"$D/filler\"",
            "  avail=$(df -k --output=avail \"$D\" | tail -1)",
            "  fill=$((avail - free))",
            "  [ $fill -gt 0 ] && dd if=/dev/zero of=\"$D/filler\" bs=1k count=$fill 2>/dev/null",
            "  "
                + run
                + " \"$B\" > \"$W/out-$free\" 2> \"$W/err-$free\"; echo $? > \"$W/exit-$free\"",
            "  snapshot > \"$W/after-$free\"",
            "  if [ \"$(cat \"$W/exit-$free\")\" = 0 ]; then",
            "    "
                + run
                + " \"$A\" > /dev/null 2>&1 || { rm -f \"$D/filler\"; "
                + run
                + " \"$A\" > /dev/null; }",
            "  fi",
            "done",
            "rm -f \"$D/filler\"",
            run + " \"$B\" > \"$W/out-final\" 2>&1; echo $? > \"$W/exit-final\"");
    JarProcess.Run r =
        JarProcess.start(
            dir,
            Map.of(
                "W", dir.toString(),
                "JAVA", java,
                "JAR", JarProcess.jar().toString(),
                "A", specA.toString(),
                "B", specB.toString(),
                "SALTLAB_REGISTRY_PASSWORD", ENV.get("SALTLAB_REGISTRY_PASSWORD"),
                "SALTLAB_AUTOSIGN_TOKEN", ENV.get("SALTLAB_AUTOSIGN_TOKEN")),
            List.of("unshare", "-rm", "sh", "-c", script));
    assertThat(r.exit()).as(r.all()).isZero();
    String before = Files.readString(dir.resolve("before"));
    int failed = 0;
    for (String free : List.of("0", "8", "24", "48", "96")) {
      int exit = Integer.parseInt(Files.readString(dir.resolve("exit-" + free)).strip());
      String err = Files.readString(dir.resolve("err-" + free));
      if (exit != 0) {
        failed++;
        assertThat(exit).as(err).isEqualTo(2);
        assertThat(err).startsWith("error: ").contains("hint: ").doesNotContain("\tat ");
        assertThat(Files.readString(dir.resolve("after-" + free)))
            .as("with %s KiB free the old folder is byte for byte as before, nothing left", free)
            .isEqualTo(before);
      }
    }
    assertThat(failed).as("renders that met the full disk").isGreaterThanOrEqualTo(2);
    assertThat(Files.readString(dir.resolve("exit-final")).strip()).isEqualTo("0");
    System.out.println(
        "full disk: 5 renders onto a 2 MiB tmpfs filled to 0-96 KiB free, "
            + failed
            + " met the full disk: each exit 2 with error and hint, old folder byte for byte, no"
            + " staging, journal or new folder left; then a render with room succeeded");
  }
}
