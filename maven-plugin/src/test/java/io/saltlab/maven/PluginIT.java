package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Maven builds of the sample projects under {@code src/it}, one per scenario, with the plugin
 * and saltlab's artifacts from the isolated repository {@code target/it-repo}.
 */
class PluginIT {

  @Test
  void renderWritesTheFoldersAnUnchangedBuildTouchesNothingAndAHandEditFailsVerify()
      throws Exception {
    SampleBuild sample = SampleBuild.of("render-check");
    Path manifests = sample.dir().resolve("manifests");

    SampleBuild.Result first = sample.run("verify").succeeded();
    assertThat(first.log())
        .contains("1.6: wrote ")
        .contains("1.36: wrote ")
        .contains("1.36: up to date -> ")
        .doesNotContain("SLF4J");
    assertThat(manifests.resolve("1.6/deployment-salt-master.yaml"))
        .content()
        .contains("apiVersion: extensions/v1beta1");
    assertThat(manifests.resolve("1.36/kustomization.yaml")).exists();
    assertThat(manifests.resolve("1.36/topology.md")).exists();
    assertThat(sample.dir().resolve("argocd/1.36/manifests.yaml"))
        .content()
        .contains("argocd.argoproj.io/sync-wave: \"2\"");
    Path specCluster = sample.dir().resolve("spec/1.36/cluster");
    assertThat(specCluster.resolve("Vagrantfile"))
        .content()
        .contains("10.20.0.10")
        .contains("10.20.0.11")
        .contains("4096");
    assertThat(specCluster.resolve("provision/control-plane.sh")).exists();
    assertThat(sample.dir().resolve("spec/1.36/statefulset-web.yaml")).exists();
    assertThat(manifests.resolve("1.36/cluster/Vagrantfile")).content().contains("192.168.56.10");
    Map<String, String> stamps = SampleBuild.stamps(manifests);
    Map<String, String> specStamps = SampleBuild.stamps(sample.dir().resolve("spec"));

    SampleBuild.Result second = sample.run("verify").succeeded();
    assertThat(second.log()).contains("1.6: up to date (").doesNotContain(": wrote ");
    assertThat(SampleBuild.stamps(manifests)).isEqualTo(stamps);
    assertThat(SampleBuild.stamps(sample.dir().resolve("spec"))).isEqualTo(specStamps);

    Path secret = manifests.resolve("1.36/secret-registry-pull.yaml");
    Path master = manifests.resolve("1.36/deployment-salt-master.yaml");
    Files.writeString(
        master,
        Files.readString(master).replace("replicas: 1", "replicas: 2"),
        StandardCharsets.UTF_8);
    String secretText = Files.readString(secret);
    Files.writeString(secret, secretText.replaceFirst("(\\.dockerconfigjson: )\\S+", "$1ZWRpdGVk"));

    SampleBuild.Result edited = sample.run("verify", "-Dsaltlab.render.skip=true").failed();
    assertThat(edited.log())
        .contains("saltlab:render skipped")
        .contains("--- a/1.36/deployment-salt-master.yaml")
        .contains("+++ b/1.36/deployment-salt-master.yaml")
        .contains("-  replicas: 2")
        .contains("+  replicas: 1")
        .contains("1.36: drift in ")
        .contains("the committed manifests drifted from the lab")
        .doesNotContain("ZWRpdGVk");
  }

  @Test
  void anInvalidLabFailsTheBuildWithEveryProblemListed() throws Exception {
    SampleBuild.Result r = SampleBuild.of("invalid-lab").run("generate-resources").failed();
    assertThat(r.log())
        .contains("name: 'Salt_Lab'")
        .contains("master.hostRoot: '$HOME/salt'")
        .contains("'zookeeper'")
        .doesNotContain("it-token-not-a-secret")
        .doesNotContain("\tat io.saltlab");
  }

  @Test
  void validateChecksAnyFolderWithTheExistingObjectsDeclaredAndWarningsFailOnlyWhenStrict()
      throws Exception {
    SampleBuild sample = SampleBuild.of("validate");
    SampleBuild.Result r = sample.run("verify").failed();
    assertThat(r.log())
        .contains("(existing-secret)")
        .contains("hostpath")
        .contains("extensions/v1beta1")
        .contains("(broken)");
    String beforeBroken = r.log().substring(0, r.log().indexOf("(broken)"));
    assertThat(beforeBroken).doesNotContain("[ERROR]");
    assertThat(beforeBroken.substring(beforeBroken.indexOf("(warned)")))
        .containsPattern("\\[WARNING\\] .*0 errors, 1 warning")
        .containsPattern("\\[WARNING\\]   - .*image without a tag");

    SampleBuild.Result strict = sample.run("verify", "-Dsaltlab.strict=true").failed();
    assertThat(strict.log())
        .containsPattern("\\[ERROR\\]   - .*image without a tag")
        .contains("warnings fail the build because <strict> is true")
        .doesNotContain("(broken)");
  }

  @Test
  void theRunnableJarAndTheDistributionComeFromTheBomWithoutVersionsAndAsTheDocsSay()
      throws Exception {
    SampleBuild sample = SampleBuild.of("cli-artifacts");
    String version = SampleBuild.property("saltlab.it.version");
    Path built =
        Path.of(SampleBuild.property("saltlab.it.samples"))
            .resolve("../../../cli/target/saltlab.jar")
            .normalize();

    // docs/cli.md's pom snippet (DocsSnippetsTest keeps it equal to this sample's pom)
    SampleBuild.Result r = sample.run("package").succeeded();
    assertThat(r.log()).doesNotContain("[WARNING]");
    Path jar = sample.dir().resolve("target/saltlab/saltlab.jar");
    assertThat(Files.mismatch(jar, built)).as("the jar of classifier all").isEqualTo(-1L);
    assertThat(command(sample.dir(), "java", "-jar", jar.toString(), "--version"))
        .isEqualTo("saltlab " + version + "\n");
    Path launcher = sample.dir().resolve("target/saltlab-" + version + "/bin/saltlab");
    assertThat(Files.isExecutable(launcher)).as("%s is executable", launcher).isTrue();
    assertThat(command(sample.dir(), launcher.toString(), "--version"))
        .isEqualTo("saltlab " + version + "\n");

    // docs/cli.md's shell lines, as written, in a folder that has not fetched them yet: the
    // dependency plugin's markers of the build above would make unpack skip the zip
    SampleBuild.deleteTree(sample.dir().resolve("target"));
    List<List<String>> lines = DocsSnippetsTest.cliShellLines();
    assertThat(lines).hasSize(4);
    for (List<String> line : lines) {
      if (line.get(0).equals("mvn")) {
        SampleBuild.Result fetched =
            sample.run(line.subList(1, line.size()).toArray(String[]::new)).succeeded();
        assertThat(fetched.log()).doesNotContain("[WARNING]");
      } else {
        assertThat(command(sample.dir(), line.toArray(String[]::new)))
            .startsWith("1.36: wrote 44, removed 0, kept 0 unchanged");
        SampleBuild.deleteTree(sample.dir().resolve("manifests"));
      }
    }
    assertThat(Files.mismatch(sample.dir().resolve("saltlab-cli-" + version + "-all.jar"), built))
        .isEqualTo(-1L);
  }

  /**
   * Runs a command of the docs to its end and returns what it printed on stdout; the launcher makes
   * no class-data archive, and {@code java} is this JVM's.
   */
  private static String command(Path dir, String... command) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(command));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    if (argv.get(0).equals("java")) {
      argv.set(0, java.toString());
    } else if (!argv.get(0).startsWith("/")) {
      argv.set(0, dir.resolve(argv.get(0)).toString());
    }
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().put("SALTLAB_CACHE", "off");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    assertThat(exit).as("%s: %s%s", argv, out, Files.readString(err)).isZero();
    return out;
  }

  @Test
  void aConsumerCompilesWithEveryLintWarningAnErrorAndTheDocsTestsPass() throws Exception {
    SampleBuild sample = SampleBuild.of("consumer");
    Path approved =
        sample
            .dir()
            .resolve(
                "src/test/resources/com/example/MyLabTest.wholeOutputIsPinned.1.36.approved.yaml");
    Files.createDirectories(approved.getParent());
    Files.copy(
        Path.of(SampleBuild.property("saltlab.it.samples"))
            .resolve(
                "../../../golden/src/test/resources/io/saltlab/golden/SeedLabGoldenTest.seedLab.1.36.approved.yaml")
            .normalize(),
        approved);

    SampleBuild.Result r = sample.run("verify").succeeded();
    assertThat(r.log())
        .contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0")
        .doesNotContain("[WARNING]")
        .doesNotContain("SLF4J");
  }
}
