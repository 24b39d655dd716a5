package io.saltlab.core.decorate;

import io.fabric8.kubernetes.api.builder.BaseFluent;
import io.fabric8.kubernetes.api.builder.Visitable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaFluent;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The builder of one Kubernetes object and the nested builders a {@link ResourceDecorator} changes
 * in place: its metadata, pod specs, containers and so on.
 *
 * <p>Nested builders are found by following each builder's own index of its children ({@code
 * BaseFluent._visitables}, the index fabric8's visitor walk follows), in the same order as that
 * walk, but without its per-node costs: no path lists, no visitor wrappers, no reflective type
 * checks per node. A lookup does not descend into builders whose class cannot hold the type looked
 * for at any depth (a container holds no pod spec), which is read once per class from the builders'
 * field types. Every lookup reads the current tree, so a decorator sees what the decorators before
 * it added.
 */
public final class ResourceParts {

  /**
   * Whether builders of a class build a top-level object: like dekorate's {@code Metadata} helpers,
   * a class with a public {@code getKind()} and a {@code buildMetadata()} returning {@link
   * ObjectMeta}. Reflection runs once per class.
   */
  private static final ClassValue<Boolean> RESOURCE_BUILDER =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          try {
            Method kind = type.getMethod("getKind");
            Method metadata = type.getMethod("buildMetadata");
            return kind.getReturnType() == String.class
                && metadata.getReturnType() == ObjectMeta.class;
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
    if (!(node instanceof BaseFluent) || !mayContain(node.getClass(), type)) {
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

  /**
   * The builder classes a builder class keeps as children: the element classes of its fields that
   * hold builders ({@code ContainerBuilder}, {@code ArrayList<VolumeBuilder>}...), read once per
   * class. Null when a field may hold builders of any class (its declared type is an interface or
   * abstract, as the items of a list).
   */
  private static final ClassValue<Class<?>[]> CHILD_CLASSES =
      new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
          Set<Class<?>> children = new LinkedHashSet<>();
          for (Class<?> c = type;
              c != null && c != BaseFluent.class && c != Object.class;
              c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
              if (Modifier.isStatic(f.getModifiers())) {
                continue;
              }
              Class<?> element = elementClass(f.getGenericType());
              if (element == null) {
                return null;
              }
              if (!Visitable.class.isAssignableFrom(element)) {
                // Plain values: the builder never indexes them as children.
                continue;
              }
              if (element.isInterface() || Modifier.isAbstract(element.getModifiers())) {
                return null;
              }
              children.add(element);
            }
          }
          return children.toArray(new Class<?>[0]);
        }
      };

  /**
   * By type looked for, then by builder class: whether builders of the class can have, at any depth
   * below them, a builder of the type.
   */
  private static final ClassValue<ClassValue<Boolean>> MAY_CONTAIN =
      new ClassValue<>() {
        @Override
        protected ClassValue<Boolean> computeValue(Class<?> type) {
          return new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> holder) {
              return reaches(holder, type, new HashSet<>());
            }
          };
        }
      };

  private static boolean mayContain(Class<?> holder, Class<?> type) {
    return MAY_CONTAIN.get(type).get(holder);
  }

  private static boolean reaches(Class<?> holder, Class<?> type, Set<Class<?>> seen) {
    Class<?>[] children = CHILD_CLASSES.get(holder);
    if (children == null) {
      return true;
    }
    for (Class<?> child : children) {
      if (type.isAssignableFrom(child)) {
        return true;
      }
      if (seen.add(child) && reaches(child, type, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class a field's values have: the field's own class, or the element class of a collection or
   * the value class of a map. Null when it cannot be told (a type variable, or a wildcard without a
   * class bound).
   */
  private static Class<?> elementClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && args.length == 1) {
        return elementClass(args[0]);
      }
      if (Map.class.isAssignableFrom(raw) && args.length == 2) {
        return elementClass(args[1]);
      }
      return raw;
    }
    if (type instanceof WildcardType) {
      Type[] upper = ((WildcardType) type).getUpperBounds();
      return upper.length == 1 ? elementClass(upper[0]) : null;
    }
    return null;
  }

  private static Map<String, List<Visitable<?>>> children(Object node) {
    return ((BaseFluent<?>) node)._visitables;
  }
}
