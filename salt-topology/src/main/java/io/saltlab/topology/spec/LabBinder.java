package io.saltlab.topology.spec;

import io.saltlab.topology.AppRole;
import io.saltlab.topology.MinionIdentity;
import io.saltlab.topology.Registry;
import io.saltlab.topology.RolePort;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SaltMaster;
import io.saltlab.topology.SecretValue;
import io.saltlab.topology.spec.internal.SpecValue;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the lab from a spec file's checked values ({@link
 * io.saltlab.topology.spec.internal.LabKeys} decided what is there and of which type): sets each
 * builder attribute from its key, resolves the secrets, and builds nothing from a part that had a
 * problem.
 */
final class LabBinder {
  private final Path baseDirectory;
  private final Map<String, String> environment;
  private final Function<String, SecretValue> standIn;

  /**
   * A binder.
   *
   * @param baseDirectory the folder secret files are relative to
   * @param environment the variables secrets may be read from
   * @param standIn for a drift check without the secrets: the value of a secret whose variable is
   *     unset or whose file is absent, given what is missing; null to make that an error
   */
  LabBinder(
      Path baseDirectory, Map<String, String> environment, Function<String, SecretValue> standIn) {
    this.baseDirectory = baseDirectory;
    this.environment = environment;
    this.standIn = standIn;
  }

  /** The lab's builder, filled from the top level; built by the caller once the file is clean. */
  SaltLab.Builder lab(SpecValue lab) {
    SaltLab.Builder b = SaltLab.builder();
    lab.text("name").ifPresent(b::name);
    lab.text("namespace").ifPresent(b::namespace);
    lab.text("minionImage").ifPresent(b::minionImage);
    lab.text("clusterDomain").ifPresent(b::clusterDomain);
    lab.text("minionConfigDir").ifPresent(b::minionConfigDir);
    lab.flag("isolateNamespace").ifPresent(b::isolateNamespace);
    if (lab.has("existingAutosignSecret")) {
      // A Secret already in the cluster holds the token: none in the spec or its environment.
      lab.text("existingAutosignSecret").ifPresent(b::existingAutosignSecret);
    } else {
      secret(lab, "autosignTokenEnv", "autosignTokenFile").ifPresent(b::autosignToken);
    }
    lab.get("registry").map(this::registry).ifPresent(b::registry);
    lab.get("master").map(LabBinder::master).ifPresent(b::master);
    for (SpecValue role : lab.list("roles")) {
      AppRole r = role(role);
      if (r != null) {
        b.addRoles(r);
      }
    }
    if (lab.has("patches") || lab.has("objects")) {
      new CustomizationBinder(baseDirectory).customizations(lab).ifPresent(b::customizations);
    }
    return b;
  }

  private Registry registry(SpecValue r) {
    Registry.Builder b = Registry.builder();
    r.text("server").ifPresent(b::server);
    r.text("username").ifPresent(b::username);
    if (r.has("existingSecret")) {
      // A pull Secret already in the cluster: no credentials in the spec or its environment.
      r.text("existingSecret").ifPresent(name -> b.secretName(name).existingSecret(true));
    } else {
      r.text("email").ifPresent(b::email);
      r.text("secretName").ifPresent(b::secretName);
      secret(r, "passwordEnv", "passwordFile").ifPresent(b::password);
    }
    return r.clean() ? b.build() : null;
  }

  /**
   * A secret named by one of two keys: an environment variable or a file (relative to the spec).
   * The rule of the definition reports none or both; this reads the one given.
   */
  private Optional<SecretValue> secret(SpecValue m, String envKey, String fileKey) {
    if (m.has(envKey) == m.has(fileKey)) {
      return Optional.empty();
    }
    boolean env = m.has(envKey);
    Optional<SpecValue> chosen = m.get(env ? envKey : fileKey);
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    String name = chosen.get().asText();
    if (standIn != null) {
      String missing = missing(env, name, env ? envKey : fileKey);
      if (missing != null) {
        return Optional.of(standIn.apply(missing));
      }
    }
    try {
      return Optional.of(
          env
              ? SecretValue.fromEnv(name, environment)
              : SecretValue.fromFile(baseDirectory.resolve(name)));
    } catch (IllegalArgumentException e) {
      chosen.get().problem(e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * What is missing when a secret's variable is unset or its file absent, naming the key and the
   * variable or file (never a value); null when it is there, or not a name at all (which {@link
   * SecretValue} then refuses).
   */
  private String missing(boolean env, String name, String key) {
    if (env) {
      String v = environment.get(name);
      if ((v != null && !v.isEmpty()) || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        return null;
      }
      return SecretValue.isConventionalName(name)
          ? key + " (variable " + name + " is not set)"
          : key + " (its variable, name not shown, is not set)";
    }
    return Files.exists(baseDirectory.resolve(name), LinkOption.NOFOLLOW_LINKS)
        ? null
        : key + " (file " + name + " does not exist)";
  }

  private static SaltMaster master(SpecValue m) {
    SaltMaster.Builder b = SaltMaster.builder();
    m.text("name").ifPresent(b::name);
    m.text("image").ifPresent(b::image);
    m.text("node").ifPresent(b::node);
    m.texts("command").ifPresent(b::command);
    m.texts("args").ifPresent(b::args);
    m.whole("publishPort").ifPresent(b::publishPort);
    m.whole("returnPort").ifPresent(b::returnPort);
    m.text("hostRoot").ifPresent(b::hostRoot);
    m.text("mountRoot").ifPresent(b::mountRoot);
    SettingsBinder.master(m, b);
    return m.clean() ? b.build() : null;
  }

  private static AppRole role(SpecValue m) {
    AppRole.Builder b = AppRole.builder();
    m.text("name").ifPresent(b::name);
    m.text("identity").map(MinionIdentity::valueOf).ifPresent(b::identity);
    m.text("image").ifPresent(b::image);
    m.whole("replicas").ifPresent(b::replicas);
    m.texts("command").ifPresent(b::command);
    m.texts("args").ifPresent(b::addAllArgs);
    for (SpecValue port : m.list("ports")) {
      Optional<String> name = port.text("name");
      Optional<Integer> number = port.whole("port");
      if (name.isPresent() && number.isPresent()) {
        b.addPorts(RolePort.of(name.get(), number.get()));
      }
    }
    m.textMap("labels").ifPresent(b::putAllLabels);
    SettingsBinder.role(m, b);
    return m.clean() ? b.build() : null;
  }
}
