package io.saltlab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One name for the registry password's variable, so that one {@code export} serves both {@code
 * render} (a spec file's {@code passwordEnv}) and {@code vagrant up} (the cluster scripts): the
 * example spec, every rendered cluster file, the cluster templates, the Java sources and the docs
 * all say {@code SALTLAB_REGISTRY_PASSWORD}, and no other variable name for it.
 */
class RegistryPasswordNameTest {
  private static final String NAME = "SALTLAB_REGISTRY_PASSWORD";

  /** A variable-like word naming the registry's password: REGISTRY_PASSWORD, LAB_REG_PASS... */
  private static final Pattern PASSWORD_VARIABLE =
      Pattern.compile("\\b[A-Z0-9_]*REG(?:ISTRY)?_PASS(?:WORD)?\\b");

  @Test
  void theExampleSpecNamesIt() throws IOException {
    assertThat(Files.readString(Path.of("seed-lab.yaml")))
        .containsPattern("(?m)^  passwordEnv: " + NAME + "$");
  }

  @Test
  void everyRenderedClusterFileReadsItAndNoOther() {
    SeedLabProvider seed = new SeedLabProvider();
    Map<String, Set<String>> names = new TreeMap<>();
    for (KubernetesVersion v : KubernetesVersion.all()) {
      seed.cluster(seed.lab(), v)
          .map(c -> c.render(v))
          .ifPresent(files -> files.forEach((path, text) -> collect(names, v + "/" + path, text)));
    }
    assertThat(names).containsKey(KubernetesVersion.DEFAULT + "/Vagrantfile");
    assertThat(names).allSatisfy((file, found) -> assertThat(found).as(file).containsOnly(NAME));
  }

  @Test
  void sourcesTemplatesAndDocsNameNoOther() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Map<String, Set<String>> names = new TreeMap<>();
    for (String dir :
        new String[] {
          "cluster/src/main", "examples/src/main", "salt-topology/src/main", "cli/src/main", "docs"
        }) {
      try (Stream<Path> files = Files.walk(root.resolve(dir))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          collect(names, root.relativize(f).toString(), Files.readString(f));
        }
      }
    }
    collect(names, "README.md", Files.readString(root.resolve("README.md")));
    collect(names, "examples/seed-lab.yaml", Files.readString(Path.of("seed-lab.yaml")));
    assertThat(names)
        .containsKeys(
            "cluster/src/main/resources/io/saltlab/cluster/templates/Vagrantfile",
            "docs/cluster.md");
    assertThat(names).allSatisfy((file, found) -> assertThat(found).as(file).containsOnly(NAME));
  }

  /** Records the password-like variable names of a file that names any. */
  private static void collect(Map<String, Set<String>> names, String file, String text) {
    Matcher m = PASSWORD_VARIABLE.matcher(text);
    Set<String> found = new TreeSet<>();
    while (m.find()) {
      found.add(m.group());
    }
    if (!found.isEmpty()) {
      names.put(file, found);
    }
  }
}
