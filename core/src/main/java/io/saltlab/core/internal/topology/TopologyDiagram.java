package io.saltlab.core.internal.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.render.RenderedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws a rendered lab as a Mermaid flowchart in Markdown ({@code topology.md}): one subgraph per
 * namespace holding its Services, workloads, Secrets and ConfigMaps, the node's host paths outside,
 * and edges for what selects, mounts and pulls with what.
 *
 * <p>Built from the rendered objects rather than from the lab model, so the picture always shows
 * what is actually applied, including objects added later by other translators (Salt configuration
 * ConfigMaps). Node ids are assigned in the fixed output order, so the same manifests always give
 * the same bytes.
 */
public final class TopologyDiagram {

  /** Name of the diagram file written beside the manifests. */
  public static final String FILE = "topology.md";

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

  /**
   * Mermaid's default limits (its {@code maxTextSize} and {@code maxEdges} settings), which GitHub
   * and most Markdown viewers keep: a larger diagram shows as an error instead of a picture.
   */
  public static final int MERMAID_MAX_TEXT = 50_000;

  /** Mermaid's default {@code maxEdges}: more edges than this and viewers show an error. */
  public static final int MERMAID_MAX_EDGES = 500;

  /** Below any node line's length: more objects than the text limit over this cannot fit. */
  private static final int SHORTEST_NODE_LINE = 20;

  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();

  private TopologyDiagram() {}

  /**
   * The Markdown file for rendered manifests.
   *
   * @param manifests one target's output
   * @return the file's content, starting with the generated-by header as an HTML comment
   */
  public static String markdown(Manifests manifests) {
    if (!mayDraw(manifests.resources().size())) {
      return summary(manifests);
    }
    String drawn = new TopologyDiagram().draw(manifests);
    return drawn == null ? summary(manifests) : drawn;
  }

  /**
   * Whether a diagram of this many objects may fit Mermaid's limits; above, {@link #markdown} gives
   * a table of counts, which needs only the objects' kinds and namespaces.
   *
   * @param objects how many objects the output has
   * @return false when the diagram would surely be too large
   */
  public static boolean mayDraw(int objects) {
    return objects * SHORTEST_NODE_LINE <= MERMAID_MAX_TEXT;
  }

  /**
   * What {@code topology.md} holds for a lab too large for Mermaid: why there is no picture, and
   * how many objects of each kind each namespace has.
   */
  private static String summary(Manifests manifests) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (RenderedResource r : manifests.resources()) {
      String ns = r.namespace().isEmpty() ? "(cluster)" : r.namespace();
      counts.computeIfAbsent(ns, k -> new TreeMap<>()).merge(r.kind(), 1, Integer::sum);
    }
    StringBuilder out = new StringBuilder();
    out.append(Manifests.markdownHeader(manifests.target()));
    out.append("# Lab topology for Kubernetes ").append(manifests.target()).append("\n\n");
    out.append("No diagram: this lab's ")
        .append(manifests.resources().size())
        .append(" objects make a flowchart larger than Mermaid draws (")
        .append(MERMAID_MAX_TEXT)
        .append(" characters, ")
        .append(MERMAID_MAX_EDGES)
        .append(" edges by default, as on GitHub).\n");
    out.append("Objects by namespace and kind:\n\n");
    out.append("| namespace | kind | objects |\n|---|---|---:|\n");
    for (Map.Entry<String, Map<String, Integer>> ns : counts.entrySet()) {
      for (Map.Entry<String, Integer> kind : ns.getValue().entrySet()) {
        out.append("| ")
            .append(ns.getKey())
            .append(" | ")
            .append(kind.getKey())
            .append(" | ")
            .append(kind.getValue())
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** The header of {@link Manifests#header} as an HTML comment, so Markdown viewers hide it. */
  static String header(Manifests manifests) {
    return Manifests.markdownHeader(manifests.target());
  }

  /** The Markdown with the flowchart, or null when the flowchart exceeds Mermaid's limits. */
  private String draw(Manifests manifests) {
    Map<String, List<RenderedResource>> byNamespace = new TreeMap<>();
    List<RenderedResource> clusterScoped = new ArrayList<>();
    for (RenderedResource r : manifests.resources()) {
      if (r.kind().equals("Namespace")) {
        byNamespace.computeIfAbsent(r.name(), k -> new ArrayList<>());
      } else if (r.namespace().isEmpty()) {
        clusterScoped.add(r);
      } else {
        byNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
      }
    }
    StringBuilder nodes = new StringBuilder();
    List<String> edges = new ArrayList<>();
    Map<String, String> hostPaths = new TreeMap<>();
    for (Map.Entry<String, List<RenderedResource>> ns : byNamespace.entrySet()) {
      nodes
          .append("  subgraph ")
          .append(id("ns", "", ns.getKey()))
          .append("[\"namespace ")
          .append(escape(ns.getKey()))
          .append("\"]\n");
      nodes.append("    direction LR\n");
      for (RenderedResource r : ns.getValue()) {
        nodes.append("    ").append(node(r)).append('\n');
      }
      nodes.append("  end\n");
      NamespaceIndex index = new NamespaceIndex(ns.getValue());
      for (RenderedResource r : ns.getValue()) {
        edges(r, index, edges, hostPaths);
      }
    }
    for (RenderedResource r : clusterScoped) {
      nodes.append("  ").append(node(r)).append('\n');
    }
    if (!hostPaths.isEmpty()) {
      nodes.append("  subgraph node_host[\"node filesystem\"]\n");
      for (Map.Entry<String, String> h : hostPaths.entrySet()) {
        nodes
            .append("    ")
            .append(h.getValue())
            .append("[(\"")
            .append(escape(h.getKey()))
            .append("\")]\n");
      }
      nodes.append("  end\n");
    }
    StringBuilder out = new StringBuilder();
    out.append(header(manifests));
    out.append("# Lab topology for Kubernetes ").append(manifests.target()).append("\n\n");
    out.append(
        "Services select the pods of the workloads they point to; dotted edges are image pull\n");
    out.append("Secrets; labelled edges are mounts (container path).\n\n");
    int diagramStart = out.length();
    out.append("```mermaid\nflowchart LR\n");
    out.append(nodes);
    for (String e : edges) {
      out.append("  ").append(e).append('\n');
    }
    out.append("```\n");
    if (edges.size() > MERMAID_MAX_EDGES || out.length() - diagramStart > MERMAID_MAX_TEXT) {
      return null;
    }
    return out.toString();
  }

  private String node(RenderedResource r) {
    String id = idOf(r);
    JsonNode spec = r.tree().path("spec");
    switch (r.kind()) {
      case "Service":
        {
          StringBuilder label = new StringBuilder("Service ").append(r.name());
          for (JsonNode p : spec.path("ports")) {
            label
                .append("<br/>")
                .append(p.path("name").asText("port"))
                .append(' ')
                .append(p.path("port").asText());
          }
          return id + "([\"" + escapeKeepingBreaks(label.toString()) + "\"])";
        }
      case "Secret":
        return id
            + "[/\"Secret "
            + escape(r.name())
            + "<br/>"
            + escape(r.tree().path("type").asText("Opaque"))
            + "\"/]";
      case "ConfigMap":
        return id + "[\\\"ConfigMap " + escape(r.name()) + "\"\\]";
      default:
        if (WORKLOADS.contains(r.kind())) {
          StringBuilder label = new StringBuilder(r.kind()).append(' ').append(escape(r.name()));
          if (spec.has("replicas")) {
            label.append(" x").append(spec.path("replicas").asText());
          }
          for (JsonNode c : podSpec(r).path("containers")) {
            label.append("<br/>").append(escape(c.path("image").asText()));
          }
          return id + "[\"" + label + "\"]";
        }
        return id + "[\"" + escape(r.kind() + " " + r.name()) + "\"]";
    }
  }

  private void edges(
      RenderedResource r,
      NamespaceIndex sameNamespace,
      List<String> edges,
      Map<String, String> hostPaths) {
    if (r.kind().equals("Service")) {
      JsonNode selector = r.tree().path("spec").path("selector");
      if (selector.isObject() && !selector.isEmpty()) {
        for (RenderedResource w : sameNamespace.selectedBy(selector)) {
          edges.add(idOf(r) + " --> " + idOf(w));
        }
      }
      return;
    }
    if (!WORKLOADS.contains(r.kind())) {
      return;
    }
    JsonNode pod = podSpec(r);
    for (JsonNode s : pod.path("imagePullSecrets")) {
      String target = find(sameNamespace, "Secret", s.path("name").asText());
      edges.add(
          idOf(r)
              + " -. pulls with .-> "
              + (target != null ? target : missing("Secret", s.path("name").asText())));
    }
    Map<String, JsonNode> volumes = new LinkedHashMap<>();
    for (JsonNode v : pod.path("volumes")) {
      volumes.put(v.path("name").asText(), v);
    }
    Set<String> mounted = new TreeSet<>();
    for (JsonNode c : pod.path("containers")) {
      for (JsonNode m : c.path("volumeMounts")) {
        JsonNode v = volumes.get(m.path("name").asText());
        if (v == null) {
          continue;
        }
        String label = escape(m.path("mountPath").asText());
        String target = volumeNode(v, sameNamespace, hostPaths);
        if (target != null && mounted.add(target + "|" + label)) {
          edges.add(idOf(r) + " -- \"" + label + "\" --> " + target);
        }
      }
      for (JsonNode from : c.path("envFrom")) {
        String cm = from.path("configMapRef").path("name").asText(null);
        if (cm != null) {
          String target = find(sameNamespace, "ConfigMap", cm);
          if (target != null) {
            edges.add(idOf(r) + " -- env --> " + target);
          }
        }
      }
    }
  }

  private String volumeNode(
      JsonNode volume, NamespaceIndex sameNamespace, Map<String, String> hostPaths) {
    if (volume.has("hostPath")) {
      String path = volume.path("hostPath").path("path").asText();
      return hostPaths.computeIfAbsent(path, p -> id("host", "", p));
    }
    if (volume.has("configMap")) {
      return find(sameNamespace, "ConfigMap", volume.path("configMap").path("name").asText());
    }
    if (volume.has("secret")) {
      return find(sameNamespace, "Secret", volume.path("secret").path("secretName").asText());
    }
    return null;
  }

  private String missing(String kind, String name) {
    // A reference to an object the lab does not render (created by hand on the cluster): drawn
    // as a plain node so the picture does not hide it.
    return id(kind.toLowerCase(java.util.Locale.ROOT), "external", name)
        + "[\""
        + escape(kind + " " + name + " (not rendered)")
        + "\"]";
  }

  private String find(NamespaceIndex resources, String kind, String name) {
    RenderedResource r = resources.byKindAndName.get(kind + "\u0000" + name);
    return r == null ? null : idOf(r);
  }

  /**
   * One namespace's objects, indexed once so that drawing stays linear in the number of objects: by
   * kind and name for references, and workloads by each pod-template label for selectors.
   */
  private static final class NamespaceIndex {
    private final Map<String, RenderedResource> byKindAndName = new HashMap<>();
    private final Map<String, List<RenderedResource>> workloadsByLabel = new HashMap<>();

    NamespaceIndex(List<RenderedResource> resources) {
      for (RenderedResource r : resources) {
        byKindAndName.putIfAbsent(r.kind() + "\u0000" + r.name(), r);
        if (WORKLOADS.contains(r.kind())) {
          for (Map.Entry<String, JsonNode> label : podTemplateLabels(r).properties()) {
            workloadsByLabel
                .computeIfAbsent(
                    label.getKey() + "\u0000" + label.getValue().asText(), k -> new ArrayList<>())
                .add(r);
          }
        }
      }
    }

    /** The workloads whose pod template carries every label of the selector, in output order. */
    List<RenderedResource> selectedBy(JsonNode selector) {
      // The rarest label of the selector gives the fewest candidates (a lab-wide label gives all).
      List<RenderedResource> candidates = null;
      for (Map.Entry<String, JsonNode> label : selector.properties()) {
        List<RenderedResource> withLabel =
            workloadsByLabel.getOrDefault(
                label.getKey() + "\u0000" + label.getValue().asText(), List.of());
        if (candidates == null || withLabel.size() < candidates.size()) {
          candidates = withLabel;
        }
      }
      List<RenderedResource> selected = new ArrayList<>();
      for (RenderedResource w : candidates) {
        if (selects(selector, podTemplateLabels(w))) {
          selected.add(w);
        }
      }
      return selected;
    }
  }

  private static boolean selects(JsonNode selector, JsonNode labels) {
    for (Map.Entry<String, JsonNode> e : selector.properties()) {
      if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode podTemplateLabels(RenderedResource workload) {
    return workload.tree().path("spec").path("template").path("metadata").path("labels");
  }

  private static JsonNode podSpec(RenderedResource workload) {
    return workload.tree().path("spec").path("template").path("spec");
  }

  private String idOf(RenderedResource r) {
    return id(r.kind().toLowerCase(java.util.Locale.ROOT), r.namespace(), r.name());
  }

  /** A Mermaid id made of letters, digits and '_', unique per (kind, namespace, name). */
  private String id(String kind, String namespace, String name) {
    String key = kind + "\u0000" + namespace + "\u0000" + name;
    return ids.computeIfAbsent(
        key,
        k -> {
          StringBuilder base = new StringBuilder(kind).append('_');
          for (char c : name.toCharArray()) {
            base.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
          }
          String candidate = base.toString();
          int n = 2;
          while (!usedIds.add(candidate)) {
            candidate = base + "_" + n++;
          }
          return candidate;
        });
  }

  /** Mermaid labels are quoted strings; quotes and angle brackets become entity codes. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"':
          out.append("#quot;");
          break;
        case '<':
          out.append("#lt;");
          break;
        case '>':
          out.append("#gt;");
          break;
        case '\n':
        case '\r':
          out.append(' ');
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  private static String escapeKeepingBreaks(String text) {
    String[] parts = text.split("<br/>", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append("<br/>");
      }
      out.append(escape(parts[i]));
    }
    return out.toString();
  }
}
