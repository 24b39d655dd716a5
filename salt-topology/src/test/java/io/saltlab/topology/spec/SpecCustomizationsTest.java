package io.saltlab.topology.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.saltlab.core.customize.CustomizationException;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.SaltLab;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec file's {@code patches:} (inline or {@code file:}) and {@code objects:}: read into the
 * lab's customizations, strict with lines and columns, files read as hostile input.
 */
class SpecCustomizationsTest {
  private static final Map<String, String> ENV =
      Map.of("PW", "s3cret-value", "TOKEN", "t0ken-value-not-a-secret");

  private static final String LAB =
      String.join(
          "\n",
          "name: lab",
          "registry:",
          "  server: registry.example.com:5000",
          "  username: deployer",
          "  passwordEnv: PW",
          "master:",
          "  image: registry.example.com:5000/salt/master:3006.9",
          "  hostRoot: /srv/salt",
          "  node: kube0",
          "autosignTokenEnv: TOKEN",
          "minionImage: registry.example.com:5000/salt/minion:3006.9",
          "roles:",
          "  - name: orders",
          "    ports: [{name: http, port: 8080}]",
          "");

  @TempDir Path dir;

  private SaltLab read(String more) throws IOException {
    Path spec = dir.resolve("lab.yaml");
    Files.writeString(spec, LAB + more);
    return LabSpec.read(spec, ENV);
  }

  private List<String> problems(String more) throws IOException {
    LabSpecException e = catchThrowableOfType(LabSpecException.class, () -> read(more));
    assertThat(e).as("expected a LabSpecException").isNotNull();
    return e.problems().stream()
        .map(p -> p.line() + ":" + p.column() + " " + p.field() + ": " + p.message())
        .collect(Collectors.toList());
  }

  @Test
  void inlineAndFilePatchesAndExtraObjectsApplyInOrder() throws IOException {
    Files.createDirectories(dir.resolve("patches"));
    Files.writeString(
        dir.resolve("patches/replicas.yaml"),
        "- {op: test, path: /spec/replicas, value: 1}\n"
            + "- {op: replace, path: /spec/replicas, value: 2}\n");
    Files.writeString(
        dir.resolve("patches/service.yaml"), "metadata:\n  annotations:\n    team: shop\n");
    Files.writeString(
        dir.resolve("extra.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: lab}\n"
            + "data: {a: b}\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra2, namespace: lab}\n");
    SaltLab lab =
        read(
            String.join(
                "\n",
                "patches:",
                "  - target: {kind: StatefulSet, name: orders}",
                "    jsonPatch:",
                "      - {op: add, path: /metadata/labels/tier, value: app}",
                "  - target: {kind: StatefulSet, name: orders}",
                "    file: patches/replicas.yaml",
                "  - target: {kind: Service, name: orders}",
                "    strategicMerge: {spec: {ports: [{port: 8080, name: web}]}}",
                "  - target: {kind: Service, name: orders, namespace: lab}",
                "    file: patches/service.yaml",
                "objects:",
                "  - file: extra.yaml",
                ""));
    Manifests m = lab.render("1.36");
    assertThat(m.find("StatefulSet", "orders").orElseThrow().tree().at("/spec/replicas").asInt())
        .isEqualTo(2);
    assertThat(
            m.find("StatefulSet", "orders")
                .orElseThrow()
                .tree()
                .at("/metadata/labels/tier")
                .asText())
        .isEqualTo("app");
    assertThat(m.find("Service", "orders").orElseThrow().tree().at("/spec/ports/0/name").asText())
        .isEqualTo("web");
    assertThat(
            m.find("Service", "orders")
                .orElseThrow()
                .tree()
                .at("/metadata/annotations/team")
                .asText())
        .isEqualTo("shop");
    assertThat(m.find("ConfigMap", "extra")).isPresent();
    assertThat(m.find("ConfigMap", "extra2")).isPresent();
  }

  @Test
  void malformedPatchesAreReportedAtTheirLines() throws IOException {
    assertThat(
            problems(
                String.join(
                    "\n",
                    "patches:",
                    "  - target: {kind: StatefulSet, name: orders}",
                    "    jsonPatch:",
                    "      - {op: replace, path: /spec/replicas, vaule: 2}",
                    "      - {op: add, path: spec}",
                    "  - target: {kind: Service}",
                    "    strategicMerge: [a]",
                    "  - target: {kind: Service, name: orders}",
                    "    jsonPatch: []",
                    "    file: x.yaml",
                    "  - jsonPatch: [{op: remove, path: /a}]",
                    "    targte: {kind: Service, name: orders}",
                    "")))
        .containsExactly(
            "18:9 patches[0].jsonPatch[0]: a 'replace' operation needs a 'value'",
            "18:45 patches[0].jsonPatch[0].vaule: 'vaule' is not a member of a 'replace'"
                + " operation; it takes op, path, value (did you mean 'value'?)",
            "19:9 patches[0].jsonPatch[1]: an 'add' operation needs a 'value'",
            "19:19 patches[0].jsonPatch[1].path: 'spec' is not a JSON Pointer: it must be empty"
                + " (the whole object) or start with '/', for example /spec/replicas",
            "20:13 patches[1].target.name: missing required key 'name'",
            "21:21 patches[1].strategicMerge: expected a mapping such as {spec: {replicas: 3}},"
                + " found a list",
            "24:5 patches[2].file: give only one of jsonPatch, strategicMerge or file",
            "25:5 patches[3].target: missing required key 'target'",
            "26:5 patches[3].targte: unknown key 'targte'; did you mean 'target'?");
  }

  @Test
  void patchAndObjectFilesAreReadAsHostileInput() throws Exception {
    Files.writeString(dir.resolve("big.yaml"), "a: " + "x".repeat(1 << 20) + "\n");
    Files.writeString(dir.resolve("real.yaml"), "[{op: remove, path: /spec}]\n");
    Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("real.yaml"));
    Files.writeString(dir.resolve("scalar.yaml"), "just text\n");
    Files.writeString(dir.resolve("noname.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
    Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
    Files.createDirectory(dir.resolve("folder.yaml"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("x.yaml"), "[{op: remove, path: /spec}]\n");
    Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
    try (RandomAccessFile sparse =
        new RandomAccessFile(dir.resolve("sparse.yaml").toFile(), "rw")) {
      sparse.setLength(3L << 30);
    }
    assertThat(new ProcessBuilder("mkfifo", dir.resolve("fifo.yaml").toString()).start().waitFor())
        .isZero();
    List<String> p =
        problems(
            String.join(
                "\n",
                "patches:",
                "  - {target: {kind: Service, name: orders}, file: missing.yaml}",
                "  - {target: {kind: Service, name: orders}, file: link.yaml}",
                "  - {target: {kind: Service, name: orders}, file: big.yaml}",
                "  - {target: {kind: Service, name: orders}, file: /etc/passwd}",
                "  - {target: {kind: Service, name: orders}, file: ../outside.yaml}",
                "  - {target: {kind: Service, name: orders}, file: scalar.yaml}",
                "  - {target: {kind: Service, name: orders}, file: latin1.yaml}",
                "  - {target: {kind: Service, name: orders}, file: folder.yaml}",
                "  - {target: {kind: Service, name: orders}, file: linked/x.yaml}",
                "  - {target: {kind: Service, name: orders}, file: sparse.yaml}",
                "  - {target: {kind: Service, name: orders}, file: ./elsewhere/../../x.yaml}",
                "  - {target: {kind: Service, name: orders}, file: fifo.yaml}",
                "objects:",
                "  - file: noname.yaml",
                ""));
    assertThat(p).hasSize(13);
    assertThat(p.get(0)).startsWith("16:").contains("'missing.yaml' does not exist");
    assertThat(p.get(1)).contains("'link.yaml' is or passes through a symbolic link");
    assertThat(p.get(2))
        .contains(
            "'big.yaml' is larger than the limit of 1048576 bytes; a patch or object file is");
    assertThat(p.get(3))
        .contains("'/etc/passwd' must be a path relative to the spec file's folder");
    assertThat(p.get(4)).contains("'../outside.yaml' must be a path relative to the spec file's");
    assertThat(p.get(5)).contains("scalar.yaml holds neither a list (a JSON patch) nor a mapping");
    assertThat(p.get(6)).contains("'latin1.yaml' is not UTF-8 text");
    assertThat(p.get(7)).contains("'folder.yaml' is a folder, not a file");
    assertThat(p.get(8)).contains("'linked/x.yaml' is or passes through a symbolic link");
    assertThat(p.get(9)).contains("'sparse.yaml' is larger than the limit of 1048576 bytes");
    assertThat(p.get(10)).contains("must be a path relative to the spec file's folder");
    assertThat(p.get(11)).contains("'fifo.yaml' is a FIFO (named pipe), not a regular file");
    assertThat(p.get(12))
        .contains(
            "noname.yaml, document 1: an extra object needs apiVersion, kind and metadata.name");
  }

  @Test
  void aPatchOnAMissingObjectNamesItsPlaceInTheSpec() throws IOException {
    SaltLab lab =
        read(
            String.join(
                "\n",
                "patches:",
                "  - target: {kind: StatefulSet, name: order}",
                "    jsonPatch: [{op: remove, path: /spec/replicas}]",
                ""));
    assertThatThrownBy(() -> lab.render("1.36"))
        .isInstanceOf(CustomizationException.class)
        .hasMessage(
            "patches[0] (line 16): no StatefulSet 'order'; the StatefulSet objects are orders (did"
                + " you mean 'orders'?)");
  }
}
