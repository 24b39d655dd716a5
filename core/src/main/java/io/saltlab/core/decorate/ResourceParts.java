package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.builder.BaseFluent;
import io.fabric8.kubernetes.api.builder.Visitable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaFluent;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The builder of one Kubernetes object and the nested builders a {@link ResourceDecorator} changes
 * in place: its metadata, pod specs, containers and so on.
 *
 * <p>Nested builders are found by following each builder's own index of its children ({@code
 * BaseFluent._visitables}, the index fabric8's visitor walk follows), in the same order as that
 * walk, but without its per-node costs: no path lists, no visitor wrappers, no reflective type
 * checks. Every lookup reads the current tree, so a decorator sees what the decorators before it
 * added.
 */
public final class ResourceParts {

  /**
   * Whether builders of a class build a top-level object: like dekorate's {@code Metadata}
   * helpers, a class with a public {@code getKind()} and a {@code buildMetadata()} returning
   * {@link ObjectMeta}. Reflection runs once per class.
   */
  private static final ClassValue<Boolean> RESOURCE_BUILDER =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            Method kind = type.getMethod("getKind");
            Method metadata = type.getMethod("buildMetadata");
            return kind.getReturnType() == String.class && metadata.getReturnType() == ObjectMeta.class;
          } catch (NoSuchMethodException e) {
            return false;
          }
        }
      };

  private final VisitableBuilder<?, ?> resource;

  private ResourceParts(VisitableBuilder<?, ?> resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /**
   * The parts of an object's builder.
   *
   * @param resource the builder of a top-level object, such as a {@code DeploymentBuilder}
   * @return its parts
   */
  public static ResourceParts of(VisitableBuilder<?, ?> resource) {
    return new ResourceParts(resource);
  }

  /**
   * Whether a builder builds a top-level Kubernetes object (one with a kind and object metadata),
   * as opposed to a nested part such as a pod template or a container.
   *
   * @param builder any builder met while visiting
   * @return true for the builder of an object such as a Deployment or a Service
   */
  public static boolean isResource(Object builder) {
    return builder instanceof VisitableBuilder && RESOURCE_BUILDER.get(builder.getClass());
  }

  /**
   * The object's builder.
   *
   * @return the builder these parts belong to
   */
  public VisitableBuilder<?, ?> resource() {
    return resource;
  }

  /**
   * The object's own metadata (not that of its pod template).
   *
   * @return the metadata builder, or null when the object has none yet
   */
  public ObjectMetaFluent<?> metadata() {
    for (List<Visitable<?>> children : children(resource).values()) {
      for (Visitable<?> child : children) {
        if (child instanceof ObjectMetaFluent) {
          return (ObjectMetaFluent<?>) child;
        }
      }
    }
    return null;
  }

  /**
   * The object's {@code metadata.name}.
   *
   * @return the name, or null when not set
   */
  public String name() {
    ObjectMetaFluent<?> metadata = metadata();
    return metadata == null ? null : metadata.getName();
  }

  /**
   * Every builder of a type in the object, the object's own builder included, in the order of
   * fabric8's visitor walk (a builder before its children).
   *
   * @param type a builder or fluent type, such as {@code PodSpecFluent.class}
   * @param <T> the type
   * @return the matching builders; changing them changes the object
   */
  public <T> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>(2);
    collect(resource, type, found);
    return found;
  }

  private static <T> void collect(Object node, Class<T> type, List<T> found) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    if (!(node instanceof BaseFluent)) {
      return;
    }
    for (Map.Entry<String, List<Visitable<?>>> e : children(node).entrySet()) {
      List<Visitable<?>> list = e.getValue();
      // Indexed on purpose: a decorator never runs during this walk, but a copy would cost more.
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), type, found);
      }
    }
  }

  private static Map<String, List<Visitable<?>>> children(Object node) {
    return ((BaseFluent<?>) node)._visitables;
  }
}
