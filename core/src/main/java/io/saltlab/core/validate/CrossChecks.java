package io.saltlab.core.validate;

import io.saltlab.core.internal.InOrder;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that no single-object schema can express: names and labels, references between objects
 * (Service to pods, workload selector to its template, pods to Secrets, ConfigMaps and volumes),
 * duplicates and namespaces. They run for every target, with or without a bundled schema.
 *
 * <p>The input is indexed once ({@link CrossIndex}); then the identity rules run over the whole
 * input, and every object and every pod template is checked on its own against the index by the
 * rule families ({@link MetadataChecks}, {@link ServiceChecks}, {@link DataChecks}, {@link
 * SelectorChecks}, {@link PodChecks}, {@link ReferenceChecks}), on every core for large inputs.
 * Problems keep the order of a sequential pass.
 */
final class CrossChecks {

  private CrossChecks() {}

  static void run(List<Manifest> manifests, ValidationContext context, List<Problem> out) {
    // The rule families' constants are initialized here, on the caller's thread: a class whose
    // initialization fails on a worker (out of memory there) would be unusable on every thread.
    initialize();
    CrossIndex index = CrossIndex.of(manifests, context);
    IdentityChecks.check(new CrossRun(index, out));
    for (List<Problem> found :
        InOrder.map(manifests, m -> objectProblems(index, m, index.templateByOwner.get(m)))) {
      out.addAll(found);
    }
    for (List<Problem> found : InOrder.map(index.templates, t -> templateProblems(index, t))) {
      out.addAll(found);
    }
  }

  /** Initializes the rule families on the caller's thread; see {@link #run}. */
  static void initialize() {
    for (Class<?> family :
        List.of(
            MetadataChecks.class,
            ServiceChecks.class,
            DataChecks.class,
            SelectorChecks.class,
            PodChecks.class,
            ReferenceChecks.class)) {
      try {
        MethodHandles.lookup().ensureInitialized(family);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The rules of one object against the index (all but its pod template's).
   *
   * @param template the object's own pod template, or null
   */
  static List<Problem> objectProblems(CrossIndex index, Manifest m, PodTemplate template) {
    CrossRun r = new CrossRun(index, new ArrayList<>(0));
    MetadataChecks.checkMetadata(r, m);
    if (m.isKind("Service")) {
      ServiceChecks.checkService(r, m);
    }
    if (m.isSecret() || m.isKind("ConfigMap")) {
      DataChecks.checkData(r, m);
    }
    SelectorChecks.checkWorkloadSelector(r, m, template);
    if (m.isKind("StatefulSet")) {
      ServiceChecks.checkStatefulSetService(r, m);
    }
    return r.out;
  }

  /** The rules of one pod template against the index. */
  static List<Problem> templateProblems(CrossIndex index, PodTemplate t) {
    CrossRun r = new CrossRun(index, new ArrayList<>(0));
    PodChecks.checkPodTemplate(r, t);
    return r.out;
  }
}
