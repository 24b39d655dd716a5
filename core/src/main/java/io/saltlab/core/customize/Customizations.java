package io.saltlab.core.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.builder.Visitor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.saltlab.core.internal.customize.Customizer;
import io.saltlab.core.internal.customize.Fabric8Objects;
import io.saltlab.core.internal.customize.JsonPatch;
import io.saltlab.core.internal.customize.Step;
import io.saltlab.core.internal.customize.StrategicMerge;
import io.saltlab.core.internal.customize.YamlTrees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a lab changes in its translated objects beyond its typed model, applied after translation
 * and before validation, always in this order:
 *
 * <ol>
 *   <li>typed edits on fabric8 builders ({@link Builder#edit}) and fabric8 {@link Visitor}s ({@link
 *       Builder#visit}), dekorate's decorators among them, in the order given;
 *   <li>patches as data: RFC 6902 JSON patches ({@link Builder#jsonPatch}) and strategic-merge
 *       patches ({@link Builder#strategicMerge}), in the order given;
 *   <li>extra objects added to the output ({@link Builder#add}, {@link Builder#addYaml}).
 * </ol>
 *
 * <p>Edits and patches select their object by kind and name ({@link Target}); one that matches
 * nothing is an error naming what it looked for and what exists. The result is validated like
 * everything else (schema, cross-object checks), so a patch that breaks a Service's selector or a
 * workload's own pods is reported, and nothing is written. Customizations are immutable and
 * reusable: applying them never changes them or their input. {@link #none()} costs nothing.
 *
 * <p>This is the deliberate escape hatch to fabric8 and Jackson: edits see fabric8 objects and
 * builders, {@link #apply} works on Jackson trees.
 *
 * <pre>{@code
 * Customizations.builder()
 *     .edit(StatefulSet.class, "zookeeper", (StatefulSetBuilder s) -> s.editSpec().editTemplate()
 *         .editSpec().addNewInitContainer().withName("init").withImage("busybox:1.36")
 *         .endInitContainer().endSpec().endTemplate().endSpec())
 *     .jsonPatch(Target.of("Deployment", "orders"),
 *         "[{op: add, path: /spec/template/metadata/annotations/team, value: shop}]")
 *     .strategicMerge(Target.of("Service", "orders"), "metadata: {annotations: {owner: shop}}")
 *     .addYaml(ingressYaml)
 *     .build();
 * }</pre>
 */
public final class Customizations {
  private static final Customizations NONE = new Customizations(List.of());

  private final List<Step> steps;

  private Customizations(List<Step> steps) {
    this.steps = Collections.unmodifiableList(steps);
  }

  /** No customization: the translated objects as they are. */
  public static Customizations none() {
    return NONE;
  }

  /** Starts a set of customizations. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether there is nothing to apply. */
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /**
   * These customizations, then another set's (each kind still applied in its phase).
   *
   * @param more the customizations that follow
   * @return the combination
   */
  public Customizations andThen(Customizations more) {
    if (more.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return more;
    }
    List<Step> all = new ArrayList<>(steps);
    all.addAll(more.steps);
    return new Customizations(all);
  }

  /**
   * Applies the customizations to translated objects. Deliberately on Jackson trees: renderers call
   * it between translation and validation.
   *
   * @param objects one tree per Kubernetes object; not modified
   * @return the customized objects, the input's order kept and extra objects last; the input list
   *     itself when there is nothing to apply
   * @throws CustomizationException listing every customization that could not be applied
   */
  @SuppressWarnings("unchecked")
  public List<ObjectNode> apply(List<? extends JsonNode> objects) {
    if (steps.isEmpty()) {
      for (JsonNode o : objects) {
        if (!o.isObject()) {
          throw new IllegalArgumentException("not a Kubernetes object: " + o.getNodeType());
        }
      }
      return (List<ObjectNode>) objects;
    }
    return Customizer.apply(steps, objects);
  }

  /** A summary (never the patches' content, which may hold secret values). */
  @Override
  public String toString() {
    int edits = 0;
    int patches = 0;
    int objects = 0;
    for (Step s : steps) {
      if (s instanceof Step.Json || s instanceof Step.Merge) {
        patches++;
      } else if (s instanceof Step.Extra) {
        objects++;
      } else {
        edits++;
      }
    }
    return "Customizations{edits and visitors: "
        + edits
        + ", patches: "
        + patches
        + ", extra objects: "
        + objects
        + "}";
  }

  /**
   * Collects customizations; {@link #build()} checks their shape and throws every problem at once.
   */
  public static final class Builder {
    private final List<Step> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String source;
    private int edits;
    private int patches;
    private int objects;

    private Builder() {}

    /**
     * Names the customizations added after this call in messages, for example the spec file and
     * line they come from; by default each is named by its kind and number ({@code patch 2}).
     *
     * @param source how messages name them, or null for the default
     * @return this builder
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    private String name(String what, int number) {
      return source != null ? source : what + " " + number;
    }

    /**
     * A typed edit: the object of a fabric8 class and name, changed on its builder. Exposes fabric8
     * deliberately. The object keeps its apiVersion (a {@code Deployment} of 1.6 is read into the
     * {@code apps/v1} class and stays {@code extensions/v1beta1}).
     *
     * @param kind the fabric8 class, whose kind selects the object, for example {@code
     *     StatefulSet.class}
     * @param name the object's name
     * @param edit the change, made on the object's builder
     * @param <T> the object's class
     * @param <B> its builder
     * @return this builder
     */
    public <B extends VisitableBuilder<T, B>, T extends HasMetadata & Editable<B>> Builder edit(
        Class<T> kind, String name, Consumer<? super B> edit) {
      Objects.requireNonNull(edit, "edit");
      Target target = Target.of(HasMetadata.getKind(kind), name);
      steps.add(
          new Step.Edit(
              name("edit", ++edits),
              target,
              kind,
              object -> {
                B builder = kind.cast(object).edit();
                edit.accept(builder);
                return builder.build();
              }));
      return this;
    }

    /**
     * fabric8 visitors applied to every object through one list, as dekorate applies its
     * decorators; a visitor selects what it changes itself (dekorate's named decorators match any
     * object of that name, whatever its kind: prefer {@link #visit(Class, String, Visitor)}).
     *
     * @param visitors the visitors, in order
     * @return this builder
     */
    public Builder visit(Visitor<?>... visitors) {
      steps.add(new Step.VisitAll(name("visitor", ++edits), List.of(visitors)));
      return this;
    }

    /**
     * A fabric8 visitor (any dekorate decorator, for example) applied to one object only, on its
     * own builder.
     *
     * @param kind the fabric8 class whose kind selects the object
     * @param name the object's name
     * @param visitor the visitor
     * @return this builder
     */
    public Builder visit(Class<? extends HasMetadata> kind, String name, Visitor<?> visitor) {
      return visit(Target.of(HasMetadata.getKind(kind), name), visitor);
    }

    /**
     * A fabric8 visitor applied to one object only, selected by kind and name.
     *
     * @param target the object
     * @param visitor the visitor
     * @return this builder
     */
    public Builder visit(Target target, Visitor<?> visitor) {
      steps.add(
          new Step.VisitOne(name("visitor", ++edits), target, Objects.requireNonNull(visitor)));
      return this;
    }

    /**
     * An RFC 6902 JSON patch, as YAML or JSON text: a list of operations.
     *
     * @param target the object it patches
     * @param patch for example {@code [{op: replace, path: /spec/replicas, value: 3}]}
     * @return this builder
     */
    public Builder jsonPatch(Target target, String patch) {
      JsonNode tree = read("patch " + (patches + 1), patch);
      if (tree == null) {
        patches++;
        return this;
      }
      return jsonPatch(target, tree);
    }

    /**
     * An RFC 6902 JSON patch as a tree (deliberately Jackson).
     *
     * @param target the object it patches
     * @param patch the list of operations
     * @return this builder
     */
    public Builder jsonPatch(Target target, JsonNode patch) {
      String where = name("patch", ++patches);
      List<JsonPatch.Problem> found = new ArrayList<>();
      JsonPatch p = JsonPatch.parse(patch, found);
      for (JsonPatch.Problem problem : found) {
        problems.add(
            where
                + " (JSON patch on "
                + target
                + ")"
                + (problem.operation() < 0 ? "" : ", operation " + (problem.operation() + 1))
                + ": "
                + problem.message());
      }
      steps.add(new Step.Json(where, target, p));
      return this;
    }

    /**
     * A strategic-merge patch, as YAML or JSON text: a partial object.
     *
     * @param target the object it patches
     * @param patch for example {@code spec: {template: {metadata: {annotations: {a: b}}}}}
     * @return this builder
     */
    public Builder strategicMerge(Target target, String patch) {
      JsonNode tree = read("patch " + (patches + 1), patch);
      if (tree == null) {
        patches++;
        return this;
      }
      return strategicMerge(target, tree);
    }

    /**
     * A strategic-merge patch as a tree (deliberately Jackson).
     *
     * @param target the object it patches
     * @param patch the partial object
     * @return this builder
     */
    public Builder strategicMerge(Target target, JsonNode patch) {
      String where = name("patch", ++patches);
      List<String> found = new ArrayList<>();
      StrategicMerge p = StrategicMerge.parse(patch, found);
      for (String problem : found) {
        problems.add(where + " (strategic merge on " + target + "): " + problem);
      }
      steps.add(new Step.Merge(where, target, p));
      return this;
    }

    /**
     * Extra objects from YAML text (one or more documents), added to the output as written.
     *
     * @param yaml the objects, for example an Ingress
     * @return this builder
     */
    public Builder addYaml(String yaml) {
      String where = source != null ? source : "objects " + (objects + 1);
      try {
        for (JsonNode doc : YamlTrees.documents(where, yaml)) {
          add(doc);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
      return this;
    }

    /**
     * An extra fabric8 object, added to the output as it is now (later changes to it are not seen).
     *
     * @param object for example an Ingress or a CronJob built with fabric8
     * @return this builder
     */
    public Builder add(HasMetadata object) {
      return add(Fabric8Objects.tree(object));
    }

    /**
     * An extra object as a tree (deliberately Jackson), added as written.
     *
     * @param object with apiVersion, kind and metadata.name
     * @return this builder
     */
    public Builder add(JsonNode object) {
      String where = name("object", ++objects);
      if (!object.isObject()
          || !object.path("apiVersion").isTextual()
          || !object.path("kind").isTextual()
          || !object.path("metadata").path("name").isTextual()) {
        problems.add(
            where
                + ": an extra object needs apiVersion, kind and metadata.name, for example"
                + " {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: shop}}");
        return this;
      }
      steps.add(new Step.Extra(where, (ObjectNode) object.deepCopy()));
      return this;
    }

    private JsonNode read(String where, String text) {
      try {
        return YamlTrees.document(where, text);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        return null;
      }
    }

    /**
     * The customizations.
     *
     * @return them, immutable
     * @throws CustomizationException listing every malformed patch or object
     */
    public Customizations build() {
      if (!problems.isEmpty()) {
        throw new CustomizationException(problems);
      }
      return new Customizations(new ArrayList<>(steps));
    }
  }
}
