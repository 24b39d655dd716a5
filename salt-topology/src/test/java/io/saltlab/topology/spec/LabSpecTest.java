package io.saltlab.topology.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.saltlab.topology.SaltLab;
import io.saltlab.topology.spec.internal.SpecParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec reader is strict, reports every problem with a position and never leaks a secret. */
class LabSpecTest {
  private static final Map<String, String> ENV =
      Map.of("PW", "s3cret-value", "TOKEN", "t0ken-value-not-a-secret");

  private static final String MINIMAL =
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
          "");

  private static SaltLab parse(String yaml) {
    return LabSpec.parse(yaml, "lab.yaml", Path.of("."), ENV);
  }

  private static List<SpecProblem> problems(String yaml) {
    LabSpecException e = catchThrowableOfType(LabSpecException.class, () -> parse(yaml));
    assertThat(e).as("expected a LabSpecException").isNotNull();
    assertThat(e.getMessage())
        .doesNotContain("s3cret-value")
        .doesNotContain("t0ken-value-not-a-secret");
    return e.problems();
  }

  @Test
  void readsAMinimalSpecWithDefaults() {
    SaltLab lab = parse(MINIMAL);
    assertThat(lab.name()).isEqualTo("lab");
    assertThat(lab.namespace()).isEqualTo("lab");
    assertThat(lab.registry().password().orElseThrow().reveal()).isEqualTo("s3cret-value");
    assertThat(lab.registry().secretName()).isEqualTo("registry-pull");
    assertThat(lab.master().name()).isEqualTo("salt-master");
    assertThat(lab.roles()).isEmpty();
  }

  @Test
  void readsRolesWithPortsEnvAndLabels() {
    SaltLab lab =
        parse(
            MINIMAL
                + String.join(
                    "\n",
                    "roles:",
                    "  - name: zk",
                    "    replicas: 3",
                    "    args: [--verbose]",
                    "    ports: [{name: client, port: 2181}]",
                    "    env: {ZOO_MY_ID: \"1\"}",
                    "    labels: {example.com/tier: data}",
                    ""));
    assertThat(lab.roles()).hasSize(1);
    assertThat(lab.roles().get(0).replicas()).isEqualTo(3);
    assertThat(lab.roles().get(0).args()).containsExactly("--verbose");
    assertThat(lab.roles().get(0).ports().get(0).port()).isEqualTo(2181);
    assertThat(lab.roles().get(0).env()).containsEntry("ZOO_MY_ID", "1");
    assertThat(lab.roles().get(0).labels()).containsEntry("example.com/tier", "data");
  }

  @Test
  void unknownKeysAreErrorsWithADidYouMeanHint() {
    List<SpecProblem> p = problems(MINIMAL.replace("minionImage:", "minonImage:"));
    assertThat(p)
        .extracting(SpecProblem::toString)
        .anySatisfy(
            s ->
                assertThat(s)
                    .isEqualTo(
                        "lab.yaml:11:1: minonImage: unknown key 'minonImage'; did you mean"
                            + " 'minionImage'?"))
        .anySatisfy(s -> assertThat(s).contains("minionImage: missing required key 'minionImage'"));
  }

  @Test
  void unknownKeysFarFromAnyKnownOneListTheKnownOnes() {
    List<SpecProblem> p =
        problems(MINIMAL.replace("  hostRoot: /srv/salt", "  hostRoot: /srv/salt\n  colour: blue"));
    assertThat(p)
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .startsWith("unknown key 'colour'; expected one of [args, command");
  }

  @Test
  void duplicateKeysAreErrors() {
    List<SpecProblem> p = problems(MINIMAL + "name: other\n");
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("name");
              assertThat(x.line()).isEqualTo(12);
              assertThat(x.message()).contains("duplicate key 'name' (first at line 1)");
            });
  }

  @Test
  void numbersWhereTextIsExpectedMustBeQuoted() {
    List<SpecProblem> p = problems(MINIMAL + "roles:\n  - name: zk\n    env: {ZOO_MY_ID: 1}\n");
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("roles[0].env.ZOO_MY_ID");
              assertThat(x.line()).isEqualTo(14);
              assertThat(x.message())
                  .isEqualTo("expected text, found the number 1; quote it: \"1\"");
            });
  }

  @Test
  void textWhereANumberIsExpectedIsAnError() {
    List<SpecProblem> p =
        problems(MINIMAL.replace("  hostRoot", "  publishPort: \"4505\"\n  hostRoot"));
    assertThat(p)
        .singleElement()
        .extracting(SpecProblem::message)
        .isEqualTo("expected a whole number, found text");
  }

  @Test
  void malformedYamlGivesLineAndColumn() {
    List<SpecProblem> p = problems("name: lab\nregistry: [unclosed\n");
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isGreaterThan(0);
              assertThat(x.column()).isGreaterThan(0);
              assertThat(x.message()).startsWith("malformed YAML: ");
            });
  }

  @Test
  void aliasesAreRefused() {
    String bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n";
    assertThat(problems(bomb))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("anchors and aliases");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "name: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThat(problems(deep))
        .isNotEmpty()
        .first()
        .extracting(SpecProblem::message)
        .asString()
        .containsAnyOf("nest", "depth");
  }

  @Test
  void oversizedInputIsRefused() {
    String huge = "name: \"" + "x".repeat(SpecParser.MAX_CHARS + 10) + "\"\n";
    assertThat(problems(huge))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("larger than");
  }

  @Test
  void aSecondDocumentIsAnError() {
    assertThat(problems(MINIMAL + "---\nname: again\n"))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("second YAML document");
  }

  @Test
  void emptyFileIsAnError() {
    assertThat(problems(""))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("empty");
  }

  @Test
  void labChecksAreMappedToTheSpecLines() {
    List<SpecProblem> p = problems(MINIMAL.replace("hostRoot: /srv/salt", "hostRoot: $HOME/salt"));
    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("master.hostRoot");
              assertThat(x.line()).isEqualTo(8);
              assertThat(x.column()).isEqualTo(13);
              assertThat(x.message()).contains("absolute path");
            });
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        MINIMAL.replace("username: deployer", "usrname: deployer").replace("hostRoot", "hostroot");
    assertThat(problems(yaml))
        .extracting(SpecProblem::field)
        .contains("registry.usrname", "registry.username", "master.hostroot", "master.hostRoot");
  }

  @Test
  void passwordMustComeFromExactlyOneSource() {
    assertThat(problems(MINIMAL.replace("  passwordEnv: PW\n", "")))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("missing 'passwordEnv'");
    assertThat(
            problems(
                MINIMAL.replace(
                    "  passwordEnv: PW\n", "  passwordEnv: PW\n  passwordFile: pw.txt\n")))
        .singleElement()
        .extracting(SpecProblem::message)
        .asString()
        .contains("not both");
  }

  @Test
  void passwordFileIsRelativeToTheSpec(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("pw.txt"), "from-file\n", StandardCharsets.UTF_8);
    Path spec = dir.resolve("lab.yaml");
    Files.writeString(
        spec, MINIMAL.replace("passwordEnv: PW", "passwordFile: pw.txt"), StandardCharsets.UTF_8);
    assertThat(
            LabSpec.read(spec, Map.of("TOKEN", "t0ken-value-not-a-secret"))
                .registry()
                .password()
                .orElseThrow()
                .reveal())
        .isEqualTo("from-file");
  }

  @Test
  void nonUtf8FilesAreRefused(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("lab.yaml");
    Files.write(spec, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
    LabSpecException e =
        catchThrowableOfType(LabSpecException.class, () -> LabSpec.read(spec, ENV));
    assertThat(e.problems())
        .singleElement()
        .extracting(SpecProblem::message)
        .isEqualTo("the file is not UTF-8 text");
  }

  @Test
  void settingsProblemsPointAtTheValueThatCausedThem() {
    String yaml =
        MINIMAL
            + String.join(
                "\n",
                "roles:",
                "  - name: app",
                "    ports: [{name: http, port: 8080}]",
                "    resources:",
                "      requests: {memory: 1.5GB}",
                "    readinessProbe:",
                "      http: {path: /health, port: htp}",
                "    env:",
                "      DB: {secret: Orders_DB, key: password}",
                "");
    assertThat(problems(yaml))
        .extracting(p -> p.line() + ":" + p.column() + " " + p.field())
        .containsExactly(
            "16:26 roles[0].resources.requests.memory",
            "18:35 roles[0].readinessProbe.http.port",
            "20:20 roles[0].env.DB.secret");
  }

  @Test
  void settingsShapesAreStrict() {
    String yaml =
        MINIMAL
            + String.join(
                "\n",
                "roles:",
                "  - name: app",
                "    readinessProbe: {tcp: {port: 1}, exec: {command: [x]}}",
                "    volumes:",
                "      - {name: data, mountPath: /data}",
                "    exposure: {type: Nodeport}",
                "    env:",
                "      DB: {secret: db}",
                "");
    assertThat(problems(yaml))
        .extracting(SpecProblem::toString)
        .containsExactly(
            "lab.yaml:14:38: roles[0].readinessProbe.exec: give only one of tcp, http or exec",
            "lab.yaml:16:9: roles[0].volumes[0]: missing what the volume is: perMember,"
                + " existingClaim, emptyDir, files, existingSecret or existingConfigMap",
            "lab.yaml:17:22: roles[0].exposure.type: 'Nodeport' is not a type; expected Headless"
                + " (DNS names for the pods, no virtual IP), ClusterIP (a virtual IP inside the"
                + " cluster), NodePort (a port on every node), LoadBalancer (a cloud load"
                + " balancer) or None (no Service, for FIXED roles only)",
            "lab.yaml:19:11: roles[0].env.DB.key: missing required key 'key'");
  }
}
