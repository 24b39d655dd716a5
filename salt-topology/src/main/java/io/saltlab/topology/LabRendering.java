package io.saltlab.topology;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.ManifestRenderer;
import io.saltlab.core.render.Manifests;
import java.util.List;

/**
 * The stages of {@link SaltLab#render(KubernetesVersion)}, one at a time, for benchmarks and for
 * tools that time, reuse or inspect them:
 *
 * <ol>
 *   <li>build the model ({@link SaltLab#builder()}, which checks the lab);
 *   <li>{@link #translate}: the lab's fabric8 objects for a target, every decorator applied;
 *   <li>{@link #render}: objects to trees to YAML with a {@link ManifestRenderer}, which validates
 *       unless made with {@link ManifestRenderer#withoutValidation()};
 *   <li>validation on its own: {@code ManifestValidator.forTarget(target).validate(trees)} on the
 *       trees of {@link Manifests#resources()}.
 * </ol>
 *
 * <p>For a lab whose pull Secret is rendered (not {@code Registry.existing}), {@code
 * render(translate(lab, target), new ManifestRenderer(target))} is exactly {@code
 * lab.render(target)}.
 */
public final class LabRendering {

  private LabRendering() {}

  /**
   * Translates a lab into finished fabric8 objects for a target: workloads, Services, ConfigMaps,
   * Secrets and the namespace, with the per-workload and lab-wide decorators applied, not yet
   * validated nor sorted.
   *
   * @param lab the lab
   * @param target the cluster version
   * @return the objects, in translation order; the caller owns them
   */
  public static List<HasMetadata> translate(SaltLab lab, KubernetesVersion target) {
    return LabTranslator.translate(lab, target);
  }

  /**
   * Renders translated objects.
   *
   * @param objects the result of {@link #translate}
   * @param renderer a renderer for the same target (validating or not)
   * @return the manifests
   * @throws io.saltlab.core.validate.ManifestValidationException when the renderer validates and
   *     finds a problem
   */
  public static Manifests render(List<HasMetadata> objects, ManifestRenderer renderer) {
    return renderer.render(objects);
  }
}
