package io.saltlab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written name rules accept exactly what the API server's regular expressions accept
 * (k8s.io/apimachinery/pkg/util/validation), on strings built from the characters that matter.
 */
class KubernetesNamesTest {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  @Provide
  Arbitrary<String> names() {
    // Letters at both ends of each range, the separators, and characters just outside the ranges.
    return Arbitraries.strings().withChars("azAZ09m5-._/@`{[ é\u0130").ofMaxLength(8);
  }

  @Property(tries = 3000)
  void matchTheApiServersExpressions(@ForAll("names") String s) {
    assertThat(KubernetesNames.isLabel(s, 0, s.length()))
        .as("label %s", s)
        .isEqualTo(DNS1123_LABEL.matcher(s).matches());
    assertThat(KubernetesNames.isSubdomain(s))
        .as("subdomain %s", s)
        .isEqualTo(DNS1123_SUBDOMAIN.matcher(s).matches());
    assertThat(KubernetesNames.isDns1035Label(s))
        .as("dns1035 %s", s)
        .isEqualTo(DNS1035_LABEL.matcher(s).matches());
    assertThat(KubernetesNames.isQualifiedName(s))
        .as("qualified %s", s)
        .isEqualTo(QUALIFIED_NAME.matcher(s).matches());
    assertThat(KubernetesNames.isConfigKey(s))
        .as("config key %s", s)
        .isEqualTo(CONFIG_KEY.matcher(s).matches());
  }

  @Example
  void edgeCases() {
    assertThat(KubernetesNames.isSubdomain("a.b-c.d")).isTrue();
    assertThat(KubernetesNames.isSubdomain("a..b")).isFalse();
    assertThat(KubernetesNames.isSubdomain("a.")).isFalse();
    assertThat(KubernetesNames.isSubdomain("")).isFalse();
    assertThat(KubernetesNames.isDns1035Label("1abc")).isFalse();
    assertThat(KubernetesNames.isQualifiedName("a_b.c-D")).isTrue();
    assertThat(KubernetesNames.isQualifiedName("_a")).isFalse();
    assertThat(KubernetesNames.isConfigKey(".dockerconfigjson")).isTrue();
  }
}
