package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void validateChecksAnyFolderWithTheExistingObjectsDeclared() throws Exception {
    SampleBuild.Result r = SampleBuild.of("validate").run("verify").failed();
    assertThat(r.log())
        .contains("(existing-secret)")
        .contains("hostpath")
        .contains("extensions/v1beta1")
        .contains("(broken)");
    assertThat(r.log().substring(0, r.log().indexOf("(broken)"))).doesNotContain("[ERROR]");
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
