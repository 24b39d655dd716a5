package io.saltlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the rendered files of every OS with every target it runs ({@link
 * ClusterFixtures#everyTargetAndOs()}) with the real tools: shellcheck on every script (no finding
 * at any severity), ruby's parser on every Vagrantfile, and {@code vagrant validate} on every
 * Vagrantfile that differs from the others in more than its comments (one vagrant run takes
 * seconds; Vagrantfiles whose non-comment lines are equal load the same configuration). A missing
 * tool skips its check with the reason printed; {@code .ci/install-tools.sh} installs them.
 */
class ClusterToolsTest {
  @TempDir static Path dir;

  /** Case name to its rendered folder. */
  private static final Map<String, Path> FOLDERS = new LinkedHashMap<>();

  private static final Map<String, SortedMap<String, String>> FILES = new LinkedHashMap<>();

  @BeforeAll
  static void renderEveryCase() throws IOException {
    for (ClusterFixtures.Case c : ClusterFixtures.everyTargetAndOs()) {
      SortedMap<String, String> files = c.cluster().render(c.target());
      Path folder = dir.resolve(c.name());
      LabCluster.write(files, folder);
      c.cluster()
          .registryCaFile()
          .ifPresent(ca -> write(folder.resolve(ca), "placeholder CA certificate for validate\n"));
      FOLDERS.put(c.name(), folder);
      FILES.put(c.name(), files);
    }
  }

  @Test
  void shellcheckFindsNothingInAnyRenderedScript() throws Exception {
    Tools.require("shellcheck", "the shellcheck of the rendered scripts");
    // Scripts equal but for their comment lines (the header names the target) get the same
    // findings, so each is checked once; a directive comment could change that, and none is
    // rendered.
    Map<String, String> byCode = new LinkedHashMap<>();
    int scripts = 0;
    for (Map.Entry<String, SortedMap<String, String>> c : FILES.entrySet()) {
      for (Map.Entry<String, String> f : c.getValue().entrySet()) {
        if (f.getKey().endsWith(".sh")) {
          assertThat(f.getValue()).as(f.getKey()).doesNotContain("# shellcheck");
          byCode.putIfAbsent(withoutComments(f.getValue()), c.getKey() + "/" + f.getKey());
          scripts++;
        }
      }
    }
    assertThat(scripts).as("scripts rendered").isGreaterThanOrEqualTo(3 * FILES.size());
    List<String> command =
        new ArrayList<>(List.of("shellcheck", "--shell=bash", "--severity=style", "--format=gcc"));
    command.addAll(byCode.values());
    System.out.println(
        "shellcheck: " + byCode.size() + " distinct scripts of " + scripts + " rendered");
    Tools.Result r = Tools.run(dir, Map.of(), command);
    assertThat(r.output()).as("shellcheck output").isEmpty();
    assertThat(r.exit()).as("shellcheck exit code").isZero();
  }

  @Test
  void rubyParsesEveryRenderedVagrantfile() throws Exception {
    Tools.require("ruby", "the syntax check of the rendered Vagrantfiles");
    List<String> command =
        new ArrayList<>(
            List.of(
                "ruby",
                "-e",
                "ARGV.each { |f| RubyVM::InstructionSequence.compile_file(f) }; puts ARGV.size"));
    FOLDERS.values().forEach(f -> command.add(f.resolve("Vagrantfile").toString()));
    Tools.Result r = Tools.run(dir, Map.of(), command);
    assertThat(r.exit()).as("ruby:\n" + r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo(String.valueOf(FOLDERS.size()));
  }

  @Test
  void vagrantValidatesEveryDistinctVagrantfile() throws Exception {
    Tools.require("vagrant", "vagrant validate of the rendered Vagrantfiles");
    // Comment lines only: the Vagrantfile has no here-documents or multi-line strings.
    Map<String, String> byConfiguration = new LinkedHashMap<>();
    FILES.forEach(
        (name, files) ->
            byConfiguration.putIfAbsent(withoutComments(files.get("Vagrantfile")), name));
    assertThat(byConfiguration).hasSizeGreaterThanOrEqualTo(2 * 3);
    Path home = Files.createDirectories(dir.resolve(".vagrant-home"));
    for (String name : byConfiguration.values()) {
      // VAGRANT_HOME keeps the test away from the user's boxes and plugins; no provider is needed.
      Tools.Result r =
          Tools.run(
              FOLDERS.get(name),
              Map.of(
                  "VAGRANT_HOME",
                  home.toString(),
                  "VAGRANT_CHECKPOINT_DISABLE",
                  "1",
                  "VAGRANT_DEFAULT_PROVIDER",
                  "virtualbox"),
              List.of("vagrant", "validate", "--ignore-provider"));
      assertThat(r.exit()).as("vagrant validate for " + name + ":\n" + r.output()).isZero();
      assertThat(r.output()).as(name).contains("Vagrantfile validated successfully");
    }
    System.out.println(
        "vagrant validate: "
            + byConfiguration.size()
            + " distinct Vagrantfiles of "
            + FILES.size()
            + " rendered: "
            + byConfiguration.values());
  }

  /** The lines that are not comments ({@code #} first, after indentation; not {@code #!}). */
  private static String withoutComments(String text) {
    return text.lines()
        .filter(l -> !l.strip().startsWith("#") || l.startsWith("#!"))
        .collect(Collectors.joining("\n"));
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
