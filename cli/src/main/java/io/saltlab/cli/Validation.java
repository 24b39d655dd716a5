package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.validate.BundledSchemas;
import io.saltlab.core.validate.ManifestValidator;
import io.saltlab.core.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the {@code validate} and {@code versions} commands need from a manifest validator, kept
 * small so that the validator of {@code io.saltlab.core.validate} can be plugged in with one line
 * in {@link #current()} once it is part of the build.
 *
 * <p>Until then {@link #current()} returns {@link #UNAVAILABLE}, and the commands say so instead
 * of pretending to validate.
 */
interface Validation {

  /** The validation of a build that has no validator: reports itself unavailable. */
  Validation UNAVAILABLE = new Unavailable();

  /**
   * The validation of this build. Wiring point: when {@code io.saltlab.core.validate} is merged,
   * return {@code new Backed((target, paths) -> { var r =
   * ManifestValidator.forTarget(target).validatePaths(paths.toArray(Path[]::new)); return new
   * Outcome(r.isClean(), r.format()); }, () -> Set.copyOf(BundledSchemas.versions()))} here.
   *
   * @return the validation to use, never {@code null}
   */
  static Validation current() {
    return new Backed(
        (target, paths) -> {
          ValidationReport r = ManifestValidator.forTarget(target).validatePaths(paths.toArray(Path[]::new));
          return new Outcome(r.isClean(), r.format());
        },
        () -> Set.copyOf(BundledSchemas.versions()));
  }

  /** Whether a validator is part of this build. */
  boolean available();

  /**
   * The targets whose schema the validator bundles.
   *
   * @return the set, or empty when this build cannot tell (no validator)
   */
  Optional<Set<KubernetesVersion>> bundledSchemas();

  /**
   * Validates manifest files or folders for a target.
   *
   * @param target the Kubernetes version to validate against
   * @param paths files or folders of YAML manifests
   * @return whether they are clean and the validator's report
   * @throws IllegalStateException when {@link #available()} is false
   */
  Outcome validate(KubernetesVersion target, List<Path> paths);

  /**
   * A validator's verdict.
   *
   * @param clean true when no problem was found
   * @param report the validator's own report, printed as is
   */
  record Outcome(boolean clean, String report) {
    /** Checks the report is present. */
    public Outcome {
      Objects.requireNonNull(report, "report");
    }
  }

  /** The function a real validator provides. */
  @FunctionalInterface
  interface Validator {
    /**
     * Validates.
     *
     * @param target the Kubernetes version
     * @param paths files or folders
     * @return the verdict
     */
    Outcome validate(KubernetesVersion target, List<Path> paths);
  }

  /** A validation backed by a real validator and its list of bundled schemas. */
  final class Backed implements Validation {
    private final Validator validator;
    private final java.util.function.Supplier<Set<KubernetesVersion>> bundled;

    /**
     * Creates it.
     *
     * @param validator validates paths for a target
     * @param bundled the targets whose schema is bundled
     */
    Backed(Validator validator, java.util.function.Supplier<Set<KubernetesVersion>> bundled) {
      this.validator = Objects.requireNonNull(validator, "validator");
      this.bundled = Objects.requireNonNull(bundled, "bundled");
    }

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public Optional<Set<KubernetesVersion>> bundledSchemas() {
      return Optional.of(new TreeSet<>(bundled.get()));
    }

    @Override
    public Outcome validate(KubernetesVersion target, List<Path> paths) {
      return validator.validate(target, paths);
    }
  }

  /** No validator: every question is answered with "not available", never with a guess. */
  final class Unavailable implements Validation {
    private Unavailable() {}

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public Optional<Set<KubernetesVersion>> bundledSchemas() {
      return Optional.empty();
    }

    @Override
    public Outcome validate(KubernetesVersion target, List<Path> paths) {
      throw new IllegalStateException("validator not available in this build");
    }
  }
}
