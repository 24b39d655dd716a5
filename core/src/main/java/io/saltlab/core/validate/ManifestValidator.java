package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.InOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Kubernetes manifests for one target version: strictly against the schema bundled for
 * that version (unknown fields, missing required fields, wrong types, apiVersion/kind not served,
 * naming the replacement), and across objects (selectors, references, names, duplicates,
 * namespaces, host paths), which no schema can see.
 *
 * <p>Instances are immutable and thread-safe. The schema of a version is loaded and compiled once
 * per process, on first use. Typical use by the renderer:
 *
 * <pre>{@code
 * ManifestValidator.forTarget(KubernetesVersion.of("1.36"))
 *     .validate(documents)   // List<JsonNode>, one per object
 *     .requireClean();       // throws ManifestValidationException listing every problem
 * }</pre>
 *
 * <p>For files the library did not write, use {@link #validatePaths(Path...)} or {@link
 * #validateYaml(String, String)}. Objects the cluster already holds (an image pull Secret created
 * by hand, a namespace) are declared with {@link #withContext(ValidationContext)}.
 */
public final class ManifestValidator {

  /** Versions whose schema a background thread has been asked to load. */
  private static final Map<KubernetesVersion, Boolean> PRELOADING = new ConcurrentHashMap<>();

  private final KubernetesVersion target;
  private final ValidationContext context;

  private ManifestValidator(KubernetesVersion target, ValidationContext context) {
    this.target = Objects.requireNonNull(target, "target");
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * A validator for one target version, with an empty {@link ValidationContext}.
   *
   * @param target the Kubernetes version the manifests are meant for
   * @return the validator
   */
  public static ManifestValidator forTarget(KubernetesVersion target) {
    return new ManifestValidator(target, ValidationContext.empty());
  }

  /**
   * Starts loading the schema bundled for a version on a background thread, so that a validation
   * later in this process finds it ready instead of loading it then. Loading reads and compiles the
   * schema once per process either way; calling this again, or for a version without a bundled
   * schema, does nothing. Renderers that validate call it when they are created, so the schema
   * loads while the objects are being built.
   *
   * @param target the Kubernetes version about to be validated
   */
  public static void preload(KubernetesVersion target) {
    if (PRELOADING.putIfAbsent(target, Boolean.TRUE) != null) {
      return;
    }
    Thread loader =
        new Thread(
            () -> {
              try {
                // Reading the index of bundled versions is part of the work this thread takes off
                // the caller.
                if (BundledSchemas.isBundled(target)) {
                  VersionSchema.of(target);
                }
              } catch (RuntimeException | LinkageError e) {
                // The validation that needs the schema loads it again and reports the failure
                // there. A LinkageError means the class loader went away under this thread (a
                // tool such as Maven closes a plugin's loader when the goal failed early): nobody
                // waits for the schema then, and a stack trace would only alarm the user.
                PRELOADING.remove(target);
              }
            },
            "saltlab-schema-" + target);
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * The same validator, with declarations of what already exists in the cluster.
   *
   * @param context existing namespaces, Secrets and ConfigMaps
   * @return a new validator
   */
  public ManifestValidator withContext(ValidationContext context) {
    return new ManifestValidator(target, context);
  }

  /**
   * The target version.
   *
   * @return the version this validator checks for
   */
  public KubernetesVersion target() {
    return target;
  }

  /**
   * The target versions for which a schema is bundled, so that documents are schema-checked
   * (1.5-1.11 and 1.28-1.36); the other targets get every check but the schema's.
   *
   * @return the versions, oldest first, unmodifiable
   */
  public static List<KubernetesVersion> schemaVersions() {
    return BundledSchemas.versions();
  }

  /**
   * Whether documents are checked against a bundled schema for the target (false for 1.12-1.27).
   *
   * @return true if a schema is bundled for the target
   */
  public boolean isSchemaChecked() {
    return BundledSchemas.isBundled(target);
  }

  /**
   * Validates documents given as trees, as the renderer produces them. Problems name each document
   * as {@code document N} (1-based, in list order).
   *
   * @param documents one tree per Kubernetes object
   * @return the report
   */
  public ValidationReport validate(List<? extends JsonNode> documents) {
    return validate(context, documents);
  }

  /**
   * Validates documents given as trees, with a context other than this validator's.
   *
   * @param context existing namespaces, Secrets and ConfigMaps
   * @param documents one tree per Kubernetes object
   * @return the report
   */
  public ValidationReport validate(ValidationContext context, List<? extends JsonNode> documents) {
    ManifestReader reader = new ManifestReader();
    for (int i = 0; i < documents.size(); i++) {
      reader.addDocument("document " + (i + 1), documents.get(i));
    }
    return run(context, reader);
  }

  /**
   * Validates a YAML text of one or more documents separated by {@code ---}.
   *
   * @param yaml the text
   * @return the report; problems name the source as {@code <yaml>}
   */
  public ValidationReport validateYaml(String yaml) {
    return validateYaml("<yaml>", yaml);
  }

  /**
   * Validates a YAML text of one or more documents, naming it in problems.
   *
   * @param sourceName how problems refer to the text, for example a file name
   * @param yaml the text
   * @return the report
   */
  public ValidationReport validateYaml(String sourceName, String yaml) {
    ManifestReader reader = new ManifestReader();
    reader.readYaml(sourceName, yaml);
    return run(context, reader);
  }

  /**
   * Validates YAML files and directories together (references may cross files). Directories are
   * searched recursively, in sorted order, for {@code .yaml} and {@code .yml} files; {@code
   * kustomization.yaml} is skipped. Unreadable files and YAML syntax errors become problems that
   * name the file and line.
   *
   * @param paths files or directories
   * @return the report
   */
  public ValidationReport validatePaths(Path... paths) {
    ManifestReader reader = new ManifestReader();
    reader.readPaths(Arrays.asList(paths));
    return run(context, reader);
  }

  private ValidationReport run(ValidationContext context, ManifestReader reader) {
    List<Problem> problems = new ArrayList<>(reader.problems);
    List<Manifest> manifests = reader.manifests;
    VersionSchema schema = isSchemaChecked() ? VersionSchema.of(target) : null;
    Map<String, Boolean> customKinds = customResourceScopes(manifests);
    for (Manifest m : manifests) {
      m.namespaced = namespaced(customKinds, m);
    }
    // The rule tables and the API index are built here, on the caller's thread, before the
    // parallel pass (a class initialization failing on a worker would poison the class).
    ApiIndex.get();
    ValueRules.load();
    // Documents are checked independently (on every core for large inputs); their problems are
    // reported in document order.
    CleanShapes cleanShapes = schema == null ? null : new CleanShapes();
    List<List<Problem>> perDocument =
        InOrder.map(
            manifests, m -> documentProblems(target, context, schema, cleanShapes, customKinds, m));
    perDocument.forEach(problems::addAll);
    CrossChecks.run(manifests, context, problems);
    problems = Locator.place(problems, manifests);
    return new ValidationReport(
        target,
        problems,
        schema == null ? BundledSchemas.notBundledNotice(target) : null,
        manifests.size());
  }

  /**
   * The checks of one document on its own: apiVersion served, schema, value rules. Custom resources
   * of the input's definitions are not checked.
   */
  static List<Problem> documentProblems(
      KubernetesVersion target,
      ValidationContext context,
      VersionSchema schema,
      CleanShapes cleanShapes,
      Map<String, Boolean> customKinds,
      Manifest m) {
    if (customKinds.containsKey(customKey(m.apiVersion, m.kind))) {
      return List.of();
    }
    List<Problem> found = new ArrayList<>(0);
    Problem notServed = VersionCheck.check(target, m);
    if (notServed != null) {
      found.add(notServed);
    }
    if (schema != null) {
      m.schemaChecked = m.apiVersion != null && m.kind != null && schema.servesKind(m.kind);
      found.addAll(SchemaCheck.check(schema, m, cleanShapes));
    }
    ValueRules.check(target, context, m, found);
    return found;
  }

  /**
   * A validation fed one document at a time, in two passes, for inputs too large to hold as trees
   * at once (see {@link TwoPassValidation}); it finds exactly what {@link #validate(List)} finds.
   *
   * @return a new validation for this validator's target and context
   */
  public TwoPassValidation twoPass() {
    return new TwoPassValidation(
        target, context, isSchemaChecked() ? VersionSchema.of(target) : null);
  }

  /** Scopes of kinds defined by CustomResourceDefinitions in the input, by "group/Kind". */
  static Map<String, Boolean> customResourceScopes(List<Manifest> manifests) {
    Map<String, Boolean> scopes = new HashMap<>();
    for (Manifest m : manifests) {
      if (m.isKind("CustomResourceDefinition")) {
        JsonNode spec = m.doc.path("spec");
        String kind = spec.path("names").path("kind").asText("");
        String group = spec.path("group").asText("");
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
        List<String> versions = new ArrayList<>();
        if (spec.path("version").isTextual()) {
          versions.add(spec.path("version").asText());
        }
        spec.path("versions").forEach(v -> versions.add(v.path("name").asText()));
        for (String v : versions) {
          scopes.put(customKey(group + "/" + v, kind), namespaced);
        }
      }
    }
    return scopes;
  }

  private static String customKey(String apiVersion, String kind) {
    return apiVersion + "|" + kind;
  }

  /**
   * Whether an object lives in a namespace: for custom resources from their definition, otherwise
   * from the API index (the apiVersion's entry, else any entry of the kind name), and for kinds no
   * release knows from whether the document names a namespace. No schema is loaded for this.
   */
  static boolean namespaced(Map<String, Boolean> custom, Manifest m) {
    if (m.kind == null) {
      return m.declaredNamespace != null;
    }
    Boolean crd = custom.get(customKey(m.apiVersion, m.kind));
    if (crd != null) {
      return crd;
    }
    Boolean indexed = ApiIndex.get().namespaced(m.apiVersion, m.kind);
    return indexed != null ? indexed : m.declaredNamespace != null;
  }
}
