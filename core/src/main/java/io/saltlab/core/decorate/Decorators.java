package io.saltlab.core.decorate;

import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import java.util.List;

/**
 * Applies decorators to one object's builder, in the order given.
 *
 * <p>A {@link ResourceDecorator} is applied directly to the object's {@link ResourceParts}; any
 * other dekorate decorator goes through the builder's visitor walk ({@code builder.accept}), as
 * dekorate itself applies it. Both give the object dekorate would give.
 */
public final class Decorators {

  private Decorators() {}

  /**
   * Applies decorators to an object's builder.
   *
   * @param resource the builder of one top-level object
   * @param decorators the decorators, applied one after the other in this order
   */
  public static void apply(
      VisitableBuilder<?, ?> resource, List<? extends Decorator<?>> decorators) {
    ResourceParts parts = null;
    for (Decorator<?> d : decorators) {
      if (d instanceof ResourceDecorator) {
        if (parts == null) {
          parts = ResourceParts.of(resource);
        }
        ((ResourceDecorator) d).decorate(parts);
      } else {
        resource.accept(d);
      }
    }
  }
}
