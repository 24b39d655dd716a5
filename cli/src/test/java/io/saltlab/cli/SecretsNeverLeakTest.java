package io.saltlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.cluster.ClusterNode;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.topology.TopologyDiagram;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.Problem;
import io.saltlab.core.validate.ValidationReport;
import io.saltlab.topology.AppRole;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders labs with known canary credentials and searches everything the library and the command
 * line produce for them: YAML streams and folder files, topology.md, {@code check}, {@code diff}
 * and {@code validate} output, exception messages, {@code toString} of every model and output type,
 * the cluster files, and anything printed to the process's own stdout and stderr. The clear
 * password, the clear token and the password's {@code auth} form appear nowhere; the Secrets hold
 * them only base64-encoded, and command output never shows Secret data at all.
 */
class SecretsNeverLeakTest {
  private static final String PASSWORD = "Pw-canary-3f9a1c7e-registry";
  private static final String OTHER_PASSWORD = "Pw-canary-55d0be21-rotated";
  private static final String TOKEN = "Tk-canary-8b2d4e6f-autosign-token";
  private static final Map<String, String> ENV =
      Map.of("SALTLAB_REGISTRY_PASSWORD", PASSWORD, "SALTLAB_AUTOSIGN_TOKEN", TOKEN);
  private static final List<String> TARGETS = List.of("1.5", "1.6", "1.8", "1.9", "1.36");

  @TempDir Path dir;

  /** Everything searched, by what it is. */
  private final Map<String, String> outputs = new LinkedHashMap<>();

  /** The Secrets' base64 data values, which command output must not show either. */
  private final List<String> secretData = new ArrayList<>();

  @Test
  void noCredentialAppearsInAnythingSaltlabProduces() throws Exception {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream processOut = new ByteArrayOutputStream();
    ByteArrayOutputStream processErr = new ByteArrayOutputStream();
    Path spec = writeSpec("lab.yaml", "passwordEnv: SALTLAB_REGISTRY_PASSWORD");
    // Anything the library or the command line print behind the test's back lands here too.
    System.setOut(new PrintStream(processOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(processErr, true, StandardCharsets.UTF_8));
    try {
      SaltLab lab = LabSpec.read(spec, ENV);
      library(lab);
      model(lab);
      cluster(lab);
      exceptions(spec);
      commandLine(spec);
      validation(lab);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    outputs.put("library and command line stdout", processOut.toString(StandardCharsets.UTF_8));
    outputs.put("library and command line stderr", processErr.toString(StandardCharsets.UTF_8));

    String auth =
        Base64.getEncoder().encodeToString(("lab:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    long bytes = 0;
    int checks = 0;
    for (Map.Entry<String, String> o : outputs.entrySet()) {
      for (String secret : List.of(PASSWORD, OTHER_PASSWORD, TOKEN, auth)) {
        assertThat(o.getValue()).as("%s holds a credential", o.getKey()).doesNotContain(secret);
        checks++;
      }
      bytes += o.getValue().length();
    }
    System.out.println(
        "secret leak checks: "
            + outputs.size()
            + " outputs ("
            + bytes
            + " characters) searched for "
            + "the clear password, token and auth value: "
            + checks
            + " checks, 0 hits; "
            + secretData.size()
            + " Secret data values absent from check/diff/validate output");
  }

  /**
   * Stream, folder files (in memory and on disk), topology.md, toString of the output types;
   * Secrets base64 only.
   */
  private void library(SaltLab lab) throws IOException {
    for (String target : TARGETS) {
      Manifests m = lab.render(target);
      outputs.put(target + " stream", m.toYaml());
      m.files().forEach((name, text) -> outputs.put(target + " " + name, text));
      outputs.put(target + " topology.md", TopologyDiagram.markdown(m));
      outputs.put(target + " Manifests.toString", m.toString());
      outputs.put(
          target + " ValidationReport", m.validation().map(ValidationReport::toString).orElse(""));
      for (RenderedResource r : m.resources()) {
        outputs.put(target + " " + r.id() + " toString", r.toString());
      }
      Path folder = dir.resolve("library").resolve(target);
      m.writeDirectory(folder);
      m.writeStream(dir.resolve("library").resolve(target + ".yaml"));

      // The credentials are there, base64-encoded, in the two Secrets and nowhere else.
      RenderedResource pull = m.find("Secret", "registry-pull").orElseThrow();
      JsonNode data = pull.tree().path("data");
      String config = decode(data.elements().next().asText());
      assertThat(config).contains(PASSWORD);
      RenderedResource autosign =
          m.resources().stream()
              .filter(r -> r.kind().equals("Secret") && !r.name().equals("registry-pull"))
              .findFirst()
              .orElseThrow();
      autosign
          .tree()
          .path("data")
          .elements()
          .forEachRemaining(
              v -> {
                assertThat(decode(v.asText())).contains(TOKEN);
                secretData.add(v.asText());
              });
      data.elements().forEachRemaining(v -> secretData.add(v.asText()));
    }
    readAll(dir.resolve("library"), "written by the library");
  }

  private void model(SaltLab lab) {
    outputs.put("SaltLab", lab.toString());
    outputs.put("Registry", lab.registry().toString());
    outputs.put("SaltMaster", lab.master().toString());
    outputs.put("password SecretValue", lab.registry().password().orElseThrow().toString());
    outputs.put("password source", lab.registry().password().orElseThrow().source());
    outputs.put("token SecretValue", lab.autosignToken().orElseThrow().toString());
    for (AppRole role : lab.roles()) {
      outputs.put("AppRole " + role.name(), role.toString());
      for (RolePort port : role.ports()) {
        outputs.put("RolePort " + port.name(), port.toString());
      }
    }
  }

  private void cluster(SaltLab lab) {
    LabCluster cluster = LabCluster.seedCluster(lab);
    outputs.put("LabCluster", cluster.toString());
    for (ClusterNode node : cluster.nodes()) {
      outputs.put("ClusterNode " + node.name(), node.toString());
    }
    for (String target : List.of("1.6", "1.9", "1.30")) {
      cluster
          .render(target)
          .forEach((path, text) -> outputs.put("cluster " + target + " " + path, text));
    }
    try {
      LabCluster.builder()
          .lab(lab)
          .os(cluster.os())
          .addNodes(ClusterNode.controlPlane("kube0", "999.1.1.1"))
          .build();
      throw new AssertionError("an invalid cluster was built");
    } catch (InvalidLabException e) {
      outputs.put("invalid cluster message", e.getMessage());
    }
  }

  /** Invalid labs and specs that carry the real credentials explain themselves without them. */
  private void exceptions(Path spec) throws IOException {
    Path bad =
        writeSpec("bad.yaml", "passwordEnv: SALTLAB_REGISTRY_PASSWORD\n  password: " + PASSWORD);
    try {
      LabSpec.read(bad, ENV);
      throw new AssertionError("a spec with a clear password was accepted");
    } catch (LabSpecException e) {
      outputs.put("spec exception", e.getMessage());
    }
    Path badLab = dir.resolve("bad-lab.yaml");
    Files.writeString(badLab, Files.readString(spec).replace("name: leak-lab", "name: Leak_Lab"));
    try {
      LabSpec.read(
          badLab,
          Map.of("SALTLAB_REGISTRY_PASSWORD", PASSWORD, "SALTLAB_AUTOSIGN_TOKEN", TOKEN + " x"));
      throw new AssertionError("an invalid lab was accepted");
    } catch (LabSpecException e) {
      assertThat(e.getMessage()).contains("autosignToken: '**** (");
      outputs.put("invalid lab exception", e.getMessage());
    }
    try {
      SecretValue.fromEnv("NO_SUCH_VARIABLE", ENV);
    } catch (IllegalArgumentException e) {
      outputs.put("SecretValue exception", e.getMessage());
    }
  }

  /** render, check (clean, hand-edited Secret, rotated password), diff and validate, in-process. */
  private void commandLine(Path spec) throws IOException {
    String out = dir.resolve("manifests").toString();
    run(
        "render",
        ENV,
        "render",
        "--lab",
        spec.toString(),
        "-t",
        "1.6",
        "-t",
        "1.9",
        "-t",
        "1.36",
        "-o",
        out);
    run(
        "check clean",
        ENV,
        "check",
        "--lab",
        spec.toString(),
        "-t",
        "1.6",
        "-t",
        "1.9",
        "-t",
        "1.36",
        "-o",
        out);
    Path pullSecret = dir.resolve("manifests/1.36/secret-registry-pull.yaml");
    String edited = Files.readString(pullSecret);
    String rotated =
        Base64.getEncoder()
            .encodeToString(
                decode(edited.replaceAll("(?s).*\\.dockerconfigjson: (\\S+).*", "$1"))
                    .replace(PASSWORD, OTHER_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    secretData.add(rotated);
    Files.writeString(pullSecret, edited.replaceAll("(\\.dockerconfigjson: )\\S+", "$1" + rotated));
    CliRunner.Run drift =
        run("check hand-edited Secret", ENV, "check", "--lab", spec.toString(), "-o", out);
    assertThat(drift.exit()).isEqualTo(1);
    assertThat(drift.out()).contains("<hidden");
    Map<String, String> rotatedEnv =
        Map.of("SALTLAB_REGISTRY_PASSWORD", OTHER_PASSWORD, "SALTLAB_AUTOSIGN_TOKEN", TOKEN);
    assertThat(
            run(
                    "check rotated password",
                    rotatedEnv,
                    "check",
                    "--lab",
                    spec.toString(),
                    "-t",
                    "1.6",
                    "-o",
                    out)
                .exit())
        .isEqualTo(1);
    run("diff 1.8 1.9", ENV, "diff", "--lab", spec.toString(), "--from", "1.8", "--to", "1.9");
    run("diff 1.5 1.36", ENV, "diff", "--lab", spec.toString(), "--from", "1.5", "--to", "1.36");
    run("validate", ENV, "validate", "-t", "1.36", out + "/1.36");
    // A hand-made Secret whose data is not base64: the validator names the field, not the value.
    Path handMade = dir.resolve("hand-made.yaml");
    Files.writeString(
        handMade,
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: default}\n"
            + "data: {password: "
            + PASSWORD
            + "}\nstringData: {token: 12}\n");
    run("validate hand-made Secret", ENV, "validate", "-t", "1.36", handMade.toString());
    Path badSpec =
        writeSpec("cli-bad.yaml", "passwordEnv: SALTLAB_REGISTRY_PASSWORD\n  pasword: " + PASSWORD);
    assertThat(
            run("render invalid spec", ENV, "render", "--lab", badSpec.toString(), "-o", out)
                .exit())
        .isEqualTo(2);
    readAll(dir.resolve("manifests"), "written by render");
    for (Map.Entry<String, String> o : new LinkedHashMap<>(outputs).entrySet()) {
      if (o.getKey().startsWith("cli ")) {
        for (String data : secretData) {
          assertThat(o.getValue()).as("%s shows Secret data", o.getKey()).doesNotContain(data);
        }
      }
    }
  }

  /**
   * A validation report with problems on a Secret: neither the report nor its problems show the
   * data.
   */
  private void validation(SaltLab lab) {
    List<JsonNode> trees = new ArrayList<>();
    for (RenderedResource r : lab.render("1.36").resources()) {
      JsonNode t = r.tree().deepCopy();
      if (r.kind().equals("Secret")) {
        ((ObjectNode) t).put("type", "kubernetes.io/dockercfg");
        ((ObjectNode) t.path("data")).put("extra", PASSWORD);
      }
      trees.add(t);
    }
    ValidationReport report =
        ManifestValidator.forTarget(KubernetesVersion.of("1.36")).validate(trees);
    assertThat(report.isClean()).isFalse();
    outputs.put("invalid Secret report", report.toString() + "\n" + report.format());
    for (Problem p : report.problems()) {
      outputs.put("problem " + p.path(), p.toString() + p.value().orElse(""));
    }
  }

  private CliRunner.Run run(String what, Map<String, String> env, String... args) {
    CliRunner.Run r = CliRunner.run(env, args);
    outputs.put("cli " + what + " stdout", r.out());
    outputs.put("cli " + what + " stderr", r.err());
    return r;
  }

  private void readAll(Path root, String what) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        outputs.put(what + " " + root.relativize(f), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
  }

  private Path writeSpec(String name, String passwordLines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        """
        name: leak-lab
        registry:
          server: registry.lab.local:5000
          username: lab
          %s
          email: lab@example.com
        autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN
        master:
          image: registry.lab.local:5000/salt/master:3006.9
          hostRoot: /srv/salt
          node: kube0
        minionImage: registry.lab.local:5000/salt/minion:3006.9
        roles:
          - name: zookeeper
            ports: [{name: client, port: 2181}]
            env: {ZOO_MY_ID: "1"}
          - name: web
            identity: FIXED
        """
            .formatted(passwordLines));
    return file;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
