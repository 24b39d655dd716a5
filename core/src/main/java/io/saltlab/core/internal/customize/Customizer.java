package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.builder.Visitor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.saltlab.core.customize.CustomizationException;
import io.saltlab.core.customize.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies customizations to translated objects, in the fixed order: typed edits and visitors (in
 * the order given), then patches (in the order given), then extra objects. Every problem is
 * collected; when there is one, nothing is returned and a {@link CustomizationException} lists them
 * all.
 */
public final class Customizer {

  private Customizer() {}

  /**
   * Applies the steps.
   *
   * @param steps the customizations, in the order given
   * @param input the translated objects; not modified
   * @return the customized objects: the input's, changed where targeted, then the extra objects
   * @throws CustomizationException listing every customization that could not be applied
   */
  public static List<ObjectNode> apply(List<Step> steps, List<? extends JsonNode> input) {
    List<ObjectNode> objects = new ArrayList<>(input.size() + steps.size());
    for (JsonNode n : input) {
      objects.add((ObjectNode) n);
    }
    List<String> problems = new ArrayList<>();
    for (int phase = 0; phase < 3; phase++) {
      for (Step step : steps) {
        if (phase(step) != phase) {
          continue;
        }
        try {
          apply(step, objects);
        } catch (PatchException e) {
          problems.add(step.source() + ": " + e.getMessage());
        } catch (RuntimeException e) {
          // User code (an edit or a visitor) failed: say which customization, not where in it.
          problems.add(
              step.source()
                  + ": it threw "
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CustomizationException(problems);
    }
    return objects;
  }

  private static int phase(Step step) {
    if (step instanceof Step.Json || step instanceof Step.Merge) {
      return 1;
    }
    return step instanceof Step.Extra ? 2 : 0;
  }

  private static void apply(Step step, List<ObjectNode> objects) throws PatchException {
    if (step instanceof Step.Edit e) {
      int i = find(e.target(), objects);
      HasMetadata object = Fabric8Objects.read(objects.get(i), e.type());
      HasMetadata edited = Objects.requireNonNull(e.edit().apply(object), "the edit returned null");
      replace(objects, i, Fabric8Objects.tree(edited));
    } else if (step instanceof Step.VisitOne v) {
      int i = find(v.target(), objects);
      replace(
          objects, i, Fabric8Objects.tree(visit(Fabric8Objects.read(objects.get(i)), v.visitor())));
    } else if (step instanceof Step.VisitAll v) {
      visitAll(v.visitors(), objects);
    } else if (step instanceof Step.Json j) {
      int i = find(j.target(), objects);
      replace(objects, i, (ObjectNode) j.patch().applyTo(objects.get(i)));
    } else if (step instanceof Step.Merge m) {
      int i = find(m.target(), objects);
      replace(objects, i, m.patch().applyTo(objects.get(i)));
    } else if (step instanceof Step.Extra x) {
      Target key = identity(x.object());
      for (ObjectNode o : objects) {
        if (identity(o).equals(key)) {
          throw new PatchException(
              "the extra "
                  + key
                  + " collides with an object the lab already has; to change that object, patch"
                  + " or edit it instead of adding it");
        }
      }
      objects.add(x.object().deepCopy());
    }
  }

  /** An object on its own builder, visited, as saltlab's lab-wide decorators once were. */
  private static HasMetadata visit(HasMetadata object, Visitor<?> visitor) {
    if (object instanceof Editable<?> editable
        && editable.edit() instanceof VisitableBuilder<?, ?> builder) {
      builder.accept(visitor);
      return (HasMetadata) builder.build();
    }
    KubernetesListBuilder list = new KubernetesListBuilder().addToItems(object);
    list.accept(visitor);
    return list.build().getItems().get(0);
  }

  /**
   * Visitors on every object through one list, as dekorate applies decorators; objects they leave
   * as they were keep their exact tree.
   */
  private static void visitAll(List<Visitor<?>> visitors, List<ObjectNode> objects)
      throws PatchException {
    List<HasMetadata> items = new ArrayList<>(objects.size());
    List<ObjectNode> before = new ArrayList<>(objects.size());
    for (ObjectNode o : objects) {
      HasMetadata object = Fabric8Objects.read(o);
      items.add(object);
      before.add(Fabric8Objects.tree(object));
    }
    KubernetesListBuilder list = new KubernetesListBuilder().addAllToItems(items);
    for (Visitor<?> visitor : visitors) {
      list.accept(visitor);
    }
    List<HasMetadata> after = list.build().getItems();
    for (int i = 0; i < objects.size(); i++) {
      ObjectNode tree = Fabric8Objects.tree(after.get(i));
      if (!tree.equals(before.get(i))) {
        replace(objects, i, tree);
      }
    }
  }

  private static void replace(List<ObjectNode> objects, int i, ObjectNode changed)
      throws PatchException {
    Target was = identity(objects.get(i));
    Target now = identity(changed);
    if (!was.equals(now)) {
      throw new PatchException(
          "it changed "
              + was
              + " into "
              + now
              + "; a customization may not change an object's kind, name or namespace (add an"
              + " extra object instead)");
    }
    objects.set(i, changed);
  }

  /** The kind, name and namespace of an object, as a target naming exactly it. */
  static Target identity(JsonNode object) {
    String namespace = object.path("metadata").path("namespace").asText("");
    Target t =
        Target.of(
            object.path("kind").asText("?"), object.path("metadata").path("name").asText("?"));
    return namespace.isEmpty() ? t : t.in(namespace);
  }

  /** The index of the one object a target names, or an error saying what exists. */
  static int find(Target target, List<ObjectNode> objects) throws PatchException {
    int found = -1;
    Set<String> sameKind = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    int matches = 0;
    for (int i = 0; i < objects.size(); i++) {
      JsonNode o = objects.get(i);
      String kind = o.path("kind").asText();
      kinds.add(kind);
      if (!kind.equals(target.kind())) {
        continue;
      }
      JsonNode metadata = o.path("metadata");
      String name = metadata.path("name").asText();
      String namespace = metadata.path("namespace").asText("");
      sameKind.add(name);
      if (name.equals(target.name()) && target.namespace().map(namespace::equals).orElse(true)) {
        found = i;
        matches++;
        namespaces.add(namespace);
      }
    }
    if (matches == 1) {
      return found;
    }
    if (matches > 1) {
      throw new PatchException(
          target
              + " exists in the namespaces "
              + String.join(", ", namespaces)
              + "; give the target's namespace");
    }
    if (sameKind.isEmpty()) {
      throw new PatchException(
          "no "
              + target
              + ": the lab has no "
              + target.kind()
              + " at all; its kinds are "
              + String.join(", ", kinds)
              + JsonPatch.closest(target.kind(), kinds));
    }
    throw new PatchException(
        "no "
            + target
            + "; the "
            + target.kind()
            + " objects are "
            + String.join(", ", sameKind)
            + JsonPatch.closest(target.name(), sameKind));
  }
}
