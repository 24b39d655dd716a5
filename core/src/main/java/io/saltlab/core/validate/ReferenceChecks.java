package io.saltlab.core.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * References from pods to Secrets and ConfigMaps: each must be in the input (same namespace) or
 * declared as existing, and a referenced key must exist.
 */
final class ReferenceChecks {

  private ReferenceChecks() {}

  // --- references ------------------------------------------------------------------------------

  /**
   * Reports a reference to a Secret that is neither in the input nor declared. When {@code key} is
   * given, {@code at} is the key selector object and a missing key is reported too.
   */
  static void requireSecret(
      CrossRun r, Manifest m, Supplier<String> at, String name, String key, boolean optional) {
    requireObject(
        r, m, at, name, key, optional, "Secret", r.index.secrets, r.index.context::hasSecret);
  }

  static void requireConfigMap(
      CrossRun r, Manifest m, Supplier<String> at, String name, String key, boolean optional) {
    requireObject(
        r,
        m,
        at,
        name,
        key,
        optional,
        "ConfigMap",
        r.index.configMaps,
        r.index.context::hasConfigMap);
  }

  private interface Declared {
    boolean has(String namespace, String name);
  }

  static void requireObject(
      CrossRun r,
      Manifest m,
      Supplier<String> at,
      String name,
      String key,
      boolean optional,
      String kind,
      Map<String, Manifest> inInput,
      Declared declared) {
    if (optional) {
      return;
    }
    String ns = m.namespace();
    Manifest target = inInput.get(ns + "/" + name);
    if (target == null) {
      if (declared.has(ns, name)) {
        return;
      }
      String nameAt = key == null ? at.get() : at.get() + ".name";
      String elsewhere = null;
      for (Map.Entry<String, Manifest> e : new TreeMap<>(inInput).entrySet()) {
        if (e.getKey().endsWith("/" + name)) {
          elsewhere = e.getValue().namespace();
          break;
        }
      }
      String check = kind.equals("Secret") ? "missing-secret" : "missing-configmap";
      String method = kind.equals("Secret") ? "existingSecret" : "existingConfigMap";
      r.out.add(
          m.problem(check, nameAt)
              .message(kind + " " + name + " is not in namespace " + ns)
              .value(name)
              .expected(
                  "a "
                      + kind
                      + " named "
                      + name
                      + " in namespace "
                      + ns
                      + " in the input, or declared with ValidationContext.builder()."
                      + method
                      + "(\""
                      + ns
                      + "\", \""
                      + name
                      + "\")")
              .hint(
                  elsewhere != null
                      ? "a "
                          + kind
                          + " "
                          + name
                          + " exists in namespace "
                          + elsewhere
                          + ", but pods only see their own namespace"
                      : "add the " + kind + " to the manifests or declare it as existing")
              .build());
      return;
    }
    if (key != null) {
      Map<String, Boolean> keys = new LinkedHashMap<>();
      for (String field : List.of("data", "stringData", "binaryData")) {
        target.doc.path(field).fieldNames().forEachRemaining(k -> keys.put(k, true));
      }
      if (!keys.containsKey(key)) {
        r.out.add(
            m.problem("missing-key", at.get() + ".key")
                .message(kind + " " + name + " has no key " + key)
                .value(key)
                .expected(
                    keys.isEmpty()
                        ? "a key of " + kind + " " + name + " (it has none)"
                        : "one of its keys: " + String.join(", ", new TreeSet<>(keys.keySet())))
                .build());
      }
    }
  }
}
