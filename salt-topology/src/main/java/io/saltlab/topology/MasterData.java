package io.saltlab.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.internal.InOrder;
import io.saltlab.core.internal.yaml.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The master's generated Salt files and the ConfigMaps that carry them.
 *
 * <p>A lab whose files fit in {@link #BUDGET} has one ConfigMap, {@code <master>-config}, holding
 * {@link SaltConfig#masterFiles}. A larger lab keeps there only what does not grow with its roles
 * (the master's configuration, the states top and base state, a pillar top and base pillar that
 * include every part) and spreads the per-role data (pillar top entries, the roles pillar, the
 * reactor's role lists) over a power of two of parts, {@code <master>-roles-<n>}: a role goes to
 * the part its name hashes to, so adding, removing or scaling a role changes one part only, and the
 * number of parts (which the master's pod template names) changes only when the lab doubles or
 * halves. The master mounts them all into {@code <mountRoot>/saltlab/} with one projected volume.
 */
final class MasterData {

  /**
   * The most a ConfigMap's data may take, counted as the JSON {@code kubectl apply} stores in its
   * {@code last-applied-configuration} annotation (escapes included): that annotation may not pass
   * 256 KiB (the API server's limit on an object's annotations, ValidateAnnotations), a quarter of
   * the 1 MiB limit on the data itself (ValidateConfigMap). The rest of the 256 KiB leaves room for
   * the object's metadata and for annotations other tools add.
   */
  static final int BUDGET = 200 * 1024;

  /** More parts than any lab the model accepts needs; beyond it the lab is refused. */
  static final int MAX_PARTS = 4096;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YamlWriter WRITER = new YamlWriter();

  /**
   * One ConfigMap of the master's data.
   *
   * @param configMap its name
   * @param files its files, by path relative to the master's mount root
   */
  record Part(String configMap, SortedMap<String, String> files) {}

  private final List<Part> parts;

  private MasterData(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** The ConfigMaps: the master's own first, then the parts in order (none for a small lab). */
  List<Part> parts() {
    return parts;
  }

  /** Whether the data is spread over parts beside the master's own ConfigMap. */
  boolean split() {
    return parts.size() > 1;
  }

  /** Every file the master sees under its mount root, by relative path. */
  SortedMap<String, String> files() {
    if (!split()) {
      return parts.get(0).files();
    }
    SortedMap<String, String> all = new TreeMap<>();
    parts.forEach(p -> all.putAll(p.files()));
    return Collections.unmodifiableSortedMap(all);
  }

  /** The data bytes of all the ConfigMaps together, as {@link #dataBytes(Map)} counts them. */
  long dataBytes() {
    long total = 0;
    for (Part p : parts) {
      total += dataBytes(p.files());
    }
    return total;
  }

  /**
   * The master's data for a lab, within {@link #BUDGET} per ConfigMap.
   *
   * @param lab the lab
   * @return one ConfigMap for a small lab, else the master's and its parts
   */
  static MasterData of(SaltLab lab) {
    return of(lab, BUDGET);
  }

  /**
   * The master's data for a lab, within a given budget per ConfigMap (tests use small ones).
   *
   * @param lab the lab
   * @param budget the most data bytes, as {@link #dataBytes} counts them, of one ConfigMap
   * @return one ConfigMap when everything fits in one, else the master's and its parts
   */
  static MasterData of(SaltLab lab, int budget) {
    String name = LabNames.masterConfigMap(lab.master());
    // Each role's name appears at least three times in one ConfigMap, and each minion id once: a
    // lab past that bound is split without building its single form.
    long atLeast = 0;
    for (AppRole role : lab.roles()) {
      atLeast += 3L * role.name().length();
      for (String id : role.minionIds()) {
        atLeast += id.length();
      }
    }
    if (atLeast <= budget) {
      SortedMap<String, String> files = SaltConfig.masterFiles(lab);
      if (dataBytes(files) <= budget) {
        return new MasterData(List.of(new Part(name, files)));
      }
    }
    return split(lab, budget);
  }

  private static MasterData split(SaltLab lab, int budget) {
    List<RoleData> roles = new ArrayList<>(InOrder.map(lab.roles(), RoleData::of));
    roles.sort(Comparator.comparing(r -> r.role().name()));
    long overhead = dataBytes(partFiles(lab, 0, List.of())) + 64;
    for (int count = 2; count <= MAX_PARTS; count *= 2) {
      long[] sizes = new long[count];
      for (RoleData r : roles) {
        sizes[r.part(count)] += r.bytes();
      }
      boolean fits = true;
      for (long size : sizes) {
        fits &= overhead + size <= budget;
      }
      if (!fits) {
        continue;
      }
      List<List<RoleData>> byPart = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byPart.add(new ArrayList<>());
      }
      for (RoleData r : roles) {
        byPart.get(r.part(count)).add(r);
      }
      List<Part> parts = new ArrayList<>(count + 1);
      parts.add(new Part(LabNames.masterConfigMap(lab.master()), masterFiles(lab, count)));
      for (int i = 0; i < count; i++) {
        parts.add(
            new Part(
                LabNames.masterRolesConfigMap(lab.master(), i), partFiles(lab, i, byPart.get(i))));
      }
      // The sizes above add up each role's share; this is the count that matters.
      if (parts.stream().allMatch(p -> dataBytes(p.files()) <= budget)) {
        return new MasterData(parts);
      }
    }
    throw new InvalidLabException(
        "lab '" + lab.name() + "'",
        List.of(
            new LabProblem(
                "roles",
                lab.roles().size() + " roles",
                "a lab whose Salt data fits in "
                    + MAX_PARTS
                    + " ConfigMaps of "
                    + budget
                    + " bytes each",
                "fewer roles or replicas")));
  }

  /** The master's own ConfigMap of a split lab: what does not grow with the lab's roles. */
  private static SortedMap<String, String> masterFiles(SaltLab lab, int count) {
    String header = SaltConfig.header(lab);
    SortedMap<String, String> files = new TreeMap<>();
    files.put(SaltConfig.MASTER_CONF, SaltConfig.write(lab, SaltConfig.masterConfig(lab, true)));
    files.put(SaltConfig.STATE_TOP, header + SaltTemplates.stateTop());
    files.put(SaltConfig.BASE_STATE, header + SaltTemplates.baseState(lab));
    // Salt's pillar reads one top file per environment and follows its include list (get_tops in
    // salt/pillar/__init__.py); a base pillar's includes are merged under it (render_pstate).
    ObjectNode top = NODES.objectNode();
    top.putObject("base").putArray("*").add(SaltConfig.BASE_SLS);
    ArrayNode topIncludes = top.putArray("include");
    ObjectNode pillar = SaltConfig.basePillarWithoutRoles(lab);
    ArrayNode pillarIncludes = pillar.putArray("include");
    for (int i = 0; i < count; i++) {
      topIncludes.add(sls(SaltConfig.PILLAR_TOP_PART, i));
      pillarIncludes.add(sls(SaltConfig.ROLES_PILLAR_PART, i));
    }
    files.put(SaltConfig.PILLAR_TOP, SaltConfig.write(lab, top));
    files.put(SaltConfig.BASE_PILLAR, SaltConfig.write(lab, pillar));
    return Collections.unmodifiableSortedMap(files);
  }

  /** A part's pillar file as an SLS name in the pillar roots: {@code saltlab.top-003}. */
  private static String sls(String pathPrefix, int part) {
    String inPillar = pathPrefix.substring((SaltConfig.GENERATED_DIR + "/pillar/").length());
    return inPillar.replace('/', '.') + LabNames.partNumber(part);
  }

  /** One part's files: its pillar top entries, its share of the roles pillar, its reactor. */
  private static SortedMap<String, String> partFiles(SaltLab lab, int part, List<RoleData> roles) {
    String header = SaltConfig.header(lab);
    String number = LabNames.partNumber(part);
    StringBuilder top = new StringBuilder(header);
    StringBuilder facts = new StringBuilder(header);
    if (roles.isEmpty()) {
      top.append("base: {}\n");
      facts.append("saltlab:\n  roles: {}\n");
    } else {
      top.append("base:\n");
      facts.append("saltlab:\n  roles:\n");
      for (RoleData r : roles) {
        top.append(r.topEntry());
        facts.append(r.ids());
      }
    }
    List<AppRole> appRoles = new ArrayList<>(roles.size());
    roles.forEach(r -> appRoles.add(r.role()));
    SortedMap<String, String> files = new TreeMap<>();
    files.put(SaltConfig.PILLAR_TOP_PART + number + ".sls", top.toString());
    files.put(SaltConfig.ROLES_PILLAR_PART + number + ".sls", facts.toString());
    files.put(
        SaltConfig.STALE_KEY_REACTOR_PART + number + ".sls",
        header + SaltTemplates.staleKeyReactor(appRoles));
    return Collections.unmodifiableSortedMap(files);
  }

  /**
   * A ConfigMap's data size as JSON: every key and value quoted and escaped, with its colon and
   * comma. Counts as Go's encoding/json writes (what kubectl stores): two bytes for {@code "},
   * {@code \}, line feed, carriage return and tab, six for other control characters and for {@code
   * <}, {@code >}, {@code &}, U+2028 and U+2029, UTF-8 for the rest. Never less than the raw bytes
   * the API server's 1 MiB limit counts.
   *
   * @param files files by relative path, stored under {@link SaltConfig#configMapKey}
   * @return the bytes
   */
  static long dataBytes(Map<String, String> files) {
    long total = 0;
    for (Map.Entry<String, String> f : files.entrySet()) {
      total += escaped(SaltConfig.configMapKey(f.getKey())) + escaped(f.getValue()) + 6;
    }
    return total;
  }

  /** The JSON-escaped length of a string, without its quotes. */
  static long escaped(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
        n += 2;
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
        n += 6;
      } else if (c < 0x80) {
        n += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        // A surrogate pair is four bytes of UTF-8, two per char.
        n += 2;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * What one role adds to a part: its pillar top entry and its minion ids, as text ready to append,
   * and the bytes they and its reactor list entry take.
   */
  private record RoleData(AppRole role, long hash, String topEntry, String ids, long bytes) {

    static RoleData of(AppRole role) {
      ObjectNode environment = NODES.objectNode();
      SaltConfig.pillarTopEntry(environment, role);
      String topEntry = indent(WRITER.write(environment), 2);
      ObjectNode roles = NODES.objectNode();
      ArrayNode list = roles.putArray(role.name());
      role.minionIds().forEach(list::add);
      String ids = indent(WRITER.write(roles), 4);
      long bytes = escaped(topEntry) + escaped(ids) + SaltTemplates.listEntryLength(role);
      return new RoleData(role, nameHash(role.name()), topEntry, ids, bytes);
    }

    /** The part of {@code count} (a power of two) the role belongs to. */
    int part(int count) {
      return (int) (hash & (count - 1));
    }
  }

  /** The first 8 bytes of the name's SHA-256: the same on every JVM, and well spread. */
  private static long nameHash(String name) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Every line of a YAML text moved right by {@code spaces}, to nest it under a key. */
  private static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder out = new StringBuilder(text.length() + 8 * spaces);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      out.append(pad).append(text, start, end);
      start = end;
    }
    return out.toString();
  }
}
