package io.saltlab.cli;

import io.saltlab.cli.internal.args.Choice;
import io.saltlab.cli.internal.args.Converter;
import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.OptionGroup;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.topology.GitOps;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code --target V... --out DIR --layout L} options of {@code render} and {@code check}. An
 * option added to {@link #OPTIONS} is an option of both commands, in parsing and in help.
 */
final class TargetOptions {

  private TargetOptions() {}

  /** Parses {@code 1.36}, {@code v1.16} or {@code 1.9.4} with the core's rules and messages. */
  static final Converter<KubernetesVersion> VERSION = KubernetesVersion::of;

  /** A file or folder path; an empty or unreadable one is refused with the reason. */
  static final Converter<Path> PATH =
      text -> {
        if (text.isEmpty()) {
          throw new IllegalArgumentException("the path is empty");
        }
        try {
          return Path.of(text);
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException(PathEncoding.explain(e));
        }
      };

  /** The options of both commands. */
  static final OptionGroup OPTIONS = new OptionGroup();

  /** {@code -t, --target V}, repeatable. */
  static final Option<KubernetesVersion> TARGET =
      OPTIONS.add(
          Option.value(
                  "V",
                  VERSION,
                  "Kubernetes version to render for, 1.5 to 1.36; repeat for several. Default: the"
                      + " newest, 1.36.",
                  "-t",
                  "--target")
              .repeatable());

  /** {@code -o, --out DIR}. */
  static final Option<Path> OUT =
      OPTIONS.add(
          Option.value(
                  "DIR",
                  PATH,
                  "Output folder; each target goes into DIR/<V>/. Default: manifests.",
                  "-o",
                  "--out")
              .withDefault(Path.of("manifests")));

  /** {@code --layout files|stream}. */
  static final Option<Layout> LAYOUT =
      OPTIONS.add(
          Option.value(
                  "LAYOUT",
                  Choice.of(Layout.class),
                  "How objects are laid out in DIR/<V>/: files (one file per object) or stream (all"
                      + " of them in one manifests.yaml, as kubectl apply -f takes it);"
                      + " kustomization.yaml either way. check needs the layout render used."
                      + " Default: files.",
                  "--layout")
              .withDefault(Layout.files));

  /** {@code --gitops none|argocd|flux}. */
  static final Option<Engine> GITOPS =
      OPTIONS.add(
          Option.value(
                  "ENGINE",
                  Choice.of(Engine.class),
                  "Write the apply order for a GitOps engine: argocd (an"
                      + " argocd.argoproj.io/sync-wave annotation on every object: namespace, then"
                      + " Secrets and ConfigMaps, then the salt-master, then the roles) or flux"
                      + " (one folder per layer and a Flux Kustomization per layer in flux/, each"
                      + " dependsOn the one before). check needs the setting render used. Default:"
                      + " none.",
                  "--gitops")
              .withDefault(Engine.none));

  /** The GitOps engines of {@code --gitops}, by their command-line names. */
  enum Engine {
    /** No apply order written. */
    none,
    /** Argo CD sync waves. */
    argocd,
    /** Flux Kustomizations chained by dependsOn. */
    flux;

    /** The engine in the library's terms. */
    GitOps gitOps() {
      return GitOps.parse(name());
    }
  }

  /** The two forms of a target folder. */
  enum Layout {
    /** One file per object ({@code Manifests.files()}). */
    files,
    /** One multi-document {@code manifests.yaml} ({@code Manifests.streamFiles()}). */
    stream;

    /** The library's name for this layout. */
    io.saltlab.core.render.Layout library() {
      return this == stream
          ? io.saltlab.core.render.Layout.STREAM
          : io.saltlab.core.render.Layout.FILES;
    }
  }

  /**
   * The targets asked for, each once, in the order given; the default target when none is.
   *
   * @param args the parsed command line
   * @return at least one version
   */
  static List<KubernetesVersion> targets(ParsedArgs args) {
    List<KubernetesVersion> given = args.all(TARGET);
    if (given.isEmpty()) {
      return List.of(KubernetesVersion.DEFAULT);
    }
    return List.copyOf(new LinkedHashSet<>(given));
  }
}
