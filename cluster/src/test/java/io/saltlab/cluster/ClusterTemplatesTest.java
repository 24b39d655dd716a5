package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.cluster.internal.Template;
import io.saltlab.cluster.internal.TemplateValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The templates under {@code src/main/resources/io/saltlab/cluster/templates/} as files: shellcheck
 * reads each script template as it is (before rendering), every template file is rendered or
 * included, and every line and every branch of every template is written for some cluster, so no
 * placeholder or branch is dead.
 */
class ClusterTemplatesTest {
  /** Read from the source tree, as a person editing them sees them. */
  private static final Path TEMPLATES = Path.of("src/main/resources/io/saltlab/cluster/templates");

  private static List<String> templateFiles() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TEMPLATES)) {
      walk.filter(Files::isRegularFile)
          .map(p -> TEMPLATES.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  @Test
  void shellcheckAcceptsEveryScriptTemplateAsItIs() throws Exception {
    Tools.require("shellcheck", "the shellcheck of the script templates");
    List<String> command =
        new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=style", "--format=gcc"));
    templateFiles().stream().filter(f -> f.endsWith(".sh")).forEach(command::add);
    assertThat(command).hasSizeGreaterThan(4 + 4);
    Tools.Result r = Tools.run(TEMPLATES, Map.of(), command);
    assertThat(r.output()).as("shellcheck output on the templates").isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void everyTemplateFileIsRenderedOrIncluded() throws IOException {
    Set<String> used = new TreeSet<>(ClusterRenderer.TEMPLATES.values());
    for (String path : ClusterRenderer.TEMPLATES.values()) {
      includes(path, used);
    }
    assertThat(templateFiles()).containsExactlyInAnyOrderElementsOf(used);
  }

  private static void includes(String path, Set<String> used) throws IOException {
    for (String line : Files.readAllLines(TEMPLATES.resolve(path))) {
      if (line.startsWith("#%include ")) {
        String included = line.substring("#%include ".length());
        if (used.add(included)) {
          includes(included, used);
        }
      }
    }
  }

  /** The matrix plus the layouts it lacks: one node, one proxy of each kind, an add-on URL. */
  private static List<ClusterFixtures.Case> cases() {
    List<ClusterFixtures.Case> cases = new ArrayList<>(ClusterFixtures.everyTargetAndOs());
    LabCluster solo =
        LabCluster.builder()
            .lab(ClusterFixtures.seedLab("solo"))
            .os(NodeOs.DEBIAN_12)
            .addNodes(ClusterNode.controlPlane("solo", "192.168.56.20"))
            .httpProxy("http://proxy.example.com:3128")
            .addonManifestUrl("https://example.com/net/addon.yml")
            .build();
    LabCluster httpsOnly =
        LabCluster.builder()
            .lab(ClusterFixtures.seedLab())
            .os(NodeOs.CENTOS_7)
            .addNodes(ClusterNode.controlPlane("kube0", "192.168.56.10"))
            .addNodes(ClusterNode.worker("node1", "192.168.56.11"))
            .httpsProxy("http://proxy.example.com:3128")
            .build();
    cases.add(new ClusterFixtures.Case("solo", solo, io.saltlab.core.KubernetesVersion.of("1.36")));
    cases.add(
        new ClusterFixtures.Case(
            "https-only", httpsOnly, io.saltlab.core.KubernetesVersion.of("1.6")));
    return cases;
  }

  @Test
  void everyLineAndBranchOfEveryTemplateIsWrittenForSomeCluster() {
    Set<String> reachable = new TreeSet<>();
    Set<String> reached = new TreeSet<>();
    for (String path : ClusterRenderer.TEMPLATES.values()) {
      reachable.addAll(Template.load(path).reachable());
    }
    for (ClusterFixtures.Case c : cases()) {
      SortedMap<String, TemplateValues> values =
          new ClusterRenderer(c.cluster(), c.target()).values();
      values.forEach(
          (file, v) -> Template.load(ClusterRenderer.TEMPLATES.get(file)).render(v, reached));
    }
    assertThat(reachable).hasSizeGreaterThan(300);
    Set<String> unreached = new TreeSet<>(reachable);
    unreached.removeAll(reached);
    assertThat(unreached).as("template lines and branches no cluster writes").isEmpty();
  }
}
