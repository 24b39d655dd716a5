package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process appending to a log inside the output folder, and one working in {@code cluster/} the
 * way {@code vagrant up} does (its working folder there, writing {@code .vagrant/} and reading the
 * Vagrantfile on every step), keep working through many renders with the jar that rewrite files
 * beside them and in their folder: no line of the log is lost, the worker never fails, and their
 * files keep their inode.
 */
class UserProcessesJarIT {
  static final int RENDERS = 12;

  @TempDir Path dir;

  private static int rendered;
  private static int lines;

  @AfterAll
  static void report() {
    System.out.println(
        "user processes: "
            + rendered
            + " renders through saltlab.jar while a log in the target folder was appended to"
            + " and a vagrant-like worker ran in cluster/: "
            + lines
            + " log lines, 0 lost; the worker never failed");
  }

  @Test
  void aLogAndAVagrantLikeWorkerInsideTheFolderSurviveEveryRender() throws Exception {
    Path out = dir.resolve("manifests");
    render(out, 0);
    Path target = out.resolve("1.36");
    Path cluster = target.resolve("cluster");
    assertThat(cluster.resolve("Vagrantfile")).exists();
    Path stop = dir.resolve("stop");
    // One open descriptor for the whole run, as a logging process keeps it.
    Process logger =
        new ProcessBuilder(
                "sh",
                "-c",
                "exec 3>>\"$1\"; i=0; while [ ! -e \"$2\" ]; do echo \"$i\" >&3; i=$((i+1));"
                    + " sleep 0.002; done; echo \"$i\" > \"$1.count\"",
                "logger",
                target.resolve("app.log").toString(),
                stop.toString())
            .start();
    Process vagrant =
        new ProcessBuilder(
                "sh",
                "-c",
                "mkdir -p .vagrant/machines; i=0; while [ ! -e \"$1\" ]; do"
                    + " echo \"$i\" >> .vagrant/machines/steps || exit 7;"
                    + " cat Vagrantfile > /dev/null || exit 8; i=$((i+1)); sleep 0.002; done;"
                    + " pwd -P > .vagrant/where",
                "vagrant",
                stop.toString())
            .directory(cluster.toFile())
            .start();
    Thread.sleep(200);
    Object logInode = Files.getAttribute(target.resolve("app.log"), "unix:ino");
    for (int round = 1; round <= RENDERS; round++) {
      JarProcess.Run r = render(out, round);
      assertThat(r.out()).contains("1.36: wrote");
      rendered++;
    }
    Files.writeString(stop, "");
    assertThat(logger.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(vagrant.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(vagrant.exitValue()).as("the worker in cluster/ could always work there").isZero();
    assertThat(logger.exitValue()).isZero();

    int count = Integer.parseInt(Files.readString(target.resolve("app.log.count")).strip());
    List<String> log = Files.readAllLines(target.resolve("app.log"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(String.valueOf(i));
    }
    assertThat(log).as("every line the logger wrote is in the file").isEqualTo(expected);
    lines = log.size();
    assertThat(Files.getAttribute(target.resolve("app.log"), "unix:ino")).isEqualTo(logInode);
    assertThat(Files.readString(cluster.resolve(".vagrant/where")).strip())
        .isEqualTo(cluster.toRealPath().toString());
    assertThat(Files.readAllLines(cluster.resolve(".vagrant/machines/steps"))).isNotEmpty();
    assertThat(Files.readString(cluster.resolve("provision/common.sh")))
        .contains("registry-" + RENDERS + ".lab.local");
  }

  private JarProcess.Run render(Path out, int round) throws Exception {
    String classpath = JarProcess.jarAndTestClasses();
    JarProcess.Run r =
        JarProcess.start(
            dir,
            Map.of("SALTLAB_TEST_ROUND", String.valueOf(round)),
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                "io.saltlab.cli.Main",
                "render",
                "--class",
                VaryingSeedLab.class.getName(),
                "-o",
                out.toString()));
    assertThat(r.exit()).as(r.all()).isZero();
    return r;
  }
}
