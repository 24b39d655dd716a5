package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dekorate.kubernetes.decorator.Decorator;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.builder.VisitableBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.saltlab.core.InOrder;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.decorate.Decorators;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns fabric8 objects into {@link Manifests} for one target version: applies decorators in the
 * order given, converts each object to a tree, validates the trees against the target's schema and
 * the cross-object rules, sorts by {@link ResourceOrder} and writes YAML.
 *
 * <p>Validation is on by default: output with any problem is never produced; instead a {@link
 * io.saltlab.core.validate.ManifestValidationException} lists every problem. Instances are
 * immutable and thread-safe; one renderer can serve many labs. Large inputs are converted and
 * written on every core ({@link InOrder}); the output does not depend on it.
 */
public final class ManifestRenderer {
  /**
   * Jackson is only used to turn fabric8 objects into trees; YAML text comes from {@link
   * YamlWriter}. Held apart so that rendering trees, as labs do, never creates it.
   */
  private static final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final KubernetesVersion target;
  private final ValidationContext context;
  private final boolean validating;
  private final YamlWriter writer = new YamlWriter();

  /**
   * Creates a validating renderer for a target.
   *
   * @param target the cluster version the output is for
   */
  public ManifestRenderer(KubernetesVersion target) {
    this(target, ValidationContext.empty(), true);
  }

  private ManifestRenderer(
      KubernetesVersion target, ValidationContext context, boolean validating) {
    this.target = Objects.requireNonNull(target, "target");
    this.context = Objects.requireNonNull(context, "context");
    this.validating = validating;
    if (validating) {
      // The schema loads while the caller builds the objects to render.
      ManifestValidator.preload(target);
    }
  }

  /**
   * A renderer that also accepts references to objects that exist in the cluster but are not
   * rendered (a pull Secret kept out of git, a namespace created by someone else).
   *
   * @param existing the objects the validator may assume exist
   * @return a new renderer
   */
  public ManifestRenderer withContext(ValidationContext existing) {
    return new ManifestRenderer(target, existing, validating);
  }

  /**
   * A renderer that skips validation, for benchmarks and for tools that validate separately. Output
   * rendered this way carries no validation report.
   *
   * @return a new renderer
   */
  public ManifestRenderer withoutValidation() {
    return new ManifestRenderer(target, context, false);
  }

  /** The target version this renderer writes for. */
  public KubernetesVersion target() {
    return target;
  }

  /**
   * Decorates and renders objects.
   *
   * <p>Each object is decorated on its own builder (decorators never see two objects at once),
   * applying the decorators in the order given; see {@link Decorators#apply}.
   *
   * @param objects the objects, each already built; they are not modified
   * @param decorators transformations applied to every object, in this order
   * @return the rendered manifests in the fixed order
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   */
  public Manifests render(
      List<? extends HasMetadata> objects, List<? extends Decorator<?>> decorators) {
    if (decorators.isEmpty()) {
      return render(objects);
    }
    List<HasMetadata> decorated = new ArrayList<>(objects.size());
    for (HasMetadata object : objects) {
      decorated.add(decorate(object, decorators));
    }
    return render(decorated);
  }

  /**
   * Renders finished objects: converts each to a tree, validates unless turned off, writes YAML.
   *
   * @param objects the objects, each already built and decorated; they are not modified
   * @return the rendered manifests in the fixed order
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   */
  public Manifests render(List<? extends HasMetadata> objects) {
    // One pass per object (tree, then its YAML) instead of two passes over all objects: each
    // object's tree is still in cache when it is written, and the cores never wait for the
    // slowest object of a first pass before starting the second. The YAML of a lab that then
    // fails validation is discarded.
    return finish(InOrder.map(objects, item -> written(TreeGenerator.tree(Trees.MAPPER, item))));
  }

  private static HasMetadata decorate(HasMetadata object, List<? extends Decorator<?>> decorators) {
    if (object instanceof Editable) {
      Object builder = ((Editable<?>) object).edit();
      if (builder instanceof VisitableBuilder) {
        VisitableBuilder<?, ?> visitable = (VisitableBuilder<?, ?>) builder;
        Decorators.apply(visitable, decorators);
        return (HasMetadata) visitable.build();
      }
    }
    // An object class without a fabric8 builder: decorate it through a one-item list.
    KubernetesListBuilder list = new KubernetesListBuilder().addToItems(object);
    for (Decorator<?> decorator : decorators) {
      list.accept(decorator);
    }
    return list.build().getItems().get(0);
  }

  /**
   * Renders objects already in tree form (for example read from YAML), sorting them into the fixed
   * order.
   *
   * @param trees one Jackson object node per Kubernetes object; not modified
   * @return the rendered manifests
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   */
  public Manifests renderTrees(List<JsonNode> trees) {
    return finish(InOrder.map(trees, this::written));
  }

  private RenderedResource written(JsonNode tree) {
    return new RenderedResource(tree, writer.write(tree));
  }

  /**
   * Validates the written objects' trees (unless turned off) and sorts them into the fixed order.
   */
  private Manifests finish(List<RenderedResource> written) {
    ValidationReport report = null;
    if (validating) {
      List<JsonNode> trees = new ArrayList<>(written.size());
      for (RenderedResource r : written) {
        trees.add(r.tree());
      }
      report = ManifestValidator.forTarget(target).withContext(context).validate(trees);
      report.requireClean();
    }
    List<RenderedResource> resources = new ArrayList<>(written);
    resources.sort(ResourceOrder.COMPARATOR);
    return new Manifests(target, resources, report);
  }
}
