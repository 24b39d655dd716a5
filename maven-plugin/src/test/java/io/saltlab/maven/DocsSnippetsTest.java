package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The snippets users copy are the ones the consumer sample builds: the test kit's Java snippets of
 * docs/testing.md are in the sample's test, line for line and in order, and the README's Maven
 * snippet names the artifacts the sample depends on. {@code PluginIT} compiles and runs the sample.
 */
class DocsSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAMPLE = Path.of("src/it/consumer");

  @Test
  void theTestKitSnippetsAreTheConsumerSamplesTests() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/testing.md"));
    String section = docs.substring(docs.indexOf("## Unit-testing a topology change"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    List<String> blocks = blocks(section, "java");
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);

    List<String> test =
        Files.readAllLines(SAMPLE.resolve("src/test/java/com/example/MyLabTest.java")).stream()
            .map(String::strip)
            .toList();
    for (String block : blocks) {
      int at = 0;
      for (String line : block.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
        int found = test.subList(at, test.size()).indexOf(line);
        assertThat(found)
            .as("docs/testing.md line not in the consumer sample: %s", line)
            .isNotNegative();
        at += found + 1;
      }
    }
  }

  @Test
  void theReadmeCoordinatesAreTheConsumerSamplesDependencies() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Maven coordinates"));
    List<String> xml = blocks(section.substring(0, section.indexOf("\n## ", 3)), "xml");
    assertThat(xml).isNotEmpty(); // the first: the coordinates with the BOM
    String pom = Files.readString(SAMPLE.resolve("pom.xml"));
    Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(xml.get(0));
    int artifacts = 0;
    while (m.find()) {
      assertThat(pom).contains("<artifactId>" + m.group(1) + "</artifactId>");
      artifacts++;
    }
    assertThat(artifacts).isGreaterThanOrEqualTo(4);
    assertThat(xml.get(0))
        .contains("<artifactId>saltlab-bom</artifactId>", "<scope>import</scope>");
  }

  private static List<String> blocks(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
