package io.saltlab.core.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Masking under generated input: {@link #CASES} YAML texts from a fixed seed, each holding Secrets
 * written in a random mix of the forms YAML allows (quoted, escaped, tagged, flow, JSON, anchors
 * and aliases, merge keys, {@code List} items, odd indentation and case, CRLF, comments), beside
 * ConfigMaps. Each generated Secret is first confirmed to be one by a YAML parser (so the generator
 * cannot cheat), then the masked text must hold no part of any Secret value while every ConfigMap
 * value stays visible.
 */
class SecretMaskFuzzTest {
  static final int CASES = 2_000;
  private static final long SEED = 20261201L;

  private static int secretsTried;
  private static int opaque;

  @AfterAll
  static void report() {
    System.out.println(
        "secret mask fuzz: "
            + CASES
            + " generated YAML texts (seed "
            + SEED
            + "), "
            + secretsTried
            + " Secrets confirmed by a parser, "
            + opaque
            + " opaque, 0 values leaked");
  }

  @Test
  void noGeneratedSecretEverShowsItsData() {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      Case c = generate(random, i);
      confirmWithParser(c);
      SecretMask.Pair p = SecretMask.maskPair(c.text, "committed", c.text, "rendered");
      if (p.opaque()) {
        opaque++;
        assertThat(p.oldText() + p.newText()).isEmpty();
        continue;
      }
      for (String secret : c.secretValues) {
        for (int k = 0; k + 10 <= secret.length(); k += 5) {
          assertThat(p.oldText())
              .as("case %d leaks %s:%n%s", i, secret, c.text)
              .doesNotContain(secret.substring(k, k + 10));
        }
      }
      for (String visible : c.visibleValues) {
        assertThat(p.oldText()).as("case %d over-masks:%n%s", i, c.text).contains(visible);
      }
    }
    assertThat(secretsTried).isGreaterThanOrEqualTo(CASES);
  }

  /** One generated text and what it holds. */
  private record Case(String text, List<String> secretValues, List<String> visibleValues) {}

  private static Case generate(Random r, int n) {
    StringBuilder text = new StringBuilder();
    List<String> secrets = new ArrayList<>();
    List<String> visible = new ArrayList<>();
    int documents = 1 + r.nextInt(3);
    for (int d = 0; d < documents; d++) {
      if (d > 0 || r.nextBoolean()) {
        text.append(r.nextInt(4) == 0 ? "--- # next\n" : "---\n");
      }
      if (r.nextInt(3) == 0) {
        String v = token(r, "visible" + n + "x" + d);
        visible.add(v);
        text.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(d);
        text.append("}\ndata:\n  key: ").append(v).append('\n');
      } else {
        text.append(secret(r, n * 10 + d, secrets));
      }
    }
    String t = text.toString();
    if (r.nextInt(8) == 0) {
      t = t.replace("\n", "\r\n");
    }
    return new Case(t, secrets, visible);
  }

  /** A Secret document in a random form; its data values are added to {@code values}. */
  private static String secret(Random r, int id, List<String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    int keys = 1 + r.nextInt(3);
    for (int k = 0; k < keys; k++) {
      String v = token(r, "S" + id + "k" + k);
      data.put("key" + k, v);
      values.add(v);
    }
    String kind =
        pick(
            r,
            "Secret",
            "\"Secret\"",
            "'Secret'",
            "!!str Secret",
            "\"\\x53ecret\"",
            "\"\\u0053ecret\"",
            "!!binary U2VjcmV0",
            "Secret # the kind");
    String dataKey = pick(r, "data", "\"data\"", "'data'", "stringData", "Data", "\"stringData\"");
    int form = r.nextInt(7);
    String indent = r.nextInt(5) == 0 ? "  " : "";
    StringBuilder out = new StringBuilder();
    switch (form) {
      case 0 -> { // block mapping, value styles vary
        out.append(indent).append("apiVersion: v1\n");
        out.append(indent)
            .append("kind")
            .append(pick(r, ": ", " : ", ":  "))
            .append(kind)
            .append('\n');
        out.append(indent).append(dataKey).append(":\n");
        data.forEach(
            (k, v) ->
                out.append(indent)
                    .append("  ")
                    .append(k)
                    .append(": ")
                    .append(scalar(r, v, indent + "    "))
                    .append('\n'));
      }
      case 1 -> { // JSON
        out.append("{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"")
            .append(unquote(dataKey))
            .append("\": {");
        List<String> parts = new ArrayList<>();
        data.forEach((k, v) -> parts.add("\"" + k + "\": \"" + v + "\""));
        out.append(String.join(r.nextBoolean() ? ", " : ",\n  ", parts)).append("}}\n");
      }
      case 2 -> { // flow mapping over several lines
        out.append("kind: ").append(kind).append('\n').append(dataKey).append(": {\n");
        data.forEach(
            (k, v) -> out.append("  ").append(k).append(":\n    ").append(v).append(",\n"));
        out.append("}\n");
      }
      case 3 -> { // values anchored elsewhere, aliased under data
        out.append("metadata:\n  annotations:\n");
        int a = 0;
        for (String v : data.values()) {
          out.append("    copy")
              .append(a)
              .append(": &a")
              .append(a)
              .append(' ')
              .append(v)
              .append('\n');
          a++;
        }
        out.append("kind: ").append(kind).append('\n').append(dataKey).append(":\n");
        a = 0;
        for (String k : data.keySet()) {
          out.append("  ").append(k).append(": *a").append(a++).append('\n');
        }
      }
      case 4 -> { // merge key
        out.append("base: &base\n");
        data.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        out.append("kind: ").append(kind).append('\n').append(dataKey).append(":\n  <<: *base\n");
      }
      case 5 -> { // inside a List
        out.append("apiVersion: v1\nkind: List\nitems:\n- kind: ").append(kind).append('\n');
        out.append("  ").append(dataKey).append(":\n");
        data.forEach((k, v) -> out.append("    ").append(k).append(": ").append(v).append('\n'));
      }
      default -> { // explicit keys, tags, comments
        out.append("--- !lab\n? kind\n: ").append(kind).append('\n');
        out.append(dataKey).append(": !!map\n");
        data.forEach(
            (k, v) ->
                out.append("  # ")
                    .append(k)
                    .append(" follows\n  ? ")
                    .append(k)
                    .append("\n  : !!str ")
                    .append(v)
                    .append('\n'));
      }
    }
    secretsTriedAdd();
    return out.toString();
  }

  private static void secretsTriedAdd() {
    secretsTried++;
  }

  private static String scalar(Random r, String v, String continuation) {
    return switch (r.nextInt(6)) {
      case 0 -> "\"" + v + "\"";
      case 1 -> "'" + v + "'";
      case 2 -> "|\n" + continuation + v;
      case 3 ->
          ">-\n"
              + continuation
              + v.substring(0, v.length() / 2)
              + "\n"
              + continuation
              + v.substring(v.length() / 2);
      case 4 -> "!!str " + v;
      default -> v;
    };
  }

  private static String token(Random r, String prefix) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder(prefix).append('Q');
    int length = 16 + r.nextInt(24);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static String unquote(String key) {
    return key.replace("\"", "").replace("'", "");
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  /** The generated Secrets are Secrets to a YAML parser, their values reachable in the tree. */
  @SuppressWarnings("unchecked")
  private static void confirmWithParser(Case c) {
    LoaderOptions options = new LoaderOptions();
    options.setTagInspector(tag -> true);
    Yaml yaml = new Yaml(new LaxConstructor(options));
    StringBuilder flat = new StringBuilder();
    for (Object doc : yaml.loadAll(c.text)) {
      flat.append(doc).append('\n');
    }
    for (String v : c.secretValues) {
      assertThat(flat.toString().replace(" ", "").replace("\n", ""))
          .as("generator: %s is a value in%n%s", v, c.text)
          .contains(v);
    }
  }

  /** Builds plain maps for unknown tags ({@code !lab}, {@code !foo}). */
  private static final class LaxConstructor extends org.yaml.snakeyaml.constructor.SafeConstructor {
    LaxConstructor(LoaderOptions options) {
      super(options);
      this.yamlMultiConstructors.put("!", new AbstractConstructLax());
    }

    private final class AbstractConstructLax
        extends org.yaml.snakeyaml.constructor.AbstractConstruct {
      @Override
      public Object construct(org.yaml.snakeyaml.nodes.Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
          return constructMapping(m);
        }
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
          return constructSequence(s);
        }
        return constructScalar((org.yaml.snakeyaml.nodes.ScalarNode) node);
      }
    }
  }
}
