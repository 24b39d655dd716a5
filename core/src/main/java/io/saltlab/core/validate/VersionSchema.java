package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.QuietLogging;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The bundled schema of one Kubernetes version, loaded from the classpath once per process and
 * compiled per kind on first use. Instances are shared and thread-safe.
 */
final class VersionSchema {

  private static final Map<KubernetesVersion, VersionSchema> CACHE = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Key of the kind index inside a bundled schema document (written by SchemaConverter). */
  static final String KINDS_KEY = "x-saltlab-kinds";

  private static final Pattern API_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  /** A kind the version serves. */
  static final class KindInfo {
    final String apiVersion;
    final String kind;
    final String definition;
    final boolean namespaced;

    KindInfo(String apiVersion, String kind, String definition, boolean namespaced) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.definition = definition;
      this.namespaced = namespaced;
    }
  }

  /**
   * Before the registry: its classes log through SLF4J, which must not print to a user's stderr.
   */
  private static final boolean QUIET_LOGGING = quietLogging();

  /**
   * One registry for all versions: creating it loads most of the validator library's classes, which
   * is the bulk of the cold-start cost. It is thread-safe, and nothing it is given is ever fetched:
   * remote loading is off, and every version's document is handed over already parsed.
   */
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_7,
          b ->
              b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .pathType(PathType.JSON_POINTER)
                          .locale(Locale.ENGLISH)
                          .formatAssertionsEnabled(false)
                          .build())
                  .schemaLoader(l -> l.fetchRemoteResources(false)));

  private final KubernetesVersion version;
  private final JsonNode root;
  private final Schema rootSchema;
  private final Map<String, Map<String, KindInfo>> kinds;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final Set<String> kindNames;

  private VersionSchema(KubernetesVersion version, JsonNode root) {
    this.version = version;
    this.root = root;
    // A made-up IRI that only names the document inside the registry.
    this.rootSchema =
        REGISTRY.getSchema(
            SchemaLocation.of("https://schemas.saltlab.invalid/kubernetes-" + version + ".json"),
            root);
    TreeMap<String, Map<String, KindInfo>> index = new TreeMap<>();
    for (Map.Entry<String, JsonNode> a : root.path(KINDS_KEY).properties()) {
      TreeMap<String, KindInfo> byKind = new TreeMap<>();
      a.getValue()
          .properties()
          .forEach(
              k ->
                  byKind.put(
                      k.getKey(),
                      new KindInfo(
                          a.getKey(),
                          k.getKey(),
                          k.getValue().path("definition").asText(),
                          k.getValue().path("namespaced").asBoolean())));
      index.put(a.getKey(), Collections.unmodifiableMap(byKind));
    }
    this.kinds = Collections.unmodifiableMap(index);
    Set<String> names = new HashSet<>();
    index.values().forEach(byKind -> names.addAll(byKind.keySet()));
    this.kindNames = Collections.unmodifiableSet(names);
  }

  /**
   * The schema of a bundled version, loaded on first use and then cached for the process.
   *
   * @throws IllegalArgumentException if no schema is bundled for the version
   */
  private static boolean quietLogging() {
    QuietLogging.ensure();
    return true;
  }

  static VersionSchema of(KubernetesVersion version) {
    if (!BundledSchemas.isBundled(version)) {
      throw new IllegalArgumentException(BundledSchemas.notBundledNotice(version));
    }
    return CACHE.computeIfAbsent(version, VersionSchema::load);
  }

  private static VersionSchema load(KubernetesVersion version) {
    String resource = BundledSchemas.RESOURCE_DIR + "kubernetes-" + version + ".schema.json.gz";
    try (InputStream raw = VersionSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("bundled schema " + resource + " is missing from the jar");
      }
      try (InputStream in = new GZIPInputStream(raw)) {
        return new VersionSchema(version, JSON.readTree(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled schema " + resource, e);
    }
  }

  KubernetesVersion version() {
    return version;
  }

  /** The kind served under an apiVersion, or null. */
  KindInfo kind(String apiVersion, String kind) {
    Map<String, KindInfo> byKind = kinds.get(apiVersion);
    return byKind == null ? null : byKind.get(kind);
  }

  /** Whether any kind is served under the apiVersion. */
  boolean servesApiVersion(String apiVersion) {
    return kinds.containsKey(apiVersion);
  }

  /** Whether any apiVersion serves a kind of this name. */
  boolean servesKind(String kind) {
    return kindNames.contains(kind);
  }

  /** Every apiVersion serving a kind of this name, most preferred (stable, newest) first. */
  List<KindInfo> servingKind(String kind) {
    List<KindInfo> found = new ArrayList<>();
    for (Map<String, KindInfo> byKind : kinds.values()) {
      KindInfo k = byKind.get(kind);
      if (k != null) {
        found.add(k);
      }
    }
    found.sort(
        (a, b) -> {
          int c = Integer.compare(maturity(b.apiVersion), maturity(a.apiVersion));
          return c != 0 ? c : a.apiVersion.compareTo(b.apiVersion);
        });
    return found;
  }

  /** Orders versions as Kubernetes prefers them: GA over beta over alpha, higher numbers first. */
  private static int maturity(String apiVersion) {
    String v = apiVersion.substring(apiVersion.indexOf('/') + 1);
    Matcher m = API_VERSION.matcher(v);
    if (!m.matches()) {
      return 0;
    }
    int major = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return 3_000_000 + major * 1000;
    }
    int minor = Integer.parseInt(m.group(3));
    return ("beta".equals(m.group(2)) ? 2_000_000 : 1_000_000) + major * 1000 + minor;
  }

  /** Validates a document (nulls already removed) against the kind's definition. */
  List<Error> validate(KindInfo kind, JsonNode document) {
    Schema schema =
        compiled.computeIfAbsent(
            kind.definition,
            def -> {
              Schema sub =
                  rootSchema.getSubSchema(
                      new NodePath(PathType.JSON_POINTER).append("definitions").append(def));
              // The validator builds its keyword validators lazily, without locking; built here,
              // once and
              // before any other thread can see the schema, so documents can be checked
              // concurrently.
              sub.initializeValidators();
              return sub;
            });
    return schema.validate(document);
  }

  /** The raw (converted) schema node at a JSON pointer into this version's document. */
  JsonNode node(String pointer) {
    return root.at(pointer);
  }
}
