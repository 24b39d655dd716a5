package io.saltlab.topology.spec;

import io.saltlab.topology.InvalidLabException;
import io.saltlab.topology.LabProblem;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.spec.internal.LabKeys;
import io.saltlab.topology.spec.internal.SpecDocument;
import io.saltlab.topology.spec.internal.SpecExtension;
import io.saltlab.topology.spec.internal.SpecSection;
import io.saltlab.topology.spec.internal.SpecValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads a lab spec file: YAML mirroring {@link SaltLab#builder()}, for labs kept as data rather
 * than code. See {@code examples/seed-lab.yaml} for every key.
 *
 * <pre>{@code
 * name: salt-lab                      # required; also the namespace unless 'namespace' is set
 * registry:
 *   server: registry.lab.local:5000
 *   username: lab
 *   passwordEnv: SALTLAB_REGISTRY_PASSWORD   # or passwordFile: secrets/registry-password
 *   email: lab@example.com            # optional
 *   secretName: registry-pull         # optional
 *   # existingSecret: registry-pull   # instead of username/password: a pull Secret already in the cluster
 * autosignTokenEnv: SALTLAB_AUTOSIGN_TOKEN  # or autosignTokenFile: ..., or existingAutosignSecret: NAME
 * master:
 *   image: registry.lab.local:5000/salt/master:3006.9
 *   hostRoot: /home/vagrant/salt      # optional: name, command, args, publishPort, returnPort, mountRoot
 *   node: kube0                       # the node holding the host paths
 * minionImage: registry.lab.local:5000/salt/minion:3006.9
 * roles:
 *   - name: zookeeper                 # optional: image, replicas, identity, command, args, ports, env, labels
 *     ports: [{name: client, port: 2181}]
 *     env: {ZOO_MY_ID: "1"}
 * }</pre>
 *
 * <p>Every key, its type, default and meaning is declared once ({@link LabKeys}); the reader walks
 * that definition and the JSON Schema {@code saltlab-lab.schema.json} that editors use is generated
 * from it. Parsing is strict: unknown keys (with a "did you mean" hint), duplicate keys, wrong
 * types (a number where text is expected must be quoted), anchors and aliases are errors; size and
 * nesting are bounded. Every problem is reported at once with its line and column, and the lab's
 * own checks ({@link InvalidLabException}) are mapped back to the lines of the file. Passwords are
 * never written in the spec: only the environment variable or file that holds them.
 */
public final class LabSpec {

  private LabSpec() {}

  /**
   * Reads a spec file, taking its password from this process's environment.
   *
   * @param file the spec file
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab read(Path file) {
    return read(file, System.getenv());
  }

  /**
   * Reads a spec file with a given environment (tests and tools pass their own).
   *
   * @param file the spec file; {@code passwordFile} is resolved against its folder
   * @param environment the variables {@code passwordEnv} may name
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab read(Path file, Map<String, String> environment) {
    return document(file, environment).lab();
  }

  /**
   * Reads a spec file and keeps its checked values, for a module that also reads its own section of
   * the file (such as {@code cluster:}, declared through {@link SpecExtension}).
   *
   * @param file the spec file; {@code passwordFile} is resolved against its folder
   * @param environment the variables {@code passwordEnv} may name
   * @return the lab and the document it was read from
   * @throws LabSpecException listing every problem of the file, with lines and columns
   */
  public static LabDocument document(Path file, Map<String, String> environment) {
    SpecDocument doc = SpecDocument.read(file, definition());
    return bind(doc, file.toAbsolutePath().getParent(), environment, null);
  }

  /**
   * Reads a spec file whose secrets may not be available here, for a drift check: a secret whose
   * environment variable is unset or whose file does not exist is replaced by {@code
   * standIn.apply(what)}, where {@code what} names the key and the variable or file (never a
   * value). A secret file that exists but breaks a rule is still an error. Never write such a lab's
   * output: its Secrets hold the stand-ins.
   *
   * @param file the spec file
   * @param environment the variables {@code passwordEnv} may name
   * @param standIn the value to use for a missing secret, given what is missing
   * @return the lab and the document it was read from (for a section such as {@code cluster:})
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static LabDocument documentWithoutSecrets(
      Path file, Map<String, String> environment, Function<String, SecretValue> standIn) {
    SpecDocument doc = SpecDocument.read(file, definition());
    return bind(
        doc,
        file.toAbsolutePath().getParent(),
        environment,
        Objects.requireNonNull(standIn, "standIn"));
  }

  /**
   * Parses spec text.
   *
   * @param text the YAML
   * @param source a name for messages, such as the file name
   * @param baseDirectory the folder {@code passwordFile} is relative to
   * @param environment the variables {@code passwordEnv} may name
   * @return the lab
   * @throws LabSpecException listing every problem, with lines and columns
   */
  public static SaltLab parse(
      String text, String source, Path baseDirectory, Map<String, String> environment) {
    return bind(SpecDocument.parse(text, source, definition()), baseDirectory, environment, null)
        .lab();
  }

  /** The lab's keys and those of every installed {@link SpecExtension}. */
  private static SpecSection definition() {
    return LabKeys.root(SpecExtension.installed());
  }

  private static LabDocument bind(
      SpecDocument doc,
      Path baseDirectory,
      Map<String, String> environment,
      Function<String, SecretValue> standIn) {
    SpecValue root = doc.root().orElse(null);
    if (root == null) {
      doc.check();
    }
    SaltLab.Builder builder =
        new LabBinder(baseDirectory, Map.copyOf(environment), standIn).lab(root);
    doc.check();
    try {
      return new LabDocument(builder.build(), doc);
    } catch (InvalidLabException e) {
      for (LabProblem p : e.problems()) {
        doc.problemAt(p.field(), p.toString().substring(p.field().length() + 2));
      }
      doc.check();
      throw e;
    }
  }
}
