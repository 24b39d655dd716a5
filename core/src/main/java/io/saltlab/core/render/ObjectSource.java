package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Kubernetes objects produced on demand, for {@link ManifestRenderer#renderStreamed}: a renderer
 * asks for them twice (once to index what the cross-object rules need, once to check and write each
 * object), so that it never holds every object's tree at once. Each call must give equal objects in
 * the same order; a lab's translation, which is deterministic, is such a source.
 *
 * <p>This interface deliberately speaks Jackson trees, the form saltlab renders from.
 */
@FunctionalInterface
public interface ObjectSource {
  /**
   * Gives every object, in order, to {@code sink}; the sink owns each tree it is given.
   *
   * @param sink receives one object node per Kubernetes object
   */
  void forEach(Consumer<? super JsonNode> sink);
}
