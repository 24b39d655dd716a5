package io.saltlab.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What changes in one lab's output between two target versions, object by object: apiVersion,
 * fields added, removed or changed (selectors, hostPath types, the pull Secret's type and data
 * key). Secret data values are never shown, only their keys.
 */
public final class TargetDiff {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private TargetDiff() {}

  /**
   * The report.
   *
   * @param from the lab rendered for the older (or first) target
   * @param to the lab rendered for the other target
   * @return a readable report ending with a summary line
   */
  public static String report(Manifests from, Manifests to) {
    Map<String, RenderedResource> before = byId(from);
    Map<String, RenderedResource> after = byId(to);
    StringBuilder out = new StringBuilder();
    out.append("Changes from Kubernetes ")
        .append(from.target())
        .append(" to ")
        .append(to.target())
        .append(":\n");
    int changed = 0;
    int same = 0;
    int added = 0;
    int removed = 0;
    for (Map.Entry<String, RenderedResource> e : before.entrySet()) {
      RenderedResource b = e.getValue();
      RenderedResource a = after.get(e.getKey());
      if (a == null) {
        out.append("- ")
            .append(e.getKey())
            .append(" (")
            .append(b.apiVersion())
            .append(") is not rendered for ")
            .append(to.target())
            .append('\n');
        removed++;
        continue;
      }
      String lines = objectChanges(b, a);
      if (lines.isEmpty()) {
        same++;
      } else {
        changed++;
        out.append(e.getKey()).append('\n').append(lines);
      }
    }
    for (Map.Entry<String, RenderedResource> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        out.append("+ ")
            .append(e.getKey())
            .append(" (")
            .append(e.getValue().apiVersion())
            .append(") is new in ")
            .append(to.target())
            .append('\n');
        added++;
      }
    }
    out.append(changed)
        .append(changed == 1 ? " object changes, " : " objects change, ")
        .append(same)
        .append(" unchanged, ")
        .append(added)
        .append(" added, ")
        .append(removed)
        .append(" removed\n");
    return out.toString();
  }

  /**
   * Objects are matched by kind, namespace and name, so a changed apiVersion is a change, not a new
   * object.
   */
  private static Map<String, RenderedResource> byId(Manifests manifests) {
    Map<String, RenderedResource> m = new LinkedHashMap<>();
    for (RenderedResource r : manifests.resources()) {
      m.put(r.id(), r);
    }
    return m;
  }

  private static String objectChanges(RenderedResource before, RenderedResource after) {
    boolean secret = before.kind().equals("Secret");
    Map<String, String> b = flatten(before.tree(), secret);
    Map<String, String> a = flatten(after.tree(), secret);
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : b.entrySet()) {
      String now = a.get(e.getKey());
      if (now == null) {
        out.append("  - ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      } else if (!now.equals(e.getValue())) {
        out.append("  ~ ")
            .append(e.getKey())
            .append(": ")
            .append(e.getValue())
            .append(" -> ")
            .append(now)
            .append('\n');
      }
    }
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (!b.containsKey(e.getKey())) {
        out.append("  + ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Every leaf of a tree by path. List items with a {@code name} are addressed by it ({@code
   * containers[salt-master]}) so that a reordering does not read as a change. Under a Secret's
   * {@code data} and {@code stringData} only the keys are kept: each value becomes {@code
   * <hidden>}; a changed value therefore shows as a data key that stayed, not as text.
   */
  static Map<String, String> flatten(JsonNode tree, boolean secret) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten(tree, "", secret, leaves);
    return leaves;
  }

  private static void flatten(
      JsonNode node, String path, boolean secret, Map<String, String> leaves) {
    if (secret && (path.equals("data") || path.equals("stringData")) && node.isObject()) {
      Iterator<String> keys = node.fieldNames();
      while (keys.hasNext()) {
        leaves.put(path + key(keys.next()), "<hidden>");
      }
      return;
    }
    if (node.isObject()) {
      if (node.isEmpty()) {
        leaves.put(path, "{}");
      }
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String child =
            path.isEmpty() && PLAIN_KEY.matcher(f.getKey()).matches()
                ? f.getKey()
                : path + key(f.getKey());
        flatten(f.getValue(), child, secret, leaves);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        leaves.put(path, "[]");
      }
      int i = 0;
      for (JsonNode item : node) {
        String index =
            item.isObject() && item.path("name").isTextual()
                ? item.path("name").asText()
                : String.valueOf(i);
        flatten(item, path + "[" + index + "]", secret, leaves);
        i++;
      }
    } else if (!node.isNull()) {
      leaves.put(path, node.asText());
    }
  }

  private static String key(String key) {
    return PLAIN_KEY.matcher(key).matches() ? "." + key : "[\"" + key + "\"]";
  }
}
