package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One Kubernetes object of a rendered lab: its identity, its tree and its YAML text.
 *
 * <p>The tree is owned by the renderer; callers read it (assertions, validation) and never change
 * it.
 */
public final class RenderedResource {
  private final String apiVersion;
  private final String kind;
  private final String namespace;
  private final String name;
  private final JsonNode tree;
  private final String yaml;

  RenderedResource(JsonNode tree, String yaml) {
    this.tree = Objects.requireNonNull(tree, "tree");
    this.apiVersion = tree.path("apiVersion").asText("");
    this.kind = tree.path("kind").asText("");
    this.namespace = tree.path("metadata").path("namespace").asText("");
    this.name = tree.path("metadata").path("name").asText("");
    this.yaml = yaml;
  }

  /**
   * An object known by its identity only, its tree and YAML elsewhere (in a spool file, or
   * dropped): what {@link StreamedManifests} keeps of each object.
   */
  RenderedResource(String apiVersion, String kind, String namespace, String name) {
    this.tree = null;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.yaml = null;
  }

  /** The object's {@code apiVersion}, for example {@code apps/v1}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The object's {@code kind}, for example {@code Deployment}. */
  public String kind() {
    return kind;
  }

  /** The object's namespace, or the empty string for cluster-scoped objects. */
  public String namespace() {
    return namespace;
  }

  /** The object's {@code metadata.name}. */
  public String name() {
    return name;
  }

  /** The object as a Jackson tree (read-only by contract). */
  public JsonNode tree() {
    return tree;
  }

  /** The object as one YAML document, without header or separator. */
  public String yaml() {
    return yaml;
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} for cluster-scoped objects. */
  public String id() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** The object's {@link #id()}; never its content, which may hold Secret data. */
  @Override
  public String toString() {
    return id();
  }
}
