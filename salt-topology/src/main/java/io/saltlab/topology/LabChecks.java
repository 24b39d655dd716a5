package io.saltlab.topology;

import io.saltlab.core.KubernetesNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whole-lab checks: collects every problem of a lab into one list, so that building an invalid lab
 * reports all of them in one {@link InvalidLabException}.
 */
final class LabChecks {
  private static final Pattern REGISTRY =
      Pattern.compile(
          "[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
  private static final Pattern IMAGE =
      Pattern.compile("[a-z0-9][a-z0-9._/:@-]*[A-Za-z0-9_.-]*[a-zA-Z0-9]");

  /** Shortest autosign token accepted: 16 characters are already 2^64 guesses for hex. */
  static final int MIN_TOKEN_LENGTH = 16;

  /** Longest autosign token accepted; longer adds nothing and Salt reads it from one line. */
  static final int MAX_TOKEN_LENGTH = 512;

  /** Longest StatefulSet role name: 63 minus the 11 characters of "-" and a revision hash. */
  static final int MAX_STATEFUL_NAME = 52;

  private final List<LabProblem> problems = new ArrayList<>();

  private LabChecks() {}

  static List<LabProblem> check(SaltLab lab) {
    LabChecks c = new LabChecks();
    c.lab(lab);
    return c.problems;
  }

  private void lab(SaltLab lab) {
    dnsLabel("name", lab.name(), "salt-lab", NameRule.DNS_1123_LABEL);
    dnsLabel("namespace", lab.namespace(), "salt-lab", NameRule.DNS_1123_LABEL);
    registry(lab.registry());
    image("minionImage", lab.minionImage());
    master(lab.master());
    if (lab.autosignToken().isPresent() && lab.existingAutosignSecret().isPresent()) {
      add(
          "autosignToken",
          "****",
          "no token beside existingAutosignSecret: the existing Secret holds it",
          "remove the token, or existingAutosignSecret to have saltlab render the Secret");
    } else if (lab.autosignToken().isPresent()) {
      autosignToken(lab.autosignToken().get());
    } else if (lab.existingAutosignSecret().isPresent()) {
      dnsLabel(
          "existingAutosignSecret",
          lab.existingAutosignSecret().get(),
          "salt-master-autosign",
          NameRule.DNS_1123_SUBDOMAIN);
    } else {
      add(
          "autosignToken",
          "(none)",
          "the token minions present, or existingAutosignSecret naming a Secret that holds it",
          ".autosignToken(SecretValue.fromEnv(\"SALTLAB_AUTOSIGN_TOKEN\"))");
    }
    dnsLabel("clusterDomain", lab.clusterDomain(), "cluster.local", NameRule.DNS_1123_SUBDOMAIN);
    containerPath("minionConfigDir", lab.minionConfigDir(), "/etc/salt");
    Set<String> names = new HashSet<>();
    names.add(lab.master().name());
    for (int i = 0; i < lab.roles().size(); i++) {
      AppRole role = lab.roles().get(i);
      role(lab, "roles[" + i + "]", role);
      if (!names.add(role.name())) {
        add(
            "roles[" + i + "].name",
            role.name(),
            "a name used by no other role nor the master (it names a Service and a workload)",
            role.name() + "-2");
      }
    }
    generatedNames(lab);
    SettingsChecks.lab(this, lab);
  }

  /**
   * ConfigMaps and Secrets get names derived from the master's and roles' names; two derived names
   * that meet would make one object overwrite the other.
   */
  private void generatedNames(SaltLab lab) {
    String autosign = LabNames.autosignSecret(lab);
    if (autosign.equals(lab.registry().secretName())) {
      add(
          "registry.secretName",
          lab.registry().secretName(),
          "a name other than the autosign Secret's (" + autosign + ")",
          "registry-pull");
    }
    String masterConfig = LabNames.masterConfigMap(lab.master());
    for (int i = 0; i < lab.roles().size(); i++) {
      AppRole role = lab.roles().get(i);
      if (LabNames.minionConfigMap(role).equals(masterConfig)) {
        add(
            "roles[" + i + "].name",
            role.name(),
            "a name whose ConfigMap (" + masterConfig + ") is not the master's",
            "zookeeper");
      }
    }
  }

  /**
   * The token is checked without ever being shown: a problem reports its length, never its
   * characters.
   */
  private void autosignToken(SecretValue token) {
    String t = token.reveal();
    String shown = "**** (" + t.length() + " characters, from " + token.source() + ")";
    if (t.length() < MIN_TOKEN_LENGTH || t.length() > MAX_TOKEN_LENGTH) {
      add(
          "autosignToken",
          shown,
          "a token of "
              + MIN_TOKEN_LENGTH
              + " to "
              + MAX_TOKEN_LENGTH
              + " characters, hard to guess, since it admits any minion that sends it",
          "the output of 'openssl rand -hex 32'");
    } else if (!t.chars().allMatch(c -> c > 0x20 && c < 0x7f) || t.startsWith("#")) {
      // Salt compares the grain with each line of the autosign file after trimming it and skips
      // lines starting with '#': whitespace, line breaks or a leading '#' would never match.
      add(
          "autosignToken",
          shown,
          "visible ASCII characters only, without spaces and not starting with '#'",
          "the output of 'openssl rand -hex 32'");
    }
  }

  private void registry(Registry registry) {
    String server = registry.server();
    if (!REGISTRY.matcher(server).matches() || server.length() > 253 || !portInRange(server)) {
      add(
          "registry.server",
          server,
          "a registry host with an optional port and no scheme or path",
          "registry.example.com:5000");
    }
    registry
        .username()
        .ifPresent(
            user -> {
              if (user.isEmpty()
                  || user.chars().anyMatch(ch -> ch == ':' || ch < 0x20 || ch == 0x7f)) {
                add(
                    "registry.username",
                    user,
                    "a non-empty user name without ':' or control characters",
                    "deployer");
              }
            });
    if (registry.existingSecret()) {
      // The existing Secret holds the credentials; a password given here would silently go unused.
      if (registry.password().isPresent()) {
        add(
            "registry.password",
            registry.password().get().toString(),
            "no password with existingSecret: the existing Secret "
                + registry.secretName()
                + " holds the credentials",
            null);
      }
      if (registry.email().isPresent()) {
        add(
            "registry.email",
            registry.email().get(),
            "no e-mail with existingSecret: it is only written into a rendered Secret",
            null);
      }
    } else {
      if (registry.username().isEmpty()) {
        add(
            "registry.username",
            "(missing)",
            "the user the pull Secret logs in as, or existingSecret",
            "deployer");
      }
      if (registry.password().isEmpty()) {
        add(
            "registry.password",
            "(missing)",
            "the password of the rendered pull Secret, or existingSecret to use a Secret already in"
                + " the cluster",
            "SecretValue.fromEnv(\"SALTLAB_REGISTRY_PASSWORD\")");
      }
    }
    registry
        .email()
        .ifPresent(
            e -> {
              if (!e.matches("[^@\\s]+@[^@\\s]+")) {
                add("registry.email", e, "an e-mail address", "ops@example.com");
              }
            });
    dnsLabel(
        "registry.secretName", registry.secretName(), "registry-pull", NameRule.DNS_1123_SUBDOMAIN);
  }

  private void master(SaltMaster m) {
    dnsLabel("master.name", m.name(), "salt-master", NameRule.DNS_1035_LABEL);
    if (m.node().isEmpty() || KubernetesNames.labelValue(m.node()) != null) {
      add(
          "master.node",
          m.node(),
          "the kubernetes.io/hostname label of the node holding the host paths: at most 63 letters,"
              + " digits, '-', '_' or '.'",
          "kube0");
    }
    image("master.image", m.image());
    port("master.publishPort", m.publishPort());
    port("master.returnPort", m.returnPort());
    if (m.publishPort() == m.returnPort()) {
      add(
          "master.returnPort",
          String.valueOf(m.returnPort()),
          "a port different from publishPort " + m.publishPort(),
          "4506");
    }
    hostPath("master.hostRoot", m.hostRoot());
    containerPath("master.mountRoot", m.mountRoot(), "/salt");
    strings("master.command", m.command());
    strings("master.args", m.args());
    if (m.command().isEmpty()) {
      add("master.command", "[]", "the command that starts the master", "salt-master");
    }
    SettingsChecks.master(this, m);
  }

  private void role(SaltLab lab, String at, AppRole role) {
    dnsLabel(at + ".name", role.name(), "zookeeper", NameRule.DNS_1035_LABEL);
    if (SaltConfig.RESERVED_ROLE_NAMES.contains(role.name())) {
      add(
          at + ".name",
          role.name(),
          "a name other than "
              + new java.util.TreeSet<>(SaltConfig.RESERVED_ROLE_NAMES)
              + ", which name generated Salt files",
          role.name() + "-app");
    }
    if (role.identity() == MinionIdentity.STATEFUL && role.name().length() > MAX_STATEFUL_NAME) {
      add(
          at + ".name",
          role.name(),
          "at most "
              + MAX_STATEFUL_NAME
              + " characters for a StatefulSet role, whose pods carry the label "
              + "controller-revision-hash=<name>-<10 characters> (63 at most)",
          "zookeeper");
    }
    if (role.identity() == MinionIdentity.FIXED && role.replicas() > 1) {
      add(
          at + ".replicas",
          String.valueOf(role.replicas()),
          "at most 1 for identity FIXED, whose pods all take the minion id '"
              + role.name()
              + "'; use identity STATEFUL for more",
          "1");
    }
    role.image().ifPresent(i -> image(at + ".image", i));
    if (role.replicas() < 0 || role.replicas() > 1000) {
      add(
          at + ".replicas",
          String.valueOf(role.replicas()),
          "a number of pods between 0 and 1000",
          "1");
    }
    strings(at + ".command", role.command());
    strings(at + ".args", role.args());
    Set<String> portNames = new HashSet<>();
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < role.ports().size(); i++) {
      RolePort p = role.ports().get(i);
      String pat = at + ".ports[" + i + "]";
      if (KubernetesNames.portName(p.name()) != null) {
        add(
            pat + ".name",
            p.name(),
            "a port name of at most 15 lower-case letters, digits and '-', with a letter",
            "client");
      } else if (!portNames.add(p.name())) {
        add(pat + ".name", p.name(), "a port name not used twice in the role", p.name() + "2");
      }
      port(pat + ".port", p.port());
      if (!numbers.add(p.port())) {
        add(
            pat + ".port",
            String.valueOf(p.port()),
            "a port number not used twice in the role",
            null);
      }
    }
    for (Map.Entry<String, String> e : role.env().entrySet()) {
      if (!KubernetesNames.isCIdentifier(e.getKey())) {
        add(
            at + ".env",
            e.getKey(),
            "an environment variable name of letters, digits and '_', not starting with a digit",
            "ZOO_MY_ID");
      }
      if (hasNul(e.getValue())) {
        add(at + ".env." + e.getKey(), e.getValue(), "a value without NUL characters", "1");
      }
    }
    labels(at + ".labels", role.labels());
    SettingsChecks.role(this, lab, at, role);
  }

  /** Label keys and values, none of them one saltlab derives. */
  void labels(String at, Map<String, String> labels) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      labelKey(at, e.getKey());
      if (KubernetesNames.labelValue(e.getValue()) != null) {
        add(
            at + "." + e.getKey(),
            e.getValue(),
            "a label value of at most 63 letters, digits, '-', '_' or '.', starting and ending with"
                + " a letter or digit",
            "blue");
      }
      if (Labels.isDerivedKey(e.getKey())) {
        add(
            at,
            e.getKey(),
            "a label key that saltlab does not derive itself ("
                + new java.util.TreeSet<>(Labels.DERIVED_KEYS)
                + ")",
            "tier");
      }
    }
  }

  void labelKey(String at, String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (KubernetesNames.dns1123Subdomain(prefix) != null) {
        add(at, key, "a label key whose prefix is a DNS subdomain", "example.com/tier");
        return;
      }
    }
    if (name.isEmpty()
        || name.length() > KubernetesNames.LABEL_MAX
        || !KubernetesNames.isQualifiedName(name)) {
      add(
          at,
          key,
          "a label key of at most 63 letters, digits, '-', '_' or '.', with an optional DNS prefix",
          "tier");
    }
  }

  /** The three DNS name forms Kubernetes asks of the names a lab sets. */
  private enum NameRule {
    DNS_1035_LABEL(
        "a DNS-1035 label: lower-case letters, digits and '-', starting with a letter and"
            + " ending with a letter or digit, at most 63 characters"),
    DNS_1123_LABEL(
        "a DNS-1123 label: lower-case letters, digits and '-', starting and ending with"
            + " a letter or digit, at most 63 characters"),
    DNS_1123_SUBDOMAIN(
        "a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253"
            + " characters");

    final String expected;

    NameRule(String expected) {
      this.expected = expected;
    }

    boolean accepts(String value) {
      switch (this) {
        case DNS_1035_LABEL:
          return KubernetesNames.dns1035Label(value) == null;
        case DNS_1123_LABEL:
          return KubernetesNames.dns1123Label(value) == null;
        default:
          return KubernetesNames.dns1123Subdomain(value) == null;
      }
    }
  }

  private void dnsLabel(String field, String value, String example, NameRule rule) {
    if (!rule.accepts(value)) {
      add(field, value, rule.expected, example);
    }
  }

  private void image(String field, String image) {
    if (image.isEmpty() || image.length() > 512 || !IMAGE.matcher(image).matches()) {
      add(
          field,
          image,
          "an image reference [registry/]repository[:tag][@digest], lower-case, without spaces",
          "registry.example.com:5000/salt/minion:3006.9");
    }
  }

  void containerPath(String field, String path, String example) {
    if (!path.startsWith("/")
        || path.contains("..")
        || path.contains("//")
        || path.contains(":")
        || hasControl(path)) {
      add(
          field,
          path,
          "a normalised absolute container path without '..', '//', ':' or control characters",
          example);
    }
  }

  void port(String field, int port) {
    if (port < 1 || port > 65535) {
      add(field, String.valueOf(port), "a port number between 1 and 65535", "4505");
    }
  }

  private void hostPath(String field, String path) {
    if (!path.startsWith("/")) {
      add(
          field,
          path,
          "an absolute path on the node (Kubernetes does not expand $HOME or ~)",
          "/srv/salt");
    } else if (path.contains("$") || path.contains("~")) {
      add(
          field,
          path,
          "a path without $VARIABLES or ~, which Kubernetes never expands",
          "/home/vagrant/salt");
    } else if (path.contains("/../")
        || path.endsWith("/..")
        || path.contains("//")
        || hasControl(path)) {
      add(
          field,
          path,
          "a normalised absolute path without '..', '//' or control characters",
          "/srv/salt");
    }
  }

  void strings(String field, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (hasNul(values.get(i))) {
        add(field + "[" + i + "]", values.get(i), "text without NUL characters", null);
      }
    }
  }

  private static boolean portInRange(String server) {
    int colon = server.lastIndexOf(':');
    if (colon < 0) {
      return true;
    }
    try {
      int p = Integer.parseInt(server.substring(colon + 1));
      return p >= 1 && p <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean hasNul(String s) {
    return s.indexOf('\0') >= 0;
  }

  static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  void add(String field, String value, String expected, String example) {
    problems.add(new LabProblem(field, value, expected, example));
  }
}
