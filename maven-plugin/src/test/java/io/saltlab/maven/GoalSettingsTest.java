package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals' settings become the command line's options: the existing objects of render and check
 * are {@code --existing-*} options the command line accepts, and a bad entry fails naming its
 * setting. The goals run here in-process, without Maven (no project: the plugin's class path).
 */
class GoalSettingsTest {

  @Test
  void existingObjectsBecomeTheCommandLinesOptionsInOrder() throws Exception {
    Existing existing =
        new Existing(
            List.of(" monitoring "), List.of("salt-lab/extra-pull"), List.of("salt-lab/site"));
    assertThat(existing.arguments())
        .containsExactly(
            "--existing-namespace=monitoring",
            "--existing-secret=salt-lab/extra-pull",
            "--existing-configmap=salt-lab/site");
    assertThat(existing.context().hasSecret("salt-lab", "extra-pull")).isTrue();
    assertThat(existing.context().hasNamespace("monitoring")).isTrue();
    assertThat(new Existing(null, null, null).arguments()).isEmpty();
  }

  @Test
  void aBadEntryNamesItsSettingTheEntryAndTheRule() {
    assertThatThrownBy(() -> new Existing(List.of(), List.of("registry-pull"), List.of()).context())
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "<existingSecrets> entry 'registry-pull': expected NAMESPACE/NAME, for example"
                + " salt-lab/registry-pull");
    assertThatThrownBy(() -> new Existing(List.of(), List.of(), List.of("Lab/site")).arguments())
        .hasMessageStartingWith("<existingConfigMaps> entry 'Lab/site': 'Lab' is not a DNS-1123")
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> new Existing(List.of("a_b"), List.of(), List.of()).arguments())
        .hasMessageStartingWith("<existingNamespaces> entry 'a_b': 'a_b' is not a DNS-1123 label");
  }

  @Test
  void renderAndCheckPassTheExistingObjectsToTheCommandLine(@TempDir Path dir) throws Exception {
    RenderMojo render = new RenderMojo();
    configure(render, dir);
    render.execute();
    assertThat(dir.resolve("1.36/deployment-salt-master.yaml")).exists();
    assertThat(dir.resolve("1.36/cluster/Vagrantfile")).exists();

    CheckMojo check = new CheckMojo();
    configure(check, dir);
    check.execute();

    Files.delete(dir.resolve("1.36/service-salt-master.yaml"));
    assertThatThrownBy(check::execute)
        .hasMessageContaining("the committed manifests drifted from the lab")
        .hasMessageContaining("service-salt-master.yaml");
  }

  @Test
  void aBadEntryStopsRenderBeforeAnythingIsWritten(@TempDir Path dir) {
    RenderMojo render = new RenderMojo();
    configure(render, dir);
    render.existingSecrets = List.of("salt-lab/Bad_Name");
    assertThatThrownBy(render::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith("<existingSecrets> entry 'salt-lab/Bad_Name': 'Bad_Name' is not");
    assertThat(dir.resolve("1.36")).doesNotExist();
  }

  /** A manifest's values reach the build log with their escapes visible, as the command line's. */
  @Test
  void validateShowsEscapesInTheManifestsVisiblyNeverRaw(@TempDir Path dir) throws Exception {
    Path pod =
        Files.writeString(
            dir.resolve("pod.yaml"),
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"x\\e]0;title\\a\\e[31m\\u202e\"\n"
                + "  namespace: default\nspec:\n  containers: [{name: a, image: 'b:1'}]\n");
    ValidateMojo validate = new ValidateMojo();
    validate.paths = List.of(pod.toFile());
    assertThatThrownBy(validate::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("x\\x1b]0;title\\x07\\x1b[31m\\u202e")
        .hasMessageNotContaining(String.valueOf((char) 0x1b))
        .hasMessageNotContaining(String.valueOf((char) 0x202e));
  }

  /** The seed lab for 1.36 with one of each existing object; a bad option would exit 2. */
  private static void configure(AbstractLabMojo goal, Path dir) {
    goal.labClass = "io.saltlab.examples.SeedLabProvider";
    goal.targets = List.of("1.36");
    goal.outputDirectory = dir.toFile();
    goal.layout = "files";
    goal.gitops = "none";
    goal.existingNamespaces = List.of("monitoring");
    goal.existingSecrets = List.of("salt-lab/extra-pull");
    goal.existingConfigMaps = List.of("salt-lab/site");
  }
}
