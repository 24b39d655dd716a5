package io.saltlab.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.internal.InOrder;
import io.saltlab.core.internal.yaml.YamlWriter;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationContext;
import io.saltlab.core.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns Kubernetes objects into {@link Manifests} for one target version: validates them against
 * the target's schema and the cross-object rules, sorts them by {@link ResourceOrder} and writes
 * YAML. Objects come as Jackson trees ({@link #renderTrees}) or as fabric8 objects ({@link
 * #render}); both forms are deliberate parts of the API, for tools that build or read Kubernetes
 * objects with those libraries.
 *
 * <p>Validation is on by default: output with any problem is never produced; instead a {@link
 * io.saltlab.core.validate.ManifestValidationException} lists every problem. Instances are
 * immutable and thread-safe; one renderer can serve many labs. Large inputs are converted and
 * written on every core ({@link InOrder}); the output does not depend on it.
 */
public final class ManifestRenderer {
  /**
   * Jackson's data binding is only used to turn fabric8 objects into trees; YAML text comes from
   * {@link YamlWriter}. Held apart so that rendering trees, as labs do, never creates it.
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
   * Renders finished fabric8 objects: converts each to a tree, validates unless turned off, writes
   * YAML. This method deliberately takes fabric8 kubernetes-model types, the typed face of
   * Kubernetes objects for users who build or edit them with fabric8.
   *
   * @param objects the objects, each already built; they are not modified
   * @return the rendered manifests in the fixed order
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   */
  public Manifests render(List<? extends HasMetadata> objects) {
    // One pass per object (tree, then its YAML) instead of two passes over all objects: each
    // object's tree is still in cache when it is written, and the cores never wait for the
    // slowest object of a first pass before starting the second. The YAML of a lab that then
    // fails validation is discarded.
    return finish(InOrder.map(objects, item -> written(Trees.MAPPER.valueToTree(item))));
  }

  /**
   * Renders objects already in tree form (for example read from YAML), sorting them into the fixed
   * order.
   *
   * <p>This method deliberately takes Jackson trees, the form saltlab renders from.
   *
   * @param trees one Jackson object node per Kubernetes object; not modified
   * @return the rendered manifests
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   */
  public Manifests renderTrees(List<? extends JsonNode> trees) {
    return finish(InOrder.map(trees, this::written));
  }

  /**
   * Renders objects produced on demand without holding them: each object is checked and its YAML
   * written to a spool file as it comes, and only its identity and what the cross-object rules need
   * are kept (see {@link io.saltlab.core.validate.TwoPassValidation}), so a lab of any size renders
   * in little memory. The source is asked twice when validating. The result gives the same files as
   * {@link #renderTrees} of the same objects, and a lab with problems fails with the same
   * exception.
   *
   * <p>This method deliberately takes Jackson trees (through {@link ObjectSource}), the form
   * saltlab renders from.
   *
   * @param source the objects, the same each time it is asked
   * @return the rendered manifests; close them to delete the spool file
   * @throws io.saltlab.core.validate.ManifestValidationException when validating and any problem is
   *     found; its message lists every problem
   * @throws io.saltlab.core.write.FolderException when the spool file cannot be written
   */
  public StreamedManifests renderStreamed(ObjectSource source) {
    return StreamedManifests.render(
        target,
        source,
        validating ? ManifestValidator.forTarget(target).withContext(context).twoPass() : null);
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
      report.requireValid();
    }
    List<RenderedResource> resources = new ArrayList<>(written);
    resources.sort(ResourceOrder.COMPARATOR);
    return new Manifests(target, resources, report);
  }
}
