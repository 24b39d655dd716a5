package io.saltlab.topology;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.customize.Customizations;
import io.saltlab.core.render.Manifests;
import io.saltlab.core.validate.ValidationContext;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Salt-on-Kubernetes lab: a namespace, the registry its images come from, a salt-master and any
 * number of Salt-provisioned app roles. Build one with {@link #builder()}, then {@link
 * #render(String)} it for the Kubernetes version your cluster runs.
 *
 * <p>Building checks the whole lab and throws one {@link InvalidLabException} listing every
 * problem.
 */
@Value.Immutable
public abstract class SaltLab {

  /** The lab's name, a DNS-1123 label; labels every object ({@code app.kubernetes.io/part-of}). */
  public abstract String name();

  /** The namespace everything lives in; the lab's name unless set. */
  @Value.Default
  public String namespace() {
    return name();
  }

  /** The private registry and the credentials of the pull Secret. */
  public abstract Registry registry();

  /** The salt-master. */
  public abstract SaltMaster master();

  /**
   * The lab token that lets minions' keys be accepted without {@code auto_accept}: minions send it
   * as a grain and the master accepts keys whose grain matches. It is only ever written into a
   * Secret; printed as {@code ****}. At least 16 visible ASCII characters, for example read with
   * {@link SecretValue#fromEnv(String)}. Required unless {@link #existingAutosignSecret()} names a
   * Secret that already holds it; refused beside one.
   */
  @Value.Redacted
  public abstract Optional<SecretValue> autosignToken();

  /**
   * The name of a Secret already in the lab's namespace that holds the autosign token, made by hand
   * or by a secret manager, so that the token never passes through saltlab, its output or git:
   * saltlab then renders no autosign Secret and the pods mount this one. It must hold two keys,
   * {@value #AUTOSIGN_TOKEN_KEY} (the token on one line) and {@value LabNames#GRAINS_KEY} (the line
   * {@code saltlab_autosign_token: <token>}), for example:
   *
   * <pre>{@code
   * kubectl -n salt-lab create secret generic salt-master-autosign \
   *   --from-literal=saltlab_autosign_token="$TOKEN" \
   *   --from-literal=grains="saltlab_autosign_token: $TOKEN"
   * }</pre>
   *
   * Empty unless set.
   */
  public abstract Optional<String> existingAutosignSecret();

  /** The key of the autosign Secret that holds the token, on one line. */
  public static final String AUTOSIGN_TOKEN_KEY = SaltConfig.AUTOSIGN_GRAIN;

  /** The cluster's DNS domain, used in the master's address; {@code cluster.local} unless set. */
  @Value.Default
  public String clusterDomain() {
    return "cluster.local";
  }

  /**
   * The configuration directory of the minion images, where the minion reads {@code minion.d/} and
   * its {@code grains} file; {@code /etc/salt} unless set. Change it only together with the roles'
   * {@code --config-dir} argument, since the generated files are mounted here.
   */
  @Value.Default
  public String minionConfigDir() {
    return "/etc/salt";
  }

  /** The salt-minion base image that roles run unless they name their own. */
  public abstract String minionImage();

  /**
   * Whether the namespace is isolated by a NetworkPolicy: pods of the namespace reach each other
   * (and the salt-master's ports), nothing else gets in, except on the ports of roles exposed as
   * NodePort or LoadBalancer. Needs {@code networking.k8s.io/v1} (1.7) and a network plugin that
   * enforces policies. False unless set.
   */
  @Value.Default
  public boolean isolateNamespace() {
    return false;
  }

  /** The Salt-provisioned roles, in the order given (output is sorted by name anyway). */
  public abstract List<AppRole> roles();

  /**
   * What the lab changes in its translated objects beyond the typed model: typed fabric8 edits and
   * visitors, JSON and strategic-merge patches, extra objects, applied by {@link #render} after
   * translation and before validation (see {@link Customizations} for the order). None unless set;
   * a spec file's {@code patches:} and {@code objects:} become these.
   */
  @Value.Default
  public Customizations customizations() {
    return Customizations.none();
  }

  /**
   * The image a role runs: its own, else the lab's minion image.
   *
   * @param role one of this lab's roles
   * @return the image reference
   */
  public String imageOf(AppRole role) {
    return role.image().orElse(minionImage());
  }

  /**
   * The name minions use to reach the master: its Service's cluster DNS name, {@code
   * <master>.<namespace>.svc.<clusterDomain>}, for example {@code
   * salt-master.salt-lab.svc.cluster.local}.
   *
   * @return the master's fully qualified Service name
   */
  public String masterAddress() {
    return master().name() + "." + namespace() + ".svc." + clusterDomain();
  }

  /**
   * The master's generated Salt files, the same content its ConfigMap carries: its {@code master.d}
   * configuration (read at start), and under {@code saltlab/} the state and pillar top files, the
   * base state and pillar and the stale-key reactor (read when used, so they change without a
   * restart). Paths are relative to {@link SaltMaster#mountRoot()} in the pod, for example {@code
   * conf/master.d/saltlab.conf} or {@code saltlab/states/top.sls}; the configuration's {@code
   * file_roots}, {@code pillar_roots} and {@code reactor} name them there. The autosign token is
   * never among them. A lab too large for one ConfigMap has its per-role data in parts (files such
   * as {@code saltlab/pillar/saltlab/roles-003.sls}, from ConfigMaps {@link
   * LabNames#masterRolesConfigMap}), mounted into the same directory.
   *
   * @return relative path to file content, sorted by path
   */
  public java.util.SortedMap<String, String> saltFiles() {
    return MasterData.of(this).files();
  }

  /**
   * Renders the lab for a target version.
   *
   * @param target the cluster's version, for example {@code 1.36} or {@code 1.6}
   * @return the manifests, deterministic for the same lab and target
   * @throws io.saltlab.core.UnsupportedVersionException when the version is outside 1.5-1.36
   * @throws io.saltlab.core.customize.CustomizationException when a customization matches no object
   *     or cannot be applied
   */
  public Manifests render(String target) {
    return render(KubernetesVersion.of(target));
  }

  /**
   * Renders the lab for a target version.
   *
   * @param target the cluster's version
   * @return the manifests, deterministic for the same lab and target
   */
  public Manifests render(KubernetesVersion target) {
    return LabTranslator.render(this, target, ValidationContext.empty());
  }

  /**
   * Renders the lab for a target version, validating it with declarations of what the cluster
   * already holds (Secrets, ConfigMaps, namespaces the lab's objects refer to but that it does not
   * render), as {@code saltlab render --existing-secret} does.
   *
   * @param target the cluster's version
   * @param existing what the cluster holds; the lab's own existing pull Secret is added to it
   * @return the manifests, deterministic for the same lab and target
   */
  public Manifests render(KubernetesVersion target, ValidationContext existing) {
    return LabTranslator.render(this, target, existing);
  }

  /** Checks the whole lab once it is built; throws every problem at once. */
  @Value.Check
  protected void check() {
    List<LabProblem> problems = LabChecks.check(this);
    if (!problems.isEmpty()) {
      throw new InvalidLabException("lab '" + name() + "'", problems);
    }
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link SaltLab}; roles are added one by one. {@code from(lab)} copies a whole lab so a
   * test can change one part of it: a setter called afterwards replaces the copied value ({@code
   * roles(...)} replaces the list, {@code addRoles} appends). Defaulted values are copied as they
   * were, so {@code from(lab).name("b")} keeps the old namespace unless it is set too.
   */
  public static class Builder extends ImmutableSaltLab.Builder {}
}
