package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundled schema of one Kubernetes version, read from its compiled form on the classpath once
 * per process; each kind's definitions are built into {@link SchemaNode}s on first use. Instances
 * are shared and thread-safe.
 *
 * <p>The compiled form ({@code kubernetes-1.N.schema.txt}, made at build time by
 * saltlab-schema-tools from the JSON Schema beside it) is read by saltlab's own small checker: no
 * JSON Schema library is loaded and no JSON is parsed when a render starts.
 */
final class VersionSchema {

  private static final Map<KubernetesVersion, VersionSchema> CACHE = new ConcurrentHashMap<>();

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

  private final KubernetesVersion version;
  private final Map<String, Map<String, KindInfo>> kinds;
  private final Set<String> kindNames;

  /** Compiled text of each definition, decoded on first use. */
  private final Map<String, String> bodies;

  /** Definitions decoded with their whole closure so far; guarded by this. */
  private final Map<String, SchemaNode.Definition> definitions = new HashMap<>();

  /** Definitions whose every reachable definition is decoded and linked: safe to share. */
  private final Map<String, SchemaNode> linked = new ConcurrentHashMap<>();

  private VersionSchema(KubernetesVersion version, String text) {
    this.version = version;
    TreeMap<String, Map<String, KindInfo>> index = new TreeMap<>();
    Map<String, String> defs = new HashMap<>(1024);
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = text.length();
      }
      char tag = text.charAt(pos);
      if (tag == 'd') {
        int space = text.indexOf(' ', pos + 2);
        defs.put(decode(text.substring(pos + 2, space)), text.substring(space + 1, end));
      } else if (tag == 'k') {
        String[] f = text.substring(pos + 2, end).split(" ");
        index
            .computeIfAbsent(decode(f[0]), a -> new TreeMap<>())
            .put(
                decode(f[1]),
                new KindInfo(decode(f[0]), decode(f[1]), decode(f[2]), "n".equals(f[3])));
      } else if (tag != '#') {
        throw new IllegalStateException(
            "bundled schema of " + version + " is damaged: line " + text.substring(pos, end));
      }
      pos = end + 1;
    }
    index.replaceAll((a, byKind) -> Collections.unmodifiableMap(byKind));
    this.kinds = Collections.unmodifiableMap(index);
    this.bodies = defs;
    Set<String> names = new HashSet<>();
    index.values().forEach(byKind -> names.addAll(byKind.keySet()));
    this.kindNames = Collections.unmodifiableSet(names);
  }

  private static String decode(String name) {
    return name.indexOf('%') < 0 ? name : java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
  }

  /**
   * The schema of a bundled version, loaded on first use and then cached for the process.
   *
   * @throws IllegalArgumentException if no schema is bundled for the version
   */
  static VersionSchema of(KubernetesVersion version) {
    if (!BundledSchemas.isBundled(version)) {
      throw new IllegalArgumentException(BundledSchemas.notBundledNotice(version));
    }
    return CACHE.computeIfAbsent(version, VersionSchema::load);
  }

  private static VersionSchema load(KubernetesVersion version) {
    String resource = BundledSchemas.RESOURCE_DIR + "kubernetes-" + version + ".schema.txt";
    try (InputStream in = VersionSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled schema " + resource + " is missing from the jar");
      }
      return new VersionSchema(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
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

  /** Checks a document (nulls already removed) against the kind's definition. */
  List<SchemaNode.Failure> validate(KindInfo kind, JsonNode document) {
    List<SchemaNode.Failure> failures = new ArrayList<>();
    definition(kind.definition).check(document, SchemaNode.Path.ROOT, failures);
    return failures;
  }

  /** A definition with everything it refers to decoded and linked. */
  private SchemaNode definition(String name) {
    SchemaNode done = linked.get(name);
    return done != null ? done : link(name);
  }

  /**
   * Decodes and links a definition and everything it refers to. Failure-atomic: definitions are
   * shared only once their whole closure is linked, so an error here (an out-of-memory in a
   * long-lived JVM such as Maven's) leaves nothing half-built for the next validation.
   */
  private synchronized SchemaNode link(String name) {
    SchemaNode done = linked.get(name);
    if (done != null) {
      return done;
    }
    Map<String, SchemaNode.Definition> work = new HashMap<>(definitions);
    List<SchemaNode.Definition> wanted = new ArrayList<>();
    SchemaNode.Definition root = work.computeIfAbsent(name, SchemaNode.Definition::new);
    Deque<SchemaNode.Definition> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      SchemaNode.Definition d = todo.pop();
      if (d.node != null) {
        continue;
      }
      String text = bodies.get(d.name);
      if (text == null) {
        throw new IllegalStateException(
            "bundled schema of " + version + " is damaged: no definition " + d.name);
      }
      wanted.clear();
      d.node = new SchemaNode.Reader(text, work, wanted).readWhole();
      todo.addAll(wanted);
    }
    definitions.putAll(work);
    linked.put(name, root.node);
    return root.node;
  }
}
