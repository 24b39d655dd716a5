package io.saltlab.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry points: trees, YAML text, files and directories, context, exceptions. */
class ValidatorApiTest {

  private static final KubernetesVersion V136 = KubernetesVersion.of("1.36");
  private static final Path CLEAN = Path.of("src/test/resources/validate/clean/apps-v1.yaml");
  private static final YAMLMapper YAML = new YAMLMapper();

  private static List<JsonNode> trees(String yaml) throws IOException {
    return YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll();
  }

  private static final String POD_WITH_REFS =
      String.join(
          "\n",
          "apiVersion: v1",
          "kind: Pod",
          "metadata: {name: minion-1, namespace: salt}",
          "spec:",
          "  imagePullSecrets: [{name: registry-creds}]",
          "  containers:",
          "  - name: minion",
          "    image: saltstack/salt:3007",
          "    envFrom: [{configMapRef: {name: minion-env}}]",
          "");

  @Test
  void treesFromTheRendererAreNamedByPosition() throws IOException {
    ValidationReport report = ManifestValidator.forTarget(V136).validate(trees(POD_WITH_REFS));

    assertThat(report.problems())
        .extracting(p -> p.source() + " " + p.check() + " " + p.path())
        .containsExactly(
            "document 1 missing-namespace metadata.namespace",
            "document 1 missing-configmap spec.containers[0].envFrom[0].configMapRef.name",
            "document 1 missing-secret spec.imagePullSecrets[0].name");
  }

  @Test
  void declaredObjectsSatisfyReferences() throws IOException {
    ValidationContext context =
        ValidationContext.builder()
            .existingNamespace("salt")
            .existingSecret("salt", "registry-creds")
            .existingConfigMap("salt", "minion-env")
            .build();

    assertThat(ManifestValidator.forTarget(V136).validate(context, trees(POD_WITH_REFS)).problems())
        .isEmpty();
    assertThat(
            ManifestValidator.forTarget(V136)
                .withContext(context)
                .validateYaml(POD_WITH_REFS)
                .isClean())
        .isTrue();
  }

  @Test
  void requireCleanThrowsWithEveryProblemInTheMessage() {
    ValidationReport report =
        ManifestValidator.forTarget(V136)
            .validatePaths(Path.of("src/test/resources/validate/seed-lab23.yaml"));

    assertThatThrownBy(report::requireClean)
        .isInstanceOf(ManifestValidationException.class)
        .satisfies(
            e -> {
              ManifestValidationException mve = (ManifestValidationException) e;
              assertThat(mve.report()).isSameAs(report);
              for (Problem p : report.problems()) {
                assertThat(mve.getMessage()).contains(p.toString());
              }
            });
    ValidationReport clean = ManifestValidator.forTarget(V136).validatePaths(CLEAN);
    assertThat(clean.requireClean()).isSameAs(clean);
  }

  @Test
  void secretPayloadIsRedactedInEveryProblem() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Secret",
            "metadata: {name: salt-keys, namespace: default}",
            "data:",
            "  master.pem: 12345",
            "  minion.pem: not base64 hunter2",
            "stringdata:",
            "  password: hunter2",
            "");
    ValidationReport report = ManifestValidator.forTarget(V136).validateYaml("keys.yaml", yaml);

    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.path())
        .containsExactly(
            "wrong-type data[\"master.pem\"]",
            "not-base64 data[\"minion.pem\"]",
            "unknown-field stringdata");
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.value()).contains(Problem.REDACTED));
    assertThat(report.format()).doesNotContain("hunter2").doesNotContain("12345");
  }

  @Test
  void yamlSyntaxErrorNamesFileAndLineWithoutQuotingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: \"hunter2\n");

    ValidationReport report = ManifestValidator.forTarget(V136).validatePaths(file);

    assertThat(report.problems()).hasSize(1);
    Problem p = report.problems().get(0);
    assertThat(p.check()).isEqualTo("yaml-syntax");
    assertThat(p.source()).matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+");
    assertThat(p.toString()).doesNotContain("hunter2");
  }

  @Test
  void directoriesAreReadRecursivelyInSortedOrderSkippingKustomization(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("b/sub"));
    Files.writeString(dir.resolve("kustomization.yaml"), "resources: [a.yaml]\n");
    Files.writeString(dir.resolve("notes.txt"), "not yaml: [\n");
    Files.writeString(dir.resolve("b/sub/z.yml"), cm("z-config"));
    Files.writeString(dir.resolve("a.yaml"), cm("a-config") + "---\n" + cm("a2-config"));
    Files.writeString(dir.resolve("b/c.yaml"), "---\n" + cm("c-config"));

    ValidationReport report =
        ManifestValidator.forTarget(V136)
            .withContext(ValidationContext.builder().existingNamespace("lab").build())
            .validatePaths(dir, dir.resolve("missing.yaml"));

    assertThat(report.documentCount()).isEqualTo(4);
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.source())
        .containsExactly("unreadable " + dir.resolve("missing.yaml"));
    assertThat(report.problems().get(0).message()).isEqualTo("cannot read: no such file");
    // Problems follow file order: a duplicate in b/sub/z.yml is reported after one in a.yaml.
    Files.writeString(dir.resolve("b/sub/z.yml"), cm("a-config"));
    Files.writeString(dir.resolve("a.yaml"), cm("a-config") + "---\n" + cm("a-config"));
    List<String> sources =
        ManifestValidator.forTarget(V136)
            .withContext(ValidationContext.builder().existingNamespace("lab").build())
            .validatePaths(dir)
            .problems()
            .stream()
            .map(Problem::source)
            .collect(Collectors.toList());
    assertThat(sources)
        .containsExactly(
            dir.resolve("a.yaml") + "#2 (line 8)", dir.resolve("b/sub/z.yml") + "#1 (line 1)");
  }

  private static String cm(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  namespace: lab\ndata: {a: b}\n";
  }

  @Test
  void customResourcesDefinedInTheInputAreNotUnknownKinds() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: apiextensions.k8s.io/v1",
            "kind: CustomResourceDefinition",
            "metadata: {name: minions.salt.example.com}",
            "spec:",
            "  group: salt.example.com",
            "  scope: Namespaced",
            "  names: {kind: Minion, plural: minions, singular: minion}",
            "  versions:",
            "  - name: v1",
            "    served: true",
            "    storage: true",
            "    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields:"
                + " true}}",
            "---",
            "apiVersion: salt.example.com/v1",
            "kind: Minion",
            "metadata: {name: minion-1, namespace: default}",
            "spec: {grains: {role: web}}",
            "");

    ValidationReport report = ManifestValidator.forTarget(V136).validateYaml(yaml);

    assertThat(report.problems()).as(report.format()).isEmpty();
  }

  @Test
  void nullFieldsCountAsAbsentAndListsAreExpanded() {
    String yaml =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: List",
            "items:",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: one, namespace: default, creationTimestamp: null}",
            "  data: {a: b}",
            "- apiVersion: v1",
            "  kind: ConfigMap",
            "  metadata: {name: one, namespace: default}",
            "");

    ValidationReport report = ManifestValidator.forTarget(V136).validateYaml("list.yaml", yaml);

    assertThat(report.documentCount()).isEqualTo(2);
    assertThat(report.problems())
        .extracting(p -> p.check() + " " + p.source())
        .containsExactly("duplicate-object list.yaml#1 (line 1) items[1]");
  }

  @Test
  void reportsAreDeterministicAndValidatorsAreThreadSafe() throws Exception {
    Path seed = Path.of("src/test/resources/validate/seed-lab23.yaml");
    List<String> expected =
        ManifestValidator.forTarget(KubernetesVersion.of("1.33"))
            .validatePaths(seed)
            .problems()
            .stream()
            .map(Problem::toString)
            .collect(Collectors.toList());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(
            pool.submit(
                () ->
                    ManifestValidator.forTarget(KubernetesVersion.of("1.33"))
                        .validatePaths(seed)
                        .problems()
                        .stream()
                        .map(Problem::toString)
                        .collect(Collectors.toList())));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void nonObjectsAndMissingIdentityAreProblemsNotExceptions() throws IOException {
    List<JsonNode> docs = new ArrayList<>(trees("just a string\n"));
    docs.add(null);
    docs.addAll(trees("metadata: {name: x}\n"));

    ValidationReport report = ManifestValidator.forTarget(V136).validate(docs);

    assertThat(report.problems())
        .extracting(p -> p.source() + " " + p.check() + " " + p.path())
        .containsExactly(
            "document 1 not-an-object ",
            "document 3 missing-field apiVersion",
            "document 3 missing-field kind");
  }
}
