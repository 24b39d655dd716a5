package io.saltlab.cli;

import io.saltlab.core.KubernetesVersion;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --target V... --out DIR --layout L} options of {@code render} and {@code check}. */
final class TargetOptions {

  @Option(
      names = {"-t", "--target"},
      paramLabel = "V",
      converter = VersionConverter.class,
      description =
          "Kubernetes version to render for, 1.5 to 1.36; repeat for several. Default: the newest,"
              + " 1.36.")
  List<KubernetesVersion> targets = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "manifests",
      description = "Output folder; each target goes into DIR/<V>/. Default: ${DEFAULT-VALUE}.")
  Path out = Paths.get("manifests");

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "files",
      description =
          "How objects are laid out in DIR/<V>/: files (one file per object) or stream (all of them"
              + " in one manifests.yaml, as kubectl apply -f takes it); kustomization.yaml either"
              + " way. check needs the layout render used. Default: ${DEFAULT-VALUE}.")
  Layout layout = Layout.files;

  /** The two forms of a target folder. */
  enum Layout {
    /** One file per object ({@code Manifests.files()}). */
    files,
    /** One multi-document {@code manifests.yaml} ({@code Manifests.streamFiles()}). */
    stream
  }

  /**
   * The targets asked for, each once, in the order given; the default target when none is.
   *
   * @return at least one version
   */
  List<KubernetesVersion> targets() {
    if (targets.isEmpty()) {
      return List.of(KubernetesVersion.DEFAULT);
    }
    return List.copyOf(new LinkedHashSet<>(targets));
  }

  /** Parses {@code 1.36}, {@code v1.16} or {@code 1.9.4} with the core's rules and messages. */
  static final class VersionConverter implements ITypeConverter<KubernetesVersion> {
    @Override
    public KubernetesVersion convert(String value) {
      try {
        return KubernetesVersion.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
