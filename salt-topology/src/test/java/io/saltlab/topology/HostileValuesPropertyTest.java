package io.saltlab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile text in every free-text field of the model: YAML 1.1 booleans and nulls, numbers, octals
 * and hex, timestamps, indicators, quotes, tabs, line breaks, Unicode line separators, lone
 * surrogates, very long strings. Each lab is rendered and everything it produces is read back by a
 * YAML 1.1 and a YAML 1.2 parser ({@link YamlRoundTrip}): every value comes back identical and of
 * the same type. Text a field cannot hold is refused by the model with the field's name, and
 * nothing is rendered.
 */
class HostileValuesPropertyTest {
  private static final Map<String, AtomicInteger> CASES = new TreeMap<>();
  private static final List<String> TARGETS = List.of("1.5", "1.6", "1.8", "1.9", "1.36");

  /** Strings YAML readers like to turn into something else. */
  static final List<String> HOSTILE =
      List.of(
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Y",
          "N",
          "Yes",
          "NO",
          "On",
          "OFF",
          "true",
          "False",
          "TRUE",
          "~",
          "null",
          "Null",
          "NULL",
          "",
          " ",
          "  leading and trailing  ",
          "0o17",
          "012",
          "0012",
          "1e3",
          "1E3",
          "1e-3",
          "0x1F",
          "0b101",
          "1_000",
          "1:20",
          "190:20:30",
          "-1",
          "+1",
          ".5",
          "1.",
          ".inf",
          "-.Inf",
          ".NaN",
          "0",
          "-0",
          "2001-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "- item",
          "-",
          "--",
          "---",
          "...",
          ":",
          "key: value",
          "a: b: c",
          "# comment",
          "a #b",
          "&anchor",
          "*alias",
          "!tag",
          "!!str",
          "!!binary",
          "%YAML 1.2",
          "@at",
          "`tick",
          "|",
          "|-",
          ">",
          ">+",
          "?",
          "? key",
          "[a, b]",
          "{a: b}",
          "{",
          "]",
          ",",
          "'single'",
          "\"double\"",
          "'",
          "\"",
          "\\",
          "\\n",
          "it's",
          "\t",
          "a\tb",
          "\ttabbed",
          "line1\nline2",
          "\n",
          "\n\n",
          "trailing\n",
          "trailing\n\n",
          "\nleading",
          " \nspace first",
          "crlf\r\nend",
          "cr\rend",
          "ls\u2028end",
          "ps\u2029end",
          "nel\u0085end",
          "bom\ufeffin",
          "\ufeffbom first",
          "bell\u0007",
          "esc\u001b[31m",
          "del\u007f",
          "c1\u0090",
          "nonchar\ufffe\uffff",
          "emoji \ud83d\ude00",
          "lone \ud800 high",
          "lone \udc00 low",
          "ñandú ünïcödé",
          "日本語",
          "RTL \u202e txet",
          "zero\u200bwidth",
          "$(rm -rf /)",
          "${HOME}",
          "`id`",
          "%s%n",
          "<script>",
          "a=b,c=d",
          "--config-dir=/x: y");

  /** Values a Kubernetes label value (and node name) may take that YAML may misread. */
  static final List<String> HOSTILE_LABEL_VALUES =
      List.of(
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Y",
          "NO",
          "true",
          "False",
          "null",
          "Null",
          "NULL",
          "012",
          "0o17",
          "1e3",
          "1E3",
          "1e-3",
          "0x1F",
          "0b101",
          "1_000",
          "1.5",
          "1.0",
          "0",
          "00",
          "2001-12-14",
          "inf",
          "nan",
          "NaN",
          "x",
          "1",
          "a.b_c-d",
          "");

  /**
   * DNS-1035 labels (role and master names, which become grain values and Salt ids) YAML may
   * misread.
   */
  static final List<String> HOSTILE_DNS_LABELS =
      List.of(
          "yes", "no", "on", "off", "y", "n", "true", "false", "null", "e3", "x0", "nan", "inf",
          "o17");

  /** DNS-1123 labels (lab names, namespaces) YAML may misread. */
  static final List<String> HOSTILE_DNS_1123 =
      List.of(
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "true",
          "false",
          "null",
          "012",
          "0o17",
          "1e3",
          "0x1f",
          "123",
          "1-2",
          "2001-12-14",
          "0b101",
          "1e-3",
          "0");

  /** Image references the model accepts that YAML may misread. */
  static final List<String> HOSTILE_IMAGES =
      List.of(
          "yes",
          "no",
          "on",
          "null",
          "012",
          "1e3",
          "0x1f",
          "0x1F",
          "yy",
          "true",
          "registry:5000/a:012",
          "salt/minion:1e3",
          "salt@sha256:0123456789abcdef",
          "a/b:yes",
          "0o17");

  /**
   * Autosign tokens the model accepts (16-512 visible ASCII, no leading '#') that YAML may misread.
   */
  static final List<String> HOSTILE_TOKENS =
      List.of(
          "0x1F000000000000",
          "1e30000000000000",
          "0o17777777777777",
          "0123456701234567",
          "1234567890123456",
          "~~~~~~~~~~~~~~~~",
          "&anchor-hostile-x",
          "*alias-hostile-xx",
          "!tag-hostile-xxxx",
          "%directive-xxxxx",
          "@at-hostile-xxxxx",
          "'quoted-hostile'x",
          "\"dq-hostile\"xxxxx",
          "-leading-dash-xxx",
          ":colon-leading-xx",
          "key:value-hostile",
          "a#b-not-comment-x",
          "[flow-seq-xxxxxx]",
          "{flow:map-xxxxxx}",
          "|block-xxxxxxxxxx",
          ">folded-xxxxxxxxx",
          "?complex-key-xxxx",
          "2001-12-14t21:59:43",
          "yes-yes-yes-yes-y",
          "\\".repeat(16),
          ",,,,,,,,,,,,,,,,",
          "----------------",
          "................");

  @Property(tries = 150)
  void envArgsAndCommandComeBackIdentical(
      @ForAll("hostileText") String env,
      @ForAll("hostileText") String arg,
      @ForAll("hostileText") String command,
      @ForAll("hostileText") String masterArg,
      @ForAll("targets") String target) {
    AppRole role =
        AppRole.builder()
            .name("app")
            // A port, so that the STATEFUL role renders on 1.5 too (which refuses it without).
            .addPorts(RolePort.of("app", 8080))
            .putEnv("HOSTILE", env)
            .putEnv("OTHER", arg)
            .addArgs(arg, env)
            .command(List.of(command, "--", arg))
            .build();
    SaltMaster master = master("kube0").args(List.of(masterArg)).command(List.of(command)).build();
    SaltLab lab = lab(master).addRoles(role).build();
    Manifests m = lab.render(target);
    YamlRoundTrip.assertRoundTrips(lab, m);

    JsonNode container = container(m, "app");
    assertThat(container.path("env").findValuesAsText("value")).containsExactly(env, arg);
    assertThat(texts(container.path("args"))).containsExactly(arg, env);
    assertThat(texts(container.path("command"))).containsExactly(command, "--", arg);
    JsonNode masterContainer = container(m, "salt-master");
    assertThat(texts(masterContainer.path("args"))).containsExactly(masterArg);
    assertThat(texts(masterContainer.path("command"))).containsExactly(command);
    count("env values, args and commands (role and master)");
  }

  @Property(tries = 100)
  void labelValuesAndNodeNamesComeBackIdentical(
      @ForAll("labelValues") String value,
      @ForAll("labelValues") String other,
      @ForAll("labelValues") String node,
      @ForAll("targets") String target) {
    // The node is a label value too, but not empty: the master must be pinned somewhere.
    String nodeName = node.isEmpty() ? "kube0" : node;
    AppRole role =
        AppRole.builder()
            .name("app")
            .addPorts(RolePort.of("app", 8080))
            .putLabels("tier", value)
            .putLabels("example.com/x", other)
            .build();
    SaltLab lab = lab(master(nodeName).build()).addRoles(role).build();
    Manifests m = lab.render(target);
    YamlRoundTrip.assertRoundTrips(lab, m);
    JsonNode labels =
        workload(m, "app").path("spec").path("template").path("metadata").path("labels");
    assertThat(labels.path("tier").textValue()).isEqualTo(value);
    assertThat(labels.path("example.com/x").textValue()).isEqualTo(other);
    assertThat(
            workload(m, "salt-master")
                .path("spec")
                .path("template")
                .path("spec")
                .path("nodeSelector")
                .path(LabWorkloads.HOSTNAME_LABEL)
                .textValue())
        .isEqualTo(nodeName);
    count("label values and node names");
  }

  @Property(tries = 100)
  void namesGrainsImagesAndPathsComeBackIdentical(
      @ForAll("dns1123") String labName,
      @ForAll("dns1123") String namespace,
      @ForAll("dnsLabels") String roleName,
      @ForAll("dnsLabels") String masterName,
      @ForAll("images") String image,
      @ForAll("pathText") String path,
      @ForAll("dns1123") String domainPart,
      @ForAll("targets") String target) {
    // Reserved names and clashes are the model's own refusals, tested elsewhere; keep this one
    // valid.
    String role =
        roleName.equals(masterName) || SaltConfig.RESERVED_ROLE_NAMES.contains(roleName)
            ? roleName + "-role"
            : roleName;
    SaltMaster master =
        SaltMaster.builder()
            .name(masterName)
            .image(image)
            .hostRoot("/srv/" + path)
            .node("kube0")
            .mountRoot("/salt/" + path.replace(":", ""))
            .build();
    SaltLab lab =
        SaltLab.builder()
            .name(labName)
            .namespace(namespace)
            .clusterDomain(domainPart + ".local")
            .registry(registry())
            .autosignToken(SecretValue.of(TestLabs.TOKEN))
            .minionImage(image)
            .master(master)
            .minionConfigDir("/etc/" + path.replace(":", ""))
            .addRoles(
                AppRole.builder().name(role).image(image).identity(MinionIdentity.FIXED).build())
            .addRoles(
                AppRole.builder()
                    .name(role + "-s")
                    .replicas(2)
                    .addPorts(RolePort.of("app", 8080))
                    .build())
            .build();
    Manifests m = lab.render(target);
    YamlRoundTrip.assertRoundTrips(lab, m);
    // The role's name is its minion's grain and id: checked in the parsed minion configuration.
    Object minion =
        YamlRoundTrip.yaml11(
            m.find("ConfigMap", role + "-minion-config")
                .orElseThrow()
                .tree()
                .path("data")
                .path(SaltConfig.MINION_CONF_FILE)
                .textValue());
    assertThat(minion)
        .isEqualTo(
            YamlRoundTrip.yaml12(
                m.find("ConfigMap", role + "-minion-config")
                    .orElseThrow()
                    .tree()
                    .path("data")
                    .path(SaltConfig.MINION_CONF_FILE)
                    .textValue()));
    assertThat(((Map<?, ?>) minion).get("grains")).isEqualTo(Map.of("roles", List.of(role)));
    assertThat(((Map<?, ?>) minion).get("id")).isEqualTo(role);
    assertThat(((Map<?, ?>) minion).get("master")).isEqualTo(lab.masterAddress());
    assertThat(container(m, role).path("image").textValue()).isEqualTo(image);
    assertThat(m.find("Namespace", namespace)).isPresent();
    count("names, namespaces, grains (role names and ids), images and paths");
  }

  @Property(tries = 60)
  void autosignTokenComesBackIdenticalFromTheGrainsFile(
      @ForAll("tokens") String token, @ForAll("targets") String target) {
    SaltLab lab =
        lab(master("kube0").build(), SecretValue.of(token)).addRoles(TestLabs.zookeeper()).build();
    YamlRoundTrip.assertRoundTrips(lab, lab.render(target));
    count("autosign tokens in the grains file");
  }

  @Property(tries = 100)
  void valuesAFieldCannotHoldAreRefusedWithTheFieldNamed(@ForAll("unwritable") Unwritable bad) {
    assertThatThrownBy(bad::build)
        .isInstanceOf(InvalidLabException.class)
        .hasMessageContaining(bad.field)
        .hasMessageContaining("expected");
    count("unwritable values refused by the model");
  }

  @AfterContainer
  static void report() {
    StringBuilder out = new StringBuilder("hostile values:");
    CASES.forEach((what, n) -> out.append("\n  ").append(n.get()).append(" labs: ").append(what));
    out.append("\n  ")
        .append(YamlRoundTrip.documentsParsed)
        .append(" YAML documents parsed back (YAML 1.1 and 1.2), 0 differences");
    System.out.println(out);
  }

  private static void count(String what) {
    CASES.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  // --- generators ---

  @Provide
  Arbitrary<String> targets() {
    return Arbitraries.of(TARGETS);
  }

  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> fixed = Arbitraries.of(HOSTILE);
    Arbitrary<String> pairs = Combinators.combine(fixed, fixed).as((a, b) -> a + b);
    Arbitrary<String> mixed =
        Arbitraries.strings()
            .withChars(
                "yesno~:#&*!%@'\"\t\n\r"
                    + " -|>?[]{},\\\u2028\u2029\u0085\ufeff\u0007\u00e9\ud83d\ude00")
            .withCharRange('0', '9')
            .ofMaxLength(40);
    Arbitrary<String> any =
        Arbitraries.strings().all().ofMaxLength(30).filter(s -> s.indexOf('\0') < 0);
    Arbitrary<String> longText =
        Combinators.combine(fixed, Arbitraries.integers().between(1025, 100_000))
            .as((a, n) -> (a + "x: y #z\n").repeat(n / 8 + 1).substring(0, n));
    return Arbitraries.frequencyOf(
        Tuple.of(4, fixed),
        Tuple.of(2, pairs),
        Tuple.of(2, mixed),
        Tuple.of(1, any),
        Tuple.of(1, longText));
  }

  @Provide
  Arbitrary<String> labelValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(HOSTILE_LABEL_VALUES),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .withChars("-_.Ee")
            .ofMinLength(1)
            .ofMaxLength(63)
            .filter(
                s ->
                    Character.isLetterOrDigit(s.charAt(0))
                        && Character.isLetterOrDigit(s.charAt(s.length() - 1))));
  }

  @Provide
  Arbitrary<String> dnsLabels() {
    return Arbitraries.of(HOSTILE_DNS_LABELS);
  }

  @Provide
  Arbitrary<String> dns1123() {
    return Arbitraries.of(HOSTILE_DNS_1123);
  }

  @Provide
  Arbitrary<String> images() {
    return Arbitraries.of(HOSTILE_IMAGES);
  }

  @Provide
  Arbitrary<String> tokens() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .ofMinLength(16)
            .ofMaxLength(512)
            .filter(s -> !s.startsWith("#"));
    return Arbitraries.oneOf(Arbitraries.of(HOSTILE_TOKENS), random);
  }

  /** Path segments: any printable text without the characters host paths refuse. */
  @Provide
  Arbitrary<String> pathText() {
    return Arbitraries.of(
        "yes",
        "012",
        "1e3",
        "null",
        "x=y",
        "a: b",
        "#c",
        "&a *b",
        "!t %d @e",
        "'q' \"dq\"",
        "x-",
        "- y",
        "[a]",
        "{b}",
        "ünï",
        "日本",
        "a b",
        "trailing ",
        " lead",
        "?x",
        "|y",
        ">z",
        "a,b");
  }

  /** A lab with one value that its field cannot hold. */
  static final class Unwritable {
    final String field;
    private final java.util.function.Supplier<SaltLab> lab;

    Unwritable(String field, java.util.function.Supplier<SaltLab> lab) {
      this.field = field;
      this.lab = lab;
    }

    SaltLab build() {
      return lab.get();
    }

    @Override
    public String toString() {
      return "Unwritable[" + field + "]";
    }
  }

  @Provide
  Arbitrary<Unwritable> unwritable() {
    Arbitrary<String> withNul = Arbitraries.of(HOSTILE).map(s -> s + "\0" + s);
    Arbitrary<String> badLabel =
        Arbitraries.of(
            "line\nbreak",
            "space here",
            "tab\there",
            "-leading",
            "trailing-",
            "ünï",
            "a:b",
            "#x",
            "yes!",
            "x".repeat(64),
            "\u2028",
            "quote'",
            "a/b");
    Arbitrary<String> badPath =
        Arbitraries.of(
            "/srv/a\nb",
            "/srv/\u0001",
            "/srv/\u007f",
            "/srv/$HOME",
            "~/salt",
            "relative",
            "/srv//x",
            "/srv/../etc");
    return Arbitraries.oneOf(
        withNul.map(
            v ->
                new Unwritable(
                    "roles[0].env.X",
                    () ->
                        TestLabs.spec()
                            .build(AppRole.builder().name("app").putEnv("X", v).build()))),
        withNul.map(
            v ->
                new Unwritable(
                    "roles[0].args[0]",
                    () -> TestLabs.spec().build(AppRole.builder().name("app").addArgs(v).build()))),
        withNul.map(
            v ->
                new Unwritable(
                    "roles[0].command[0]",
                    () ->
                        TestLabs.spec()
                            .build(AppRole.builder().name("app").command(List.of(v)).build()))),
        withNul.map(
            v ->
                new Unwritable(
                    "master.args[0]", () -> lab(master("kube0").args(List.of(v)).build()).build())),
        badLabel.map(
            v ->
                new Unwritable(
                    "roles[0].labels.tier",
                    () ->
                        TestLabs.spec()
                            .build(AppRole.builder().name("app").putLabels("tier", v).build()))),
        badLabel.map(v -> new Unwritable("master.node", () -> lab(master(v).build()).build())),
        badPath.map(
            v ->
                new Unwritable(
                    "master.hostRoot",
                    () ->
                        lab(SaltMaster.builder()
                                .image("salt/master:3006.9")
                                .node("kube0")
                                .hostRoot(v)
                                .build())
                            .build())),
        Arbitraries.of("Yes", "on off", "0x1F", "012!", "-x", "a.b", "a_b", "")
            .map(
                v ->
                    new Unwritable(
                        "roles[0].name",
                        () -> TestLabs.spec().build(AppRole.builder().name(v).build()))),
        Arbitraries.of("ONE", "a b", "-x", "ünï", "a_b", "x".repeat(64), "")
            .map(
                v ->
                    new Unwritable(
                        "namespace", () -> lab(master("kube0").build()).namespace(v).build())),
        Arbitraries.of("Salt/Minion", "img with space", "img\nnext", "-img", "img:", "")
            .map(
                v ->
                    new Unwritable(
                        "minionImage",
                        () ->
                            SaltLab.builder()
                                .name("lab")
                                .registry(registry())
                                .autosignToken(SecretValue.of(TestLabs.TOKEN))
                                .master(master("kube0").build())
                                .minionImage(v)
                                .build())),
        Arbitraries.of(
                "short",
                "with space inside!",
                "#starts-with-hash",
                "tab\tinside-token-x",
                "line\nbreak-in-token",
                "ünïcödé-token-value-x")
            .map(
                v ->
                    new Unwritable(
                        "autosignToken",
                        () -> lab(master("kube0").build(), SecretValue.of(v)).build())));
  }

  // --- labs: the builders are strict, so each value is set once here ---

  private static Registry registry() {
    return Registry.builder()
        .server("registry.example.com:5000")
        .username("lab")
        .password(SecretValue.of("test-password-not-a-secret"))
        .build();
  }

  /** A master on a node; args, command and the other defaults are left for the caller to set. */
  private static SaltMaster.Builder master(String node) {
    return SaltMaster.builder()
        .image("registry.example.com:5000/salt/master:3006.9")
        .hostRoot("/srv/salt")
        .node(node);
  }

  private static SaltLab.Builder lab(SaltMaster master) {
    return lab(master, SecretValue.of(TestLabs.TOKEN));
  }

  private static SaltLab.Builder lab(SaltMaster master, SecretValue token) {
    return SaltLab.builder()
        .name("lab")
        .registry(registry())
        .master(master)
        .autosignToken(token)
        .minionImage("registry.example.com:5000/salt/minion:3006.9");
  }

  // --- navigation in the rendered trees (already proven equal to what the parsers read) ---

  private static JsonNode workload(Manifests m, String name) {
    for (RenderedResource r : m.resources()) {
      if (r.name().equals(name)
          && (r.kind().equals("Deployment") || r.kind().equals("StatefulSet"))) {
        return r.tree();
      }
    }
    throw new AssertionError("no workload " + name);
  }

  private static JsonNode container(Manifests m, String name) {
    return workload(m, name).path("spec").path("template").path("spec").path("containers").get(0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.textValue()));
    return out;
  }
}
