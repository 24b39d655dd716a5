package io.saltlab.core.internal.customize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.builder.Visitor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.saltlab.core.customize.Target;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One customization as {@link Customizer} applies it; made by {@code Customizations.Builder}. Each
 * carries the words that name it in messages ({@code source}).
 */
public sealed interface Step {

  /** How messages name this customization, for example {@code edit 1} or {@code lab.yaml:12:5}. */
  String source();

  /**
   * A typed edit: the target as an object of {@code type}, changed by {@code edit}.
   *
   * @param source how messages name it
   * @param target the object
   * @param type the fabric8 class the target is read as
   * @param edit the change; returns the changed object
   */
  record Edit(
      String source,
      Target target,
      Class<? extends HasMetadata> type,
      UnaryOperator<HasMetadata> edit)
      implements Step {}

  /**
   * fabric8 visitors on every object, as dekorate applies its decorators to a list.
   *
   * @param source how messages name it
   * @param visitors the visitors, applied in order
   */
  record VisitAll(String source, List<Visitor<?>> visitors) implements Step {}

  /**
   * A fabric8 visitor on one object's builder.
   *
   * @param source how messages name it
   * @param target the object
   * @param visitor the visitor
   */
  record VisitOne(String source, Target target, Visitor<?> visitor) implements Step {}

  /**
   * An RFC 6902 JSON patch on one object.
   *
   * @param source how messages name it
   * @param target the object
   * @param patch the checked patch
   */
  record Json(String source, Target target, JsonPatch patch) implements Step {}

  /**
   * A strategic-merge patch on one object.
   *
   * @param source how messages name it
   * @param target the object
   * @param patch the checked patch
   */
  record Merge(String source, Target target, StrategicMerge patch) implements Step {}

  /**
   * An object added to the output.
   *
   * @param source how messages name it
   * @param object the object, with apiVersion, kind and metadata.name
   */
  record Extra(String source, ObjectNode object) implements Step {}
}
