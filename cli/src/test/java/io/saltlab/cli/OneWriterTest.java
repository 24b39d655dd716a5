package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Layout;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.LabSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's {@code Manifests.writeDirectory} and {@code saltlab render} are one writer: the
 * same lab gives the same folder, byte for byte and mode for mode, in both layouts and for every
 * target tried, and a second write of either over the other changes nothing.
 */
class OneWriterTest {
  private static final Map<String, String> ENV =
      Map.of(
          "SALTLAB_REGISTRY_PASSWORD", "one-writer-password",
          "SALTLAB_AUTOSIGN_TOKEN", "one-writer-token-0123456789");

  @TempDir Path dir;

  @Test
  void writeDirectoryAndRenderGiveTheSameFolder() throws IOException {
    // The library writes a lab's manifests; the cluster/ a spec's cluster: section adds is the
    // command line's (saltlab-cluster), so the spec is taken without it.
    String seed = Files.readString(Path.of("../examples/seed-lab.yaml"));
    Path spec = dir.resolve("lab.yaml");
    Files.writeString(spec, seed.substring(0, seed.indexOf("\ncluster:\n") + 1));
    SaltLab lab = LabSpec.read(spec, ENV);
    for (String target : new String[] {"1.6", "1.20", "1.36"}) {
      for (Layout layout : Layout.values()) {
        String option = layout == Layout.STREAM ? "stream" : "files";
        Path cli = dir.resolve("cli-" + option);
        Path library = dir.resolve("library-" + option);
        CliRunner.Run r =
            CliRunner.run(
                ENV,
                "render",
                "--lab",
                spec.toString(),
                "-t",
                target,
                "--layout",
                option,
                "-o",
                cli.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Manifests manifests = lab.render(KubernetesVersion.of(target));
        manifests.writeDirectory(library.resolve(target), layout);

        Map<String, String> fromCli = tree(cli.resolve(target));
        Map<String, String> fromLibrary = tree(library.resolve(target));
        assertThat(fromLibrary).as("%s %s", target, layout).isNotEmpty().isEqualTo(fromCli);
        assertThat(fromLibrary).containsKey("topology.md").containsKey("kustomization.yaml");
        assertThat(tree(library)).containsKey(".saltlab.lock");

        // Each recognises the other's folder as up to date.
        assertThat(manifests.writeDirectory(cli.resolve(target), layout).changed()).isFalse();
        CliRunner.Run again =
            CliRunner.run(
                ENV,
                "render",
                "--lab",
                spec.toString(),
                "-t",
                target,
                "--layout",
                option,
                "-o",
                library.toString());
        assertThat(again.out()).contains(target + ": up to date");
      }
    }
  }

  /** Every entry below a folder: its bytes as hex digest input and its POSIX mode. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String mode =
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        String bytes =
            Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                ? Arrays.toString(Files.readAllBytes(p))
                : "folder";
        entries.put(root.relativize(p).toString(), mode + " " + bytes);
      }
    }
    return entries;
  }
}
