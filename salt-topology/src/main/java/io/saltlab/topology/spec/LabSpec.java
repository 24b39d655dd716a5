package io.saltlab.topology.spec;

import io.saltlab.core.internal.EditDistance;
import io.saltlab.topology.AppRole;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import io.saltlab.topology.MinionIdentity;
import io.saltlab.topology.Registry;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a lab spec file: YAML mirroring {@link SaltLab#builder()}, for labs kept as data rather
 * than code. See {@code examples/seed-lab.yaml} for every key.
 *
 * <pre>{@code
 * name: salt-lab                      # required; also the namespace unless 'namespace' is set
 * registry:
 *   server: registry.lab.local:5000
 *   username: lab
 *   passwordEnv: SALTLAB_REGISTRY_PASSWORD   # or passwordFile: secrets/registry-password
 *   email: lab@example.com            # optional
 *   secretName: registry-pull         # optional
 *   # existingSecret: registry-pull   # instead of username/password: a pull Secret already in the cluster
 * autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN  # or autosignTokenFile: secrets/autosign-token
 * master:
 *   image: registry.lab.local:5000/salt/master:3006.9
 *   hostRoot: /home/vagrant/salt      # optional: name, command, args, publishPort, returnPort, mountRoot
 *   node: kube0                       # the node holding the host paths
 * minionImage: registry.lab.local:5000/salt/minion:3006.9
 * roles:
 *   - name: zookeeper                 # optional: image, replicas, identity, command, args, ports, env, labels
 *     ports: [{name: client, port: 2181}]
 *     env: {ZOO_MY_ID: "1"}
 * }</pre>
 *
 * <p>Parsing is strict: unknown keys (with a "did you mean" hint), duplicate keys, wrong types (a
 * number where text is expected must be quoted), anchors and aliases are errors; size and nesting
 * are bounded. Every problem is reported at once with its line and column, and the lab's own checks
 * ({@link InvalidLabException}) are mapped back to the lines of the file. Passwords are never
 * written in the spec: only the environment variable or file that holds them.
 */
public final class LabSpec {

  private static final Pattern PATH_STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

  private final String source;
  private final Path baseDirectory;
  private final Map<String, String> environment;

  /**
   * Most problems listed: a file with more is broken as a whole (100,000 unknown keys), and listing
   * them all would cost seconds and bury the first one.
   */
  static final int MAX_PROBLEMS = 100;

  private final List<SpecProblem> problems = new ArrayList<>();
  private int omitted;
  private SpecNode root;

  private LabSpec(String source, Path baseDirectory, Map<String, String> environment) {
    this.source = source;
    this.baseDirectory = baseDirectory;
    this.environment = environment;
  }

  /**
   * Reads a spec file, taking its password from this process's environment.
   *
   * @param file the spec file
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab read(Path file) {
    return read(file, System.getenv());
  }

  /**
   * Reads a spec file with a given environment (tests and tools pass their own).
   *
   * @param file the spec file; {@code passwordFile} is resolved against its folder
   * @param environment the variables {@code passwordEnv} may name
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab read(Path file, Map<String, String> environment) {
    String source = file.toString();
    String text;
    try {
      long size = Files.size(file);
      if (size > 4L * SpecParser.MAX_CHARS) {
        throw new LabSpecException(
            source,
            List.of(
                new SpecProblem(
                    source,
                    0,
                    0,
                    "",
                    "the file is "
                        + size
                        + " bytes; a lab spec is a few kilobytes (limit "
                        + SpecParser.MAX_CHARS
                        + " characters)")));
      }
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new LabSpecException(
          source, List.of(new SpecProblem(source, 0, 0, "", "the file is not UTF-8 text")));
    } catch (IOException e) {
      throw new LabSpecException(
          source,
          List.of(
              new SpecProblem(
                  source,
                  0,
                  0,
                  "",
                  "cannot read the file ("
                      + e.getClass().getSimpleName()
                      + (e.getMessage() == null ? "" : ": " + e.getMessage())
                      + ")")));
    }
    Path parent = file.toAbsolutePath().getParent();
    return parse(text, source, parent, environment);
  }

  /**
   * Parses spec text.
   *
   * @param text the YAML
   * @param source a name for messages, such as the file name
   * @param baseDirectory the folder {@code passwordFile} is relative to
   * @param environment the variables {@code passwordEnv} may name
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab parse(
      String text, String source, Path baseDirectory, Map<String, String> environment) {
    LabSpec spec = new LabSpec(source, baseDirectory, Map.copyOf(environment));
    return spec.bind(text);
  }

  private SaltLab bind(String text) {
    root = SpecParser.parse(source, text, problems);
    if (root == null) {
      throw failure();
    }
    SpecNode.Mapping lab = mapping(root, "");
    if (lab == null) {
      throw failure();
    }
    allowed(
        lab,
        "",
        Set.of(
            "name",
            "namespace",
            "registry",
            "master",
            "minionImage",
            "roles",
            "autosignTokenEnv",
            "autosignTokenFile",
            "clusterDomain",
            "minionConfigDir"));
    SaltLab.Builder builder = SaltLab.builder();
    requiredText(lab, "", "name", builder::name);
    optionalText(lab, "", "namespace", builder::namespace);
    requiredText(lab, "", "minionImage", builder::minionImage);
    optionalText(lab, "", "clusterDomain", builder::clusterDomain);
    optionalText(lab, "", "minionConfigDir", builder::minionConfigDir);
    SecretValue token =
        secret(
            lab,
            "",
            "autosignTokenEnv",
            "autosignTokenFile",
            "the lab's autosign token, for example SALTLAB_AUTOSIGN_TOKEN");
    if (token != null) {
      builder.autosignToken(token);
    }
    SpecNode.Mapping registry = requiredMapping(lab, "", "registry");
    if (registry != null) {
      Registry r = registry(registry);
      if (r != null) {
        builder.registry(r);
      }
    }
    SpecNode.Mapping master = requiredMapping(lab, "", "master");
    if (master != null) {
      SaltMaster m = master(master);
      if (m != null) {
        builder.master(m);
      }
    }
    SpecNode.Entry roles = lab.entries.get("roles");
    if (roles != null) {
      SpecNode.Sequence list = sequence(roles.value, "roles");
      if (list != null) {
        for (int i = 0; i < list.items.size(); i++) {
          AppRole role = role(list.items.get(i), "roles[" + i + "]");
          if (role != null) {
            builder.addRoles(role);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw failure();
    }
    try {
      return builder.build();
    } catch (InvalidLabException e) {
      for (LabProblem p : e.problems()) {
        SpecNode at = locate(p.field());
        String message = p.toString().substring(p.field().length() + 2);
        problem(at == null ? 0 : at.line, at == null ? 0 : at.column, p.field(), message);
      }
      throw failure();
    }
  }

  private Registry registry(SpecNode.Mapping m) {
    String at = "registry";
    allowed(
        m,
        at,
        Set.of(
            "server",
            "username",
            "passwordEnv",
            "passwordFile",
            "email",
            "secretName",
            "existingSecret"));
    Registry.Builder b = Registry.builder();
    requiredText(m, at, "server", b::server);
    SpecNode.Entry existing = m.entries.get("existingSecret");
    if (existing != null) {
      // A pull Secret already in the cluster: no credentials in the spec or its environment.
      for (String key : List.of("passwordEnv", "passwordFile", "email", "secretName")) {
        SpecNode.Entry e = m.entries.get(key);
        if (e != null) {
          problem(
              e.line,
              e.column,
              join(at, key),
              "not with existingSecret: the existing Secret "
                  + (key.equals("secretName")
                      ? "is named by existingSecret itself"
                      : "holds the credentials")
                  + "; remove '"
                  + key
                  + "'");
        }
      }
      optionalText(m, at, "username", b::username);
      optionalText(m, at, "existingSecret", name -> b.secretName(name).existingSecret(true));
      return problemsIn(at) ? null : b.build();
    }
    requiredText(m, at, "username", b::username);
    optionalText(m, at, "email", b::email);
    optionalText(m, at, "secretName", b::secretName);
    SecretValue password =
        secret(
            m,
            at,
            "passwordEnv",
            "passwordFile",
            "the password, for example SALTLAB_REGISTRY_PASSWORD;"
                + " or use 'existingSecret: NAME' for a pull Secret already in the cluster");
    if (password == null) {
      return null;
    }
    b.password(password);
    return problemsIn(at) ? null : b.build();
  }

  /**
   * A secret named by exactly one of two keys: an environment variable or a file (relative to the
   * spec). Secrets themselves never stand in a spec file.
   */
  private SecretValue secret(
      SpecNode.Mapping m, String at, String envKey, String fileKey, String what) {
    SpecNode.Entry env = m.entries.get(envKey);
    SpecNode.Entry file = m.entries.get(fileKey);
    if (env != null && file != null) {
      problem(
          file.line,
          file.column,
          join(at, fileKey),
          "give either " + envKey + " or " + fileKey + ", not both");
      return null;
    }
    if (env == null && file == null) {
      problem(
          m.line,
          m.column,
          at.isEmpty() ? envKey : at,
          "missing '"
              + envKey
              + "' (an environment variable holding "
              + what
              + ") or '"
              + fileKey
              + "' (a file holding only that secret)");
      return null;
    }
    SpecNode.Entry chosen = env != null ? env : file;
    String field = join(at, chosen.key);
    String value = text(chosen.value, field);
    if (value == null) {
      return null;
    }
    try {
      return env != null
          ? SecretValue.fromEnv(value, environment)
          : SecretValue.fromFile(baseDirectory.resolve(value));
    } catch (IllegalArgumentException e) {
      problem(chosen.value.line, chosen.value.column, field, e.getMessage());
      return null;
    }
  }

  private SaltMaster master(SpecNode.Mapping m) {
    String at = "master";
    allowed(
        m,
        at,
        Set.of(
            "name",
            "image",
            "command",
            "args",
            "publishPort",
            "returnPort",
            "hostRoot",
            "mountRoot",
            "node"));
    SaltMaster.Builder b = SaltMaster.builder();
    optionalText(m, at, "name", b::name);
    requiredText(m, at, "image", b::image);
    requiredText(m, at, "node", b::node);
    optionalTexts(m, at, "command", b::command);
    optionalTexts(m, at, "args", b::args);
    optionalInt(m, at, "publishPort", b::publishPort);
    optionalInt(m, at, "returnPort", b::returnPort);
    requiredText(m, at, "hostRoot", b::hostRoot);
    optionalText(m, at, "mountRoot", b::mountRoot);
    return problemsIn(at) ? null : b.build();
  }

  private AppRole role(SpecNode node, String at) {
    SpecNode.Mapping m = mapping(node, at);
    if (m == null) {
      return null;
    }
    allowed(
        m,
        at,
        Set.of(
            "name", "image", "replicas", "command", "args", "ports", "env", "labels", "identity"));
    AppRole.Builder b = AppRole.builder();
    requiredText(m, at, "name", b::name);
    optionalText(
        m,
        at,
        "identity",
        v -> {
          try {
            b.identity(MinionIdentity.valueOf(v));
          } catch (IllegalArgumentException e) {
            SpecNode.Entry entry = m.entries.get("identity");
            problem(
                entry.value.line,
                entry.value.column,
                join(at, "identity"),
                "'"
                    + v
                    + "' is not an identity; expected STATEFUL (a StatefulSet, ids"
                    + " <role>-<ordinal>) or FIXED (one pod, id <role>)");
          }
        });
    optionalText(m, at, "image", b::image);
    optionalInt(m, at, "replicas", b::replicas);
    optionalTexts(m, at, "command", b::command);
    optionalTexts(m, at, "args", b::addAllArgs);
    SpecNode.Entry ports = m.entries.get("ports");
    if (ports != null) {
      SpecNode.Sequence list = sequence(ports.value, at + ".ports");
      if (list != null) {
        for (int i = 0; i < list.items.size(); i++) {
          String pat = at + ".ports[" + i + "]";
          SpecNode.Mapping port = mapping(list.items.get(i), pat);
          if (port == null) {
            continue;
          }
          allowed(port, pat, Set.of("name", "port"));
          String[] name = new String[1];
          int[] number = {-1};
          requiredText(port, pat, "name", v -> name[0] = v);
          requiredInt(port, pat, "port", v -> number[0] = v);
          if (name[0] != null && number[0] >= 0) {
            b.addPorts(RolePort.of(name[0], number[0]));
          }
        }
      }
    }
    optionalTextMap(m, at, "env", b::putAllEnv);
    optionalTextMap(m, at, "labels", b::putAllLabels);
    return problemsIn(at) ? null : b.build();
  }

  // --- typed access with problems instead of exceptions ---

  private void allowed(SpecNode.Mapping m, String at, Set<String> keys) {
    for (SpecNode.Entry e : m.entries.values()) {
      if (problems.size() >= MAX_PROBLEMS && !keys.contains(e.key)) {
        omitted++;
      } else if (!keys.contains(e.key)) {
        String hint = closest(e.key, keys);
        problem(
            e.line,
            e.column,
            join(at, e.key),
            "unknown key '"
                + e.key
                + "'"
                + (hint != null
                    ? "; did you mean '" + hint + "'?"
                    : "; expected one of " + new java.util.TreeSet<>(keys)));
      }
    }
  }

  private void requiredText(SpecNode.Mapping m, String at, String key, Consumer<String> setter) {
    SpecNode.Entry e = m.entries.get(key);
    if (e == null) {
      problem(m.line, m.column, join(at, key), "missing required key '" + key + "'");
      return;
    }
    String v = text(e.value, join(at, key));
    if (v != null) {
      setter.accept(v);
    }
  }

  private void optionalText(SpecNode.Mapping m, String at, String key, Consumer<String> setter) {
    SpecNode.Entry e = m.entries.get(key);
    if (e != null) {
      String v = text(e.value, join(at, key));
      if (v != null) {
        setter.accept(v);
      }
    }
  }

  private void requiredInt(
      SpecNode.Mapping m, String at, String key, java.util.function.IntConsumer setter) {
    if (!m.entries.containsKey(key)) {
      problem(m.line, m.column, join(at, key), "missing required key '" + key + "'");
      return;
    }
    optionalInt(m, at, key, setter);
  }

  private void optionalInt(
      SpecNode.Mapping m, String at, String key, java.util.function.IntConsumer setter) {
    SpecNode.Entry e = m.entries.get(key);
    if (e == null) {
      return;
    }
    String field = join(at, key);
    if (!(e.value instanceof SpecNode.Scalar)
        || ((SpecNode.Scalar) e.value).type != SpecNode.Scalar.Type.INTEGER) {
      problem(
          e.value.line,
          e.value.column,
          field,
          "expected a whole number, found " + e.value.describe());
      return;
    }
    try {
      setter.accept(Integer.parseInt(((SpecNode.Scalar) e.value).text));
    } catch (NumberFormatException ex) {
      problem(
          e.value.line,
          e.value.column,
          field,
          "number " + ((SpecNode.Scalar) e.value).text + " is out of range");
    }
  }

  private void optionalTexts(
      SpecNode.Mapping m, String at, String key, Consumer<List<String>> setter) {
    SpecNode.Entry e = m.entries.get(key);
    if (e == null) {
      return;
    }
    String field = join(at, key);
    SpecNode.Sequence list = sequence(e.value, field);
    if (list == null) {
      return;
    }
    List<String> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < list.items.size(); i++) {
      String v = text(list.items.get(i), field + "[" + i + "]");
      ok &= v != null;
      values.add(v);
    }
    if (ok) {
      setter.accept(values);
    }
  }

  private void optionalTextMap(
      SpecNode.Mapping m, String at, String key, Consumer<Map<String, String>> setter) {
    SpecNode.Entry e = m.entries.get(key);
    if (e == null) {
      return;
    }
    SpecNode.Mapping map = mapping(e.value, join(at, key));
    if (map == null) {
      return;
    }
    Map<String, String> values = new TreeMap<>();
    for (SpecNode.Entry item : map.entries.values()) {
      String v = text(item.value, join(at, key) + "." + item.key);
      if (v != null) {
        values.put(item.key, v);
      }
    }
    setter.accept(values);
  }

  private SpecNode.Mapping requiredMapping(SpecNode.Mapping m, String at, String key) {
    SpecNode.Entry e = m.entries.get(key);
    if (e == null) {
      problem(m.line, m.column, join(at, key), "missing required key '" + key + "'");
      return null;
    }
    return mapping(e.value, join(at, key));
  }

  private SpecNode.Mapping mapping(SpecNode node, String field) {
    if (node instanceof SpecNode.Mapping) {
      return (SpecNode.Mapping) node;
    }
    problem(
        node.line,
        node.column,
        field,
        "expected a mapping (key: value lines), found " + node.describe());
    return null;
  }

  private SpecNode.Sequence sequence(SpecNode node, String field) {
    if (node instanceof SpecNode.Sequence) {
      return (SpecNode.Sequence) node;
    }
    problem(
        node.line,
        node.column,
        field,
        "expected a list ('- item' lines or [a, b]), found " + node.describe());
    return null;
  }

  private String text(SpecNode node, String field) {
    if (node instanceof SpecNode.Scalar) {
      SpecNode.Scalar s = (SpecNode.Scalar) node;
      if (s.type == SpecNode.Scalar.Type.STRING) {
        return s.text;
      }
      if (s.type != SpecNode.Scalar.Type.NULL) {
        // YAML reads 1, 1.0 and yes as numbers and booleans; Kubernetes wants text here.
        problem(
            s.line,
            s.column,
            field,
            "expected text, found " + s.describe() + "; quote it: \"" + s.text + "\"");
        return null;
      }
    }
    problem(node.line, node.column, field, "expected text, found " + node.describe());
    return null;
  }

  private boolean problemsIn(String at) {
    for (SpecProblem p : problems) {
      if (p.field().equals(at)
          || p.field().startsWith(at + ".")
          || p.field().startsWith(at + "[")) {
        return true;
      }
    }
    return false;
  }

  private void problem(int line, int column, String field, String message) {
    if (problems.size() >= MAX_PROBLEMS) {
      omitted++;
      return;
    }
    problems.add(new SpecProblem(source, line, column, field, message));
  }

  /**
   * The exception for the problems found; a count stands in for those beyond {@link #MAX_PROBLEMS}.
   */
  private LabSpecException failure() {
    List<SpecProblem> listed = new ArrayList<>(problems);
    if (omitted > 0) {
      listed.add(
          new SpecProblem(
              source,
              0,
              0,
              "",
              "and " + omitted + " more problems not listed; fix the ones above first"));
    }
    return new LabSpecException(source, listed);
  }

  private static String join(String at, String key) {
    return at.isEmpty() ? key : at + "." + key;
  }

  /**
   * The node a lab problem's field path points to ({@code roles[2].ports[0].port}), or the deepest
   * node on the way when the path goes beyond the file (a defaulted value).
   */
  private SpecNode locate(String field) {
    SpecNode node = root;
    Matcher m = PATH_STEP.matcher(field);
    int pos = 0;
    while (node != null && pos < field.length()) {
      if (field.charAt(pos) == '.') {
        pos++;
        continue;
      }
      if (!m.find(pos) || m.start() != pos) {
        break;
      }
      SpecNode next = null;
      if (m.group(2) != null && node instanceof SpecNode.Sequence) {
        int index = Integer.parseInt(m.group(2));
        List<SpecNode> items = ((SpecNode.Sequence) node).items;
        next = index < items.size() ? items.get(index) : null;
      } else if (m.group(1) != null && node instanceof SpecNode.Mapping) {
        // Keys may hold dots (label keys such as example.com/tier): try the rest of the path first.
        SpecNode.Mapping map = (SpecNode.Mapping) node;
        SpecNode.Entry whole = map.entries.get(field.substring(pos));
        if (whole != null) {
          return whole.value;
        }
        SpecNode.Entry e = map.entries.get(m.group(1));
        next = e == null ? null : e.value;
      }
      if (next == null) {
        break;
      }
      node = next;
      pos = m.end();
    }
    return node;
  }

  /** The allowed key nearest to a misspelt one, when near enough to be a likely typo. */
  static String closest(String key, Set<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new java.util.TreeSet<>(allowed)) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }

  /** Levenshtein distance, shared with every other "did you mean" hint. */
  static int distance(String a, String b) {
    return EditDistance.levenshtein(a, b);
  }
}
