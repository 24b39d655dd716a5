package io.saltlab.core;

/**
 * The name and label syntax rules of the Kubernetes API server (k8s.io/apimachinery validation),
 * which no OpenAPI schema states: the one place where saltlab decides what a Kubernetes name,
 * label, annotation key, port name or data key may be. The lab model's checks and the manifest
 * validator both call it.
 *
 * <p>The {@code is...} methods answer yes or no; the others return {@code null} for a valid value
 * and otherwise a short phrase saying what is wrong, suitable after "the name is".
 */
public final class KubernetesNames {

  /** Longest DNS label, label value and label-key name part: 63 characters. */
  public static final int LABEL_MAX = 63;

  /** Longest DNS subdomain (most object names): 253 characters. */
  public static final int SUBDOMAIN_MAX = 253;

  /** Longest container or Service port name (an IANA service name): 15 characters. */
  public static final int PORT_NAME_MAX = 15;

  // The API server's rules are regular expressions (kept in KubernetesNamesTest, which checks these
  // methods against them); they are matched here by hand because every name, label key and value
  // of every object goes through them, and regular expressions are slow until the JIT compiles
  // them.

  private KubernetesNames() {}

  private static boolean isLowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isLetterOrDigit(char c) {
    return isLowerOrDigit(c) || (c >= 'A' && c <= 'Z');
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code s[from, to)}. */
  public static boolean isLabel(String s, int from, int to) {
    if (from >= to || !isLowerOrDigit(s.charAt(from)) || !isLowerOrDigit(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && !isLowerOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code LABEL(\.LABEL)*}. */
  public static boolean isSubdomain(String s) {
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (!isLabel(s, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}. */
  public static boolean isDns1035Label(String s) {
    return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && isLabel(s, 0, s.length());
  }

  /** {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}. */
  public static boolean isQualifiedName(String s) {
    int n = s.length();
    if (n == 0 || !isLetterOrDigit(s.charAt(0)) || !isLetterOrDigit(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.' && !isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code [-._a-zA-Z0-9]+}. */
  public static boolean isConfigKey(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.' && !isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** Null when valid, else what is wrong with a DNS-1123 label (RFC 1123). */
  public static String dns1123Label(String s) {
    if (s.length() > LABEL_MAX) {
      return "longer than " + LABEL_MAX + " characters (" + s.length() + ")";
    }
    return isLabel(s, 0, s.length())
        ? null
        : "not a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a"
            + " letter or digit";
  }

  /** Null when valid, else what is wrong with a DNS-1123 subdomain. */
  public static String dns1123Subdomain(String s) {
    if (s.length() > SUBDOMAIN_MAX) {
      return "longer than " + SUBDOMAIN_MAX + " characters (" + s.length() + ")";
    }
    return isSubdomain(s)
        ? null
        : "not a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit";
  }

  /** Null when valid, else what is wrong with a DNS-1035 label (Service names). */
  public static String dns1035Label(String s) {
    if (s.length() > LABEL_MAX) {
      return "longer than " + LABEL_MAX + " characters (" + s.length() + ")";
    }
    return isDns1035Label(s)
        ? null
        : "not a DNS-1035 label: lower-case letters, digits and '-', starting with a letter and"
            + " ending with a letter or digit";
  }

  /** Null when valid, else why a name cannot be a URL path segment (RBAC object names). */
  public static String pathSegment(String s) {
    if (s.equals(".") || s.equals("..")) {
      return "may not be '.' or '..'";
    }
    return s.contains("/") || s.contains("%") ? "may not contain '/' or '%'" : null;
  }

  /** The rule for an object's metadata.name, by kind: null when valid. */
  public static String objectName(String kind, String name) {
    switch (kind == null ? "" : kind) {
      case "Namespace":
        return dns1123Label(name);
      case "Service":
        return dns1035Label(name);
      case "Role":
      case "ClusterRole":
      case "RoleBinding":
      case "ClusterRoleBinding":
        return pathSegment(name);
      case "CronJob":
        // The controller appends an 11-character suffix to make Job names.
        return name.length() > 52
            ? "longer than 52 characters (" + name.length() + ")"
            : dns1123Subdomain(name);
      default:
        return dns1123Subdomain(name);
    }
  }

  /** The rule name shown as expectation for an object's name. */
  public static String objectNameRule(String kind) {
    switch (kind == null ? "" : kind) {
      case "Namespace":
        return "a DNS-1123 label (at most 63 of a-z, 0-9, '-')";
      case "Service":
        return "a DNS-1035 label (at most 63 of a-z, 0-9, '-', starting with a letter)";
      case "Role":
      case "ClusterRole":
      case "RoleBinding":
      case "ClusterRoleBinding":
        return "a name without '/' or '%'";
      case "CronJob":
        return "a DNS-1123 subdomain of at most 52 characters";
      default:
        return "a DNS-1123 subdomain (at most 253 of a-z, 0-9, '-', '.')";
    }
  }

  /** Null when valid, else what is wrong with a label or annotation key ([prefix/]name). */
  public static String qualifiedKey(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return "prefix before '/' is empty";
      }
      String p = dns1123Subdomain(prefix);
      if (p != null) {
        return "prefix '" + prefix + "' is " + p;
      }
    }
    if (name.isEmpty()) {
      return "name part is empty";
    }
    if (name.length() > LABEL_MAX) {
      return "name part longer than " + LABEL_MAX + " characters (" + name.length() + ")";
    }
    return isQualifiedName(name)
        ? null
        : "name part must be letters, digits, '-', '_' or '.', starting and ending with a letter or"
            + " digit";
  }

  /** Null when valid, else what is wrong with a label value. */
  public static String labelValue(String value) {
    if (value.length() > LABEL_MAX) {
      return "longer than " + LABEL_MAX + " characters (" + value.length() + ")";
    }
    return value.isEmpty() || isQualifiedName(value)
        ? null
        : "must be empty or letters, digits, '-', '_' or '.', starting and ending with a letter or"
            + " digit";
  }

  /** Null when valid, else what is wrong with a container port name (IANA service name). */
  public static String portName(String name) {
    if (name.length() > PORT_NAME_MAX) {
      return "longer than " + PORT_NAME_MAX + " characters (" + name.length() + ")";
    }
    if (!isLabel(name, 0, name.length()) || name.contains("--")) {
      return "must be lower-case letters, digits and single '-', starting and ending with a letter"
          + " or digit";
    }
    return name.chars().anyMatch(Character::isLetter) ? null : "must contain at least one letter";
  }

  /**
   * Whether a name is a C identifier ({@code [A-Za-z_][A-Za-z0-9_]*}): the environment variable
   * names every Kubernetes version and every shell accept.
   *
   * @param s the name
   * @return true when valid
   */
  public static boolean isCIdentifier(String s) {
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '_' && !isLetterOrDigit(c)) {
        return false;
      }
    }
    return true;
  }

  /** Null when valid, else what is wrong with a Secret or ConfigMap data key. */
  public static String configKey(String key) {
    if (key.length() > SUBDOMAIN_MAX) {
      return "longer than " + SUBDOMAIN_MAX + " characters";
    }
    if (key.equals(".") || key.equals("..")) {
      return "may not be '.' or '..'";
    }
    return isConfigKey(key) ? null : "must be letters, digits, '-', '_' or '.'";
  }
}
