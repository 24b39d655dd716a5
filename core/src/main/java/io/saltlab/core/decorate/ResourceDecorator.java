package io.saltlab.core.decorate;

import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;

/**
 * Base of saltlab's decorators: one small change to the objects of a given name (or to every
 * object), made on the object's builder through its {@link ResourceParts}.
 *
 * <p>A subclass is a dekorate {@link Decorator}, so it can be handed to any builder's {@code
 * accept} like dekorate's own, alone or through a {@code KubernetesListBuilder}; it then acts on
 * every object builder the walk meets. {@link Decorators#apply} applies it more cheaply, straight
 * to one object's builder, without fabric8's visitor walk (whose reflective type checks and path
 * bookkeeping per node cost more than the change itself). Both ways make the same change.
 */
public abstract class ResourceDecorator extends Decorator<VisitableBuilder<?, ?>> {

  private final String resourceName;

  /**
   * Creates a decorator for the objects of a name.
   *
   * @param resourceName {@code metadata.name} of the objects to change, or {@code null} (or {@link
   *     Decorator#ANY}) for every object
   */
  protected ResourceDecorator(String resourceName) {
    this.resourceName = resourceName;
  }

  /**
   * The name of the objects this decorator changes.
   *
   * @return the name, or null for every object
   */
  public String resourceName() {
    return resourceName == null || resourceName.isEmpty() ? null : resourceName;
  }

  /**
   * The visited type, fixed so that fabric8's walk does not resolve it by reflection at every node.
   *
   * @return {@code VisitableBuilder.class}
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<VisitableBuilder<?, ?>> getType() {
    return (Class) VisitableBuilder.class;
  }

  /**
   * Visitor entry point: changes the builder if it builds a top-level object of the right name;
   * nested builders met by the walk are left alone.
   *
   * @param builder any builder met while visiting
   */
  @Override
  public final void visit(VisitableBuilder<?, ?> builder) {
    if (ResourceParts.isResource(builder)) {
      decorate(ResourceParts.of(builder));
    }
  }

  /**
   * Changes one object if its name matches.
   *
   * @param parts the object's builder and its parts
   */
  public final void decorate(ResourceParts parts) {
    String wanted = resourceName();
    if (wanted == null || wanted.equals(parts.name())) {
      change(parts);
    }
  }

  /**
   * Makes the change on an object whose name matched.
   *
   * @param parts the object's builder and its parts
   */
  protected abstract void change(ResourceParts parts);
}
