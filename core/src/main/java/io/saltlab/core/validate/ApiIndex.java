package io.saltlab.core.validate;

import io.saltlab.core.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which Kubernetes release serves which apiVersion and kind, and each kind's scope: the generated
 * {@code api-index.tsv} (from the OpenAPI documents of 1.5-1.11 and 1.28-1.36 and a curated table
 * for 1.12-1.27; see tools/schema-tools). It answers, for every target and without loading any
 * schema, whether an object's API is served and whether it lives in a namespace.
 */
final class ApiIndex {

  private static final String RESOURCE = "io/saltlab/core/api-index.tsv";

  /** One apiVersion and kind. */
  record Entry(String apiVersion, String kind, boolean namespaced, BitSet minors) {
    boolean servedBy(int minor) {
      return minors.get(minor);
    }

    int first() {
      return minors.nextSetBit(0);
    }

    int last() {
      return minors.length() - 1;
    }
  }

  private static final class Holder {
    static final ApiIndex INDEX = load();
  }

  /** apiVersion -> kind -> entry. */
  private final Map<String, Map<String, Entry>> byApiVersion;

  /** kind -> entries of every apiVersion. */
  private final Map<String, List<Entry>> byKind;

  private ApiIndex(List<Entry> entries) {
    Map<String, Map<String, Entry>> a = new HashMap<>();
    Map<String, List<Entry>> k = new HashMap<>();
    for (Entry e : entries) {
      a.computeIfAbsent(e.apiVersion(), x -> new HashMap<>()).put(e.kind(), e);
      k.computeIfAbsent(e.kind(), x -> new ArrayList<>()).add(e);
    }
    this.byApiVersion = a;
    this.byKind = k;
  }

  /** The index bundled in saltlab, read once per process. */
  static ApiIndex get() {
    return Holder.INDEX;
  }

  /** The entry of an apiVersion and kind in any release, or null. */
  Entry entry(String apiVersion, String kind) {
    Map<String, Entry> kinds = byApiVersion.get(apiVersion);
    return kinds == null ? null : kinds.get(kind);
  }

  /** Whether the target serves the apiVersion and kind. */
  boolean serves(KubernetesVersion target, String apiVersion, String kind) {
    Entry e = entry(apiVersion, kind);
    return e != null && e.servedBy(target.minor());
  }

  /** Whether the target serves any kind under the apiVersion. */
  boolean servesApiVersion(KubernetesVersion target, String apiVersion) {
    Map<String, Entry> kinds = byApiVersion.get(apiVersion);
    if (kinds != null) {
      for (Entry e : kinds.values()) {
        if (e.servedBy(target.minor())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every entry of a kind name, whatever its apiVersion and releases. */
  List<Entry> entriesOf(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The apiVersions the target serves a kind under, most preferred (GA, newest) first. */
  List<String> servingKind(KubernetesVersion target, String kind) {
    List<String> out = new ArrayList<>();
    for (Entry e : entriesOf(kind)) {
      if (e.servedBy(target.minor())) {
        out.add(e.apiVersion());
      }
    }
    out.sort(ApiIndex::preferred);
    return out;
  }

  /**
   * Whether objects of a kind live in a namespace: from the apiVersion's entry, else from any entry
   * of the kind name; null when no release knows the kind.
   */
  Boolean namespaced(String apiVersion, String kind) {
    Entry e = apiVersion == null ? null : entry(apiVersion, kind);
    if (e != null) {
      return e.namespaced();
    }
    List<Entry> any = entriesOf(kind);
    return any.isEmpty() ? null : any.get(0).namespaced();
  }

  /** Kind names the target serves that are a plausible misspelling of the given one. */
  List<String> kindNamesLike(KubernetesVersion target, String kind) {
    TreeSet<String> names = new TreeSet<>();
    String lower = kind.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<Entry>> e : byKind.entrySet()) {
      String k = e.getKey();
      boolean served = e.getValue().stream().anyMatch(x -> x.servedBy(target.minor()));
      if (served
          && (k.equalsIgnoreCase(kind) || Hints.distance(k.toLowerCase(Locale.ROOT), lower) <= 2)) {
        names.add(k);
      }
    }
    return new ArrayList<>(names);
  }

  /** Orders apiVersions as Kubernetes prefers them: GA over beta over alpha, higher first. */
  static int preferred(String a, String b) {
    int c = Integer.compare(maturity(b), maturity(a));
    return c != 0 ? c : a.compareTo(b);
  }

  private static int maturity(String apiVersion) {
    String v = apiVersion.substring(apiVersion.indexOf('/') + 1);
    if (v.length() < 2 || v.charAt(0) != 'v' || !Character.isDigit(v.charAt(1))) {
      return 0;
    }
    int i = 1;
    while (i < v.length() && Character.isDigit(v.charAt(i))) {
      i++;
    }
    int major = Integer.parseInt(v.substring(1, i));
    if (i == v.length()) {
      return 3_000_000 + major * 1000;
    }
    String rest = v.substring(i);
    int level;
    if (rest.startsWith("beta")) {
      level = 2_000_000;
      rest = rest.substring(4);
    } else if (rest.startsWith("alpha")) {
      level = 1_000_000;
      rest = rest.substring(5);
    } else {
      return 0;
    }
    int minor = 0;
    if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit) && rest.length() < 6) {
      minor = Integer.parseInt(rest);
    }
    return level + major * 1000 + minor;
  }

  private static ApiIndex load() {
    try (InputStream in = ApiIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("saltlab is built without its API index " + RESOURCE);
      }
      List<Entry> entries = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        BitSet minors = new BitSet();
        for (String range : f[3].split(",")) {
          int dash = range.indexOf('-');
          int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
          int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
          minors.set(from, to + 1);
        }
        entries.add(new Entry(f[0], f[1], f[2].equals("N"), minors));
      }
      return new ApiIndex(entries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
