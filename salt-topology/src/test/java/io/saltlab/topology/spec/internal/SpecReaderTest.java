package io.saltlab.topology.spec.internal;

import static io.saltlab.topology.spec.internal.SpecKey.optional;
import static io.saltlab.topology.spec.internal.SpecKey.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.saltlab.topology.spec.LabSpecException;
import io.saltlab.topology.spec.SpecProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The definition-driven reader on a small made-up section, as a module that owns a section of the
 * spec file would declare it: every rule kind, every scalar kind, problems at their lines.
 */
class SpecReaderTest {
  private static final SpecSection PROBE =
      SpecSection.builder("a probe")
          .key(optional("port", SpecType.textOrWhole(), "port by name or number"))
          .key(optional("path", SpecType.text(), "HTTP path"))
          .key(optional("command", SpecType.listOf(SpecType.text()), "exec command"))
          .key(optional("enabled", SpecType.flag(), "on or off").byDefault(true))
          .rule(SpecRule.exactlyOne("missing 'port' or 'command'", "port", "command"))
          .build();

  private static final SpecSection TOP =
      SpecSection.builder("a test top level")
          .key(required("name", SpecType.text(), "the name"))
          .key(
              optional(
                  "scheme",
                  SpecType.choice(
                      new SpecType.Choice("HTTP", "plain"), new SpecType.Choice("HTTPS", "TLS")),
                  "scheme"))
          .key(optional("size", SpecType.textOrNumber(), "a quantity"))
          .key(optional("probe", PROBE, "a probe"))
          .key(optional("existing", SpecType.text(), "an existing thing"))
          .key(optional("user", SpecType.text(), "a user"))
          .key(optional("env", SpecType.mapOf(new SpecType.Either(SpecType.text(), PROBE)), "env"))
          .rule(new SpecRule.RequiredUnless("user", "existing"))
          .rule(new SpecRule.Excludes("existing", Map.of("size", "it has its own size")))
          .build();

  private static SpecDocument doc(String yaml) {
    return SpecDocument.parse(yaml, "t.yaml", TOP);
  }

  private static List<String> problems(String yaml) {
    SpecDocument d = doc(yaml);
    try {
      d.check();
    } catch (LabSpecException e) {
      return e.problems().stream().map(SpecProblem::toString).toList();
    }
    return List.of();
  }

  @Test
  void readsEveryKindOfValue() {
    SpecDocument d =
        doc(
            "name: x\nuser: u\nscheme: HTTPS\nsize: 1.5\nprobe: {port: 8080, enabled: false}\n"
                + "env: {A: a, B: {port: http}}\n");
    d.check();
    SpecValue root = d.root().orElseThrow();
    assertThat(root.text("scheme")).contains("HTTPS");
    assertThat(root.text("size")).contains("1.5");
    SpecValue probe = root.get("probe").orElseThrow();
    assertThat(probe.text("port")).contains("8080");
    assertThat(probe.flag("enabled")).contains(false);
    Map<String, SpecValue> env = root.get("env").orElseThrow().entries();
    assertThat(env.get("A").isSection()).isFalse();
    assertThat(env.get("A").asText()).isEqualTo("a");
    assertThat(env.get("B").isSection()).isTrue();
    assertThat(env.get("B").text("port")).contains("http");
    assertThat(env.get("B").line()).isEqualTo(6);
  }

  @Test
  void everyRuleIsReportedAtTheOffendingKey() {
    assertThat(
            problems(
                "name: x\nexisting: e\nsize: 2\nprobe:\n  port: 1\n  command: [a]\n"
                    + "scheme: http\n"))
        .containsExactly(
            "t.yaml:3:1: size: not with existing: it has its own size; remove 'size'",
            "t.yaml:6:3: probe.command: give either port or command, not both",
            "t.yaml:7:9: scheme: 'http' is not a scheme; expected HTTP (plain) or HTTPS (TLS)");
    assertThat(problems("name: x\nprobe: {path: /}\n"))
        .containsExactly(
            "t.yaml:1:1: user: missing required key 'user'",
            "t.yaml:2:8: probe: missing 'port' or 'command'");
  }

  @Test
  void typesAreStrict() {
    assertThat(problems("name: x\nuser: u\nsize: [1]\nprobe: {port: 1.5, enabled: maybe}\n"))
        .containsExactly(
            "t.yaml:3:7: size: expected text or a number, found a list",
            "t.yaml:4:15: probe.port: expected text or a whole number, found the number 1.5",
            "t.yaml:4:29: probe.enabled: expected true or false, found text");
  }

  @Test
  void modelFieldsAreLocatedThroughTheKeyThatSetsThem() {
    SpecSection top =
        SpecSection.builder("t")
            .key(optional("tokenEnv", SpecType.text(), "token").setting("token"))
            .key(optional("labels", SpecType.mapOf(SpecType.text()), "labels"))
            .build();
    SpecValue root =
        SpecDocument.parse("labels:\n  example.com/tier: x\ntokenEnv: T\n", "t.yaml", top)
            .root()
            .orElseThrow();
    assertThat(root.locate("token").line()).isEqualTo(3);
    assertThat(root.locate("labels.example.com/tier").line()).isEqualTo(2);
    assertThat(root.locate("nowhere.deeper").line()).isEqualTo(1);
  }

  @Test
  void bindingCodeCannotReadAnUndeclaredKey() {
    SpecValue root = doc("name: x\nuser: u\n").root().orElseThrow();
    assertThatThrownBy(() -> root.text("nmae"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declares no key 'nmae'");
  }

  @Test
  void definitionsRefuseRulesOnUndeclaredKeysAndKeysDeclaredTwice() {
    assertThatThrownBy(
            () ->
                SpecSection.builder("t")
                    .key(optional("a", SpecType.text(), "a"))
                    .rule(new SpecRule.RequiredUnless("a", "b"))
                    .build())
        .hasMessageContaining("undeclared key b");
    assertThatThrownBy(
            () ->
                SpecSection.builder("t")
                    .key(optional("a", SpecType.text(), "a"))
                    .key(optional("a", SpecType.text(), "a")))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> optional("a", SpecType.text(), " "))
        .hasMessageContaining("needs a description");
  }

  @Test
  void didYouMeanOnlySuggestsCloseKeys() {
    assertThat(SpecReader.closest("imgae", Set.of("image", "name"))).isEqualTo("image");
    assertThat(SpecReader.closest("zzzzzz", Set.of("image", "name"))).isNull();
  }

  @Test
  void problemsAreBounded() {
    StringBuilder yaml = new StringBuilder("name: x\nuser: u\n");
    for (int i = 0; i < 300; i++) {
      yaml.append("k").append(i).append(": v\n");
    }
    List<String> p = problems(yaml.toString());
    assertThat(p).hasSize(SpecProblems.MAX_PROBLEMS + 1);
    assertThat(p.get(p.size() - 1)).contains("and 200 more problems not listed");
  }
}
