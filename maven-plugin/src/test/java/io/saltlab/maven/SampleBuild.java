package io.saltlab.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A real Maven build of a sample project under {@code src/it}: the project is copied into {@code
 * target/it/<name>} with its {@code @tokens@} filled in, then built by this Maven in a separate
 * process against the isolated repository {@code target/it-repo}, whose missing artifacts are read
 * from the build's own local repository, given as {@code central} by a {@code file://} URL (no
 * network).
 */
final class SampleBuild {

  /** What one build printed and how it ended. */
  record Result(int exitCode, String log) {
    Result succeeded() {
      assertThat(exitCode).as("build failed:%n%s", log).isZero();
      return this;
    }

    Result failed() {
      assertThat(exitCode).as("build passed but should have failed:%n%s", log).isNotZero();
      return this;
    }
  }

  private static final Pattern TOKEN = Pattern.compile("@([A-Za-z0-9.\\-]+)@");

  private final Path dir;

  private SampleBuild(Path dir) {
    this.dir = dir;
  }

  /**
   * Copies a sample afresh into the work folder.
   *
   * @param name the folder under {@code src/it}
   * @return the build, ready to run
   */
  static SampleBuild of(String name) throws IOException {
    Path from = Path.of(property("saltlab.it.samples")).resolve(name);
    Path to = Path.of(property("saltlab.it.work")).resolve(name);
    deleteTree(to);
    Map<String, String> tokens = tokens();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, fill(Files.readString(f), tokens, f));
        }
      }
    }
    return new SampleBuild(to);
  }

  /** The sample's folder. */
  Path dir() {
    return dir;
  }

  /**
   * Runs Maven in the sample's folder.
   *
   * @param args goals and options, such as {@code verify}
   * @return the exit code and everything the build printed
   */
  Result run(String... args) throws IOException, InterruptedException {
    Path settings = writeSettings();
    List<String> command = new ArrayList<>();
    command.add(Path.of(property("saltlab.it.mavenHome"), "bin", "mvn").toString());
    command.add("-B");
    command.add("-s");
    command.add(settings.toString());
    command.add("-Dmaven.repo.local=" + property("saltlab.it.repo"));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("MAVEN_OPTS");
    pb.environment().remove("SALTLAB_APPROVE");
    Path log = dir.resolve("build-" + System.nanoTime() + ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("sample build did not finish in 10 minutes: " + dir);
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private Path writeSettings() throws IOException {
    Path settings = dir.resolve("it-settings.xml");
    String mirror = Path.of(property("saltlab.it.userRepo")).toUri().toString();
    // "central" itself, pointed at the build's local repository: that folder has no checksum
    // files, hence the ignore policy; nothing else is declared, so nothing reaches the network.
    String policy =
        "<enabled>true</enabled><checksumPolicy>ignore</checksumPolicy>"
            + "<updatePolicy>never</updatePolicy>";
    String repository =
        "<id>central</id><url>"
            + mirror
            + "</url><releases>"
            + policy
            + "</releases><snapshots>"
            + policy
            + "</snapshots>";
    Files.writeString(
        settings,
        "<settings>\n"
            + "  <profiles>\n"
            + "    <profile>\n"
            + "      <id>build-local-repository</id>\n"
            + "      <repositories><repository>"
            + repository
            + "</repository></repositories>\n"
            + "      <pluginRepositories><pluginRepository>"
            + repository
            + "</pluginRepository></pluginRepositories>\n"
            + "    </profile>\n"
            + "  </profiles>\n"
            + "  <activeProfiles><activeProfile>build-local-repository</activeProfile></activeProfiles>\n"
            + "</settings>\n");
    return settings;
  }

  /** The sample's tokens: saltlab's version and the version of each plugin the root pom pins. */
  private static Map<String, String> tokens() throws IOException {
    Map<String, String> tokens = new TreeMap<>();
    tokens.put("saltlab.version", property("saltlab.it.version"));
    Path rootPom = Path.of(property("saltlab.it.samples")).resolve("../../../pom.xml").normalize();
    try {
      var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(rootPom.toFile());
      NodeList plugins = doc.getElementsByTagName("plugin");
      for (int i = 0; i < plugins.getLength(); i++) {
        Element plugin = (Element) plugins.item(i);
        String artifact = text(plugin, "artifactId");
        String version = text(plugin, "version");
        if (artifact != null && version != null && !version.contains("$")) {
          tokens.putIfAbsent(artifact + ".version", version);
        }
      }
      NodeList props = doc.getElementsByTagName("properties").item(0).getChildNodes();
      for (int i = 0; i < props.getLength(); i++) {
        if (props.item(i) instanceof Element e) {
          tokens.putIfAbsent(e.getTagName(), e.getTextContent().strip());
        }
      }
    } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IOException("cannot read " + rootPom + ": " + e.getMessage(), e);
    }
    return tokens;
  }

  private static String text(Element parent, String tag) {
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }

  private static String fill(String text, Map<String, String> tokens, Path file) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = tokens.get(m.group(1));
      if (value == null) {
        throw new AssertionError("unknown token @" + m.group(1) + "@ in " + file);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set; run the ITs through mvn verify");
    }
    return value;
  }

  /**
   * Modification times of every file under a folder, by relative path.
   *
   * @param folder the folder
   * @return path to modification time in nanoseconds-precision text
   */
  static Map<String, String> stamps(Path folder) throws IOException {
    Map<String, String> stamps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        stamps.put(
            folder.relativize(f).toString(),
            Files.getLastModifiedTime(f).toString() + " " + Files.isDirectory(f));
      }
    }
    return stamps;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(f);
      }
    }
  }
}
