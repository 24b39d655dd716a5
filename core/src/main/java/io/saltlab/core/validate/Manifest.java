package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** One document under validation, with where it came from and its identity fields. */
final class Manifest {

  final JsonNode doc;

  /** Where the document came from, or null for {@code document <number>}, built when needed. */
  private final String source;

  private final int number;
  final int order;
  final String apiVersion;
  final String kind;
  final String name;
  final String declaredNamespace;

  /** Set once the scope is known: whether the kind lives in a namespace. */
  boolean namespaced;

  /** Set when the document was checked against a schema (which then reported wrong types). */
  boolean schemaChecked;

  /**
   * Where the document's text is, for placing problems at {@code file:line:column}: the whole text
   * it was read from (null for documents passed as trees), the name problems give that text, the
   * document's number in it (1-based) and, for an item of a kubectl List, the item's path in the
   * document ({@code items[3]}; empty otherwise).
   */
  String text;

  String file;
  int documentNumber;
  String itemPath = "";

  /**
   * For a slim manifest ({@link TwoPassValidation}): the pod template the cross-object index keeps
   * of it, since its slim tree has none; null otherwise.
   */
  PodTemplate indexedTemplate;

  Manifest(JsonNode doc, String source, int order) {
    this.doc = doc;
    this.source = source;
    this.number = 0;
    this.order = order;
    this.apiVersion = text(doc.path("apiVersion"));
    this.kind = text(doc.path("kind"));
    this.name = text(doc.path("metadata").path("name"));
    this.declaredNamespace = text(doc.path("metadata").path("namespace"));
  }

  /**
   * The same document with a smaller tree: only what the rules of other objects read of it (see
   * {@link TwoPassValidation#slim}); identity, source and order stay.
   */
  Manifest(Manifest full, JsonNode slimDoc, int documentNumber) {
    this.doc = slimDoc;
    // A large input's slim manifests need not each hold the same words with another number.
    boolean numbered = full.source.equals(TwoPassValidation.DOCUMENT + documentNumber);
    this.source = numbered ? null : full.source;
    this.number = documentNumber;
    this.order = full.order;
    this.apiVersion = full.apiVersion;
    this.kind = full.kind;
    this.name = full.name;
    this.declaredNamespace = full.declaredNamespace;
    this.itemPath = full.itemPath;
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }

  /** Where the document came from, as problems name it. */
  String source() {
    return source != null ? source : TwoPassValidation.DOCUMENT + number;
  }

  /** The namespace the object would land in: its own, or {@code default}. */
  String namespace() {
    return declaredNamespace != null ? declaredNamespace : "default";
  }

  boolean isKind(String k) {
    return k.equals(kind);
  }

  boolean isSecret() {
    return kind != null && kind.equalsIgnoreCase("Secret");
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} for cluster-scoped objects. */
  String resource() {
    String k = kind != null ? kind : "?";
    String n = name != null ? name : "?";
    if (namespaced) {
      return k + "/" + namespace() + "/" + n;
    }
    return k + "/" + n;
  }

  /** A problem builder already carrying this document's source, resource and order. */
  Problem.Builder problem(String check, String path) {
    return Problem.builder(check).source(source()).resource(resource()).path(path).order(order);
  }

  /**
   * The value to show for a field, masked inside a Secret's payload: anything of a Secret other
   * than apiVersion, kind, metadata and type could be a credential.
   */
  String shown(String path, JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return null;
    }
    if (isSecret()) {
      String head = FieldPaths.head(path);
      if (!(head.equals("apiVersion")
          || head.equals("kind")
          || head.equals("metadata")
          || head.equals("type"))) {
        return Problem.REDACTED;
      }
    }
    return FieldPaths.render(value);
  }
}
