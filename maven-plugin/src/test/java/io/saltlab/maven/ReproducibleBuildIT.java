package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two builds of the same sources give the same bytes: the repository is copied without any {@code
 * target/} folder (a clean checkout, in another place) and its published modules are packaged again
 * by this Maven, offline; every jar and zip they deploy (the library jars with their {@code
 * -sources} and {@code -javadoc} jars, the runnable jar, the distribution, the Maven plugin) must
 * equal, byte for byte, the one this build made. The second build must also print no {@code
 * [WARNING]}: what the project's own configuration would cause (shade overlaps, javadoc, compiler).
 */
class ReproducibleBuildIT {

  /** The modules whose artifacts are published, as the root pom names them. */
  private static final List<String> PUBLISHED =
      List.of(
          "core", "salt-topology", "cluster", "examples", "golden", "cli", "bom", "maven-plugin");

  @Test
  void aSecondBuildFromACleanCopyGivesIdenticalArtifactsAndNoWarning() throws Exception {
    Path root = Path.of(SampleBuild.property("saltlab.it.samples")).resolve("../../..").normalize();
    Path copy = Path.of(SampleBuild.property("saltlab.it.work")).resolve("reproducible");
    SampleBuild.deleteTree(copy);
    copySources(root, copy);

    List<String> command = new ArrayList<>();
    command.add(Path.of(SampleBuild.property("saltlab.it.mavenHome"), "bin", "mvn").toString());
    command.addAll(
        List.of(
            "-B",
            "-o",
            "-Dmaven.repo.local=" + SampleBuild.property("saltlab.it.userRepo"),
            // package never installs: nothing of this second build reaches the local repository
            "package",
            "-Dmaven.test.skip=true",
            "-pl",
            String.join(",", PUBLISHED)));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true);
    pb.environment().remove("MAVEN_OPTS");
    Path log = copy.resolve("build.log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the second build did not finish in 15 minutes: " + copy);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("second build failed:%n%s", output).isZero();
    assertThat(output.lines().filter(l -> l.startsWith("[WARNING]")).toList())
        .as("warnings of the second build")
        .isEmpty();

    Map<String, Path> first = artifacts(root);
    Map<String, Path> second = artifacts(copy);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    // each published jar module has its sources and javadoc jars
    assertThat(first.keySet())
        .contains(
            "core/target/saltlab-core-"
                + SampleBuild.property("saltlab.it.version")
                + "-javadoc.jar",
            "cli/target/saltlab.jar",
            "cli/target/saltlab-" + SampleBuild.property("saltlab.it.version") + "-dist.zip");
    assertThat(first.keySet().stream().filter(k -> k.endsWith("-javadoc.jar")).count())
        .isEqualTo(PUBLISHED.size() - 1);
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, Path> e : first.entrySet()) {
      if (Files.mismatch(e.getValue(), second.get(e.getKey())) != -1) {
        differing.add(e.getKey());
      }
    }
    assertThat(differing).as("artifacts whose bytes differ between the two builds").isEmpty();
  }

  /**
   * Every jar and zip directly in a published module's {@code target/}, by relative path; not
   * shade's {@code original-*.jar}, a leftover of an earlier build that nothing deploys.
   */
  private static Map<String, Path> artifacts(Path root) throws IOException {
    Map<String, Path> found = new TreeMap<>();
    for (String module : PUBLISHED) {
      Path target = root.resolve(module).resolve("target");
      if (!Files.isDirectory(target)) {
        continue;
      }
      try (Stream<Path> files = Files.list(target)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String name = f.getFileName().toString();
          if ((name.endsWith(".jar") || name.endsWith(".zip")) && !name.startsWith("original-")) {
            found.put(module + "/target/" + name, f);
          }
        }
      }
    }
    return found;
  }

  /**
   * The sources as a clean checkout has them: no build output, no version control folder, fresh
   * modification times, and the executable bit where git would keep it.
   */
  private static void copySources(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String name = dir.getFileName().toString();
            if (!dir.equals(from) && (name.equals("target") || name.equals(".git"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isRegularFile()) {
              Path target = to.resolve(from.relativize(file).toString());
              Files.copy(file, target);
              if (Files.isExecutable(file)) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
                perms.add(PosixFilePermission.OWNER_EXECUTE);
                Files.setPosixFilePermissions(target, perms);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
