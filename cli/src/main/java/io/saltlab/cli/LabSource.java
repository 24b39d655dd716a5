package io.saltlab.cli;

import io.saltlab.cli.internal.args.Option;
import io.saltlab.cli.internal.args.OptionGroup;
import io.saltlab.cli.internal.args.ParsedArgs;
import io.saltlab.cluster.ClusterProvider;
import io.saltlab.cluster.ClusterSpec;
import io.saltlab.cluster.LabCluster;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.examples.SeedLabProvider;
import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.spec.LabDocument;
import io.saltlab.topology.spec.LabSpec;
import io.saltlab.topology.spec.LabSpecException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --lab FILE | --class NAME} options shared by the commands that render, and the loading
 * of the chosen lab. Neither given: the built-in seed lab.
 */
final class LabSource {

  /** The options of every command that reads a lab. */
  static final OptionGroup OPTIONS = new OptionGroup();

  /** {@code --lab FILE}. */
  static final Option<Path> SPEC =
      OPTIONS.add(
          Option.value(
              "FILE",
              TargetOptions.PATH,
              "Lab spec file (YAML), for example examples/seed-lab.yaml.",
              "--lab"));

  /** {@code --class NAME}. */
  static final Option<String> CLASS =
      OPTIONS.add(
          Option.value(
              "NAME",
              text -> text,
              "Class on the classpath implementing io.saltlab.topology.LabProvider, for example"
                  + " com.acme.MyLab.",
              "--class"));

  static {
    OPTIONS.exclusive(SPEC, CLASS);
  }

  private final Path spec;
  private final String className;

  private LabSource(Path spec, String className) {
    this.spec = spec;
    this.className = className;
  }

  /**
   * The lab a command line names.
   *
   * @param args the parsed command line of a command that includes {@link #OPTIONS}
   * @return the source
   */
  static LabSource of(ParsedArgs args) {
    return new LabSource(args.get(SPEC), args.get(CLASS));
  }

  /**
   * Whether neither {@code --lab} nor {@code --class} was given, so the built-in seed lab is used.
   *
   * @return true for the built-in lab
   */
  boolean isBuiltIn() {
    return spec == null && className == null;
  }

  /** Said on stderr whenever the built-in lab is rendered: its credentials are examples. */
  static final String EXAMPLE_CREDENTIALS_NOTE =
      "note: the built-in seed lab uses example credentials (registry password and autosign token"
          + " are placeholders, not secrets); give --lab FILE or --class NAME to render your own"
          + " lab";

  /**
   * What the lab is called in messages.
   *
   * @return {@code spec FILE}, {@code class NAME} or {@code the built-in seed lab}
   */
  String describe() {
    if (spec != null) {
      return "spec " + spec;
    }
    if (className != null) {
      return "class " + className;
    }
    return "the built-in seed lab";
  }

  /**
   * Loads the lab.
   *
   * @param environment the variables a spec file may read its password from
   * @return the lab
   * @throws CliException when the lab cannot be loaded or is invalid
   */
  Loaded load(Map<String, String> environment) {
    return loading(
        () -> {
          if (spec != null) {
            ClusterSpec.Read read = ClusterSpec.read(spec, environment);
            return new Loaded(read.lab(), read.cluster());
          }
          if (className != null) {
            return fromClass(className);
          }
          SeedLabProvider seed = new SeedLabProvider();
          return new Loaded(seed.lab(), Optional.of(seed));
        });
  }

  /** Stand-ins for missing secrets: equal lengths, so both renders have the same shape. */
  private static final String STAND_IN_A = "saltlab-stand-in-" + "a".repeat(32);

  private static final String STAND_IN_B = "saltlab-stand-in-" + "b".repeat(32);

  /**
   * The lab for {@code check}, which needs no secrets: a spec file's secrets that are not available
   * here (variable unset, file absent) get stand-ins, twice, so that the values derived from them
   * are known and left out of the comparison. A lab class or the seed lab is loaded as it is.
   *
   * @param environment the variables a spec file may read its secrets from
   * @param requireSecrets whether a missing secret is an error, as for {@code render}
   * @return the lab twice (the same one when nothing is missing) and what is missing
   */
  ForCheck loadForCheck(Map<String, String> environment, boolean requireSecrets) {
    if (spec == null || requireSecrets) {
      Loaded lab = load(environment);
      return new ForCheck(lab, lab, List.of());
    }
    List<String> missing = new ArrayList<>();
    Loaded first =
        loading(
            () ->
                withCluster(
                    LabSpec.documentWithoutSecrets(
                        spec,
                        environment,
                        where -> {
                          missing.add(where);
                          return SecretValue.of(STAND_IN_A);
                        })));
    if (missing.isEmpty()) {
      return new ForCheck(first, first, List.of());
    }
    Loaded second =
        loading(
            () ->
                withCluster(
                    LabSpec.documentWithoutSecrets(
                        spec, environment, where -> SecretValue.of(STAND_IN_B))));
    return new ForCheck(first, second, missing);
  }

  /**
   * A lab loaded for {@code check}.
   *
   * @param lab the lab, with the first stand-ins
   * @param standIn the same lab with the second stand-ins
   * @param missing the secrets not available, by key and variable or file (never a value)
   */
  record ForCheck(Loaded lab, Loaded standIn, List<String> missing) {}

  /** A spec file's lab with the cluster its {@code cluster:} section describes, if any. */
  private static Loaded withCluster(LabDocument document) {
    return new Loaded(document.lab(), ClusterSpec.of(document));
  }

  private Loaded loading(java.util.function.Supplier<Loaded> load) {
    try {
      return load.get();
    } catch (LabSpecException e) {
      throw new CliException(
          e.headline(),
          e.problemLines(),
          "fix the spec file; every key is described in examples/seed-lab.yaml",
          ExitCodes.INPUT);
    } catch (InvalidLabException e) {
      List<String> lines = new ArrayList<>();
      for (LabProblem p : e.problems()) {
        lines.add(p.toString());
      }
      String headline = e.getMessage().lines().findFirst().orElse("the lab is invalid");
      throw new CliException(
          headline, lines, "fix the fields listed above in " + describe(), ExitCodes.INPUT);
    }
  }

  /**
   * A lab and what may add a cluster to it: a spec file's {@code cluster:} section, or a provider
   * class that also implements {@link ClusterProvider}.
   */
  record Loaded(SaltLab lab, Optional<ClusterProvider> clusters) {
    /**
     * The lab's cluster for a target, if any.
     *
     * @param target the Kubernetes version
     * @return the cluster or empty
     */
    Optional<LabCluster> cluster(KubernetesVersion target) {
      return clusters.flatMap(p -> p.cluster(lab, target));
    }
  }

  private static Loaded fromClass(String name) {
    Class<?> type;
    try {
      // Not initialized yet: no static code of a class that is not a lab provider ever runs.
      type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new CliException(
          "class " + name + " not found on the classpath",
          "java -jar uses only saltlab.jar; add your classes with: java -cp saltlab.jar:my-lab.jar"
              + " io.saltlab.cli.Main render --class "
              + name);
    }
    if (!LabProvider.class.isAssignableFrom(type)) {
      throw new CliException(
          "class " + name + " does not implement " + LabProvider.class.getName(),
          "declare it as 'public class "
              + type.getSimpleName()
              + " implements LabProvider' with a public no-argument constructor");
    }
    LabProvider provider;
    try {
      Constructor<?> constructor = type.getConstructor();
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        throw new NoSuchMethodException();
      }
      provider = (LabProvider) constructor.newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new CliException(
          "class "
              + name
              + " cannot be created: it needs to be a public, concrete class with a public"
              + " no-argument constructor",
          "add 'public " + type.getSimpleName() + "() {}'");
    } catch (InvocationTargetException | ExceptionInInitializerError e) {
      throw failedIn(name, e.getCause());
    }
    SaltLab lab;
    try {
      lab = provider.lab();
    } catch (InvalidLabException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failedIn(name, e);
    }
    if (lab == null) {
      throw new CliException(
          "class " + name + " returned no lab (null)", "return the built SaltLab from lab()");
    }
    return new Loaded(
        lab,
        provider instanceof ClusterProvider clusters ? Optional.of(clusters) : Optional.empty());
  }

  private static CliException failedIn(String name, Throwable cause) {
    String what =
        cause == null
            ? "unknown error"
            : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
    return new CliException(
        "lab class " + name + " failed: " + what, "fix the class and run again");
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
  }
}
