package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The BOM has no parent (so it hands users nothing but saltlab's own versions), hence these checks:
 * its version is the reactor's, and it manages every published library module.
 */
class BomTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theBomManagesEveryPublishedLibraryAtTheReactorsVersion() throws Exception {
    String root = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    assertThat(first(bom, "<version>([^<]+)</version>"))
        .isEqualTo(first(root, "<version>([^<]+)</version>"));
    assertThat(bom).doesNotContain("<parent>");

    List<String> published = new ArrayList<>();
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(root);
    while (modules.find()) {
      String pom = Files.readString(ROOT.resolve(modules.group(1)).resolve("pom.xml"));
      String packaging =
          pom.contains("<packaging>") ? first(pom, "<packaging>([^<]+)</packaging>") : "jar";
      if (packaging.equals("jar") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(
            first(pom.substring(pom.indexOf("</parent>")), "<artifactId>([^<]+)</artifactId>"));
      }
    }
    assertThat(published).contains("saltlab-core", "saltlab-salt-topology", "saltlab-golden");
    for (String artifact : published) {
      assertThat(bom)
          .as("saltlab-bom manages %s", artifact)
          .contains("<artifactId>" + artifact + "</artifactId>");
    }
  }

  @Test
  void theBomManagesTheCommandLinesRunnableJarAndDistributionAsTheCliAttachesThem()
      throws Exception {
    String cli = Files.readString(ROOT.resolve("cli/pom.xml"));
    String zip = Files.readString(ROOT.resolve("cli/src/assembly/zip.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    String runnable =
        first(
            cli,
            "<file>\\$\\{project.build.directory\\}/saltlab.jar</file>\\s*<type>jar</type>\\s*"
                + "<classifier>([^<]+)</classifier>");
    String dist = first(zip, "<id>([^<]+)</id>");
    assertThat(first(zip, "<format>([^<]+)</format>")).isEqualTo("zip");
    assertThat(List.of(runnable, dist)).containsExactly("all", "dist");
    List<String> managed = new ArrayList<>();
    Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(bom);
    while (m.find()) {
      String d = m.group(1).replaceAll("\\s+", "");
      if (d.contains("<artifactId>saltlab-cli</artifactId>")) {
        managed.add(d.replaceAll(".*</version>", ""));
      }
    }
    assertThat(managed)
        .containsExactlyInAnyOrder(
            "",
            "<classifier>" + runnable + "</classifier>",
            "<type>zip</type><classifier>" + dist + "</classifier>");
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return m.group(1);
  }
}
