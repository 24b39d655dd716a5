package io.saltlab.core.validate;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cluster is declared to hold already, beyond the documents being validated: namespaces,
 * Secrets and ConfigMaps that references may point to (for example an image pull secret created by
 * hand with {@code kubectl create secret docker-registry}).
 *
 * <p>The namespaces every cluster has ({@code default}, {@code kube-system}, {@code kube-public},
 * {@code kube-node-lease}) always count as existing. Instances are immutable; use {@link
 * #builder()}.
 */
public final class ValidationContext {

  private static final Set<String> BUILT_IN_NAMESPACES =
      Set.of("default", "kube-system", "kube-public", "kube-node-lease");
  private static final ValidationContext EMPTY = new Builder().build();

  private final Set<String> namespaces;
  private final Set<String> secrets;
  private final Set<String> configMaps;
  private final Set<String> hostPathRoots;

  private ValidationContext(Builder b) {
    this.namespaces = Collections.unmodifiableSet(new TreeSet<>(b.namespaces));
    this.secrets = Collections.unmodifiableSet(new TreeSet<>(b.secrets));
    this.configMaps = Collections.unmodifiableSet(new TreeSet<>(b.configMaps));
    this.hostPathRoots = Collections.unmodifiableSet(new TreeSet<>(b.hostPathRoots));
  }

  /**
   * The node directories under which hostPath volumes are expected (a lab's roots); a hostPath
   * elsewhere is a warning. Empty when none are declared, and then no hostPath is warned about.
   *
   * @return the roots, sorted
   */
  public Set<String> hostPathRoots() {
    return hostPathRoots;
  }

  /**
   * A context that declares nothing beyond the built-in namespaces.
   *
   * @return the empty context
   */
  public static ValidationContext empty() {
    return EMPTY;
  }

  /**
   * Starts a context.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a namespace is declared or built in.
   *
   * @param namespace the namespace name
   * @return true if it exists outside the documents
   */
  public boolean hasNamespace(String namespace) {
    return BUILT_IN_NAMESPACES.contains(namespace) || namespaces.contains(namespace);
  }

  /**
   * Whether a Secret is declared.
   *
   * @param namespace its namespace
   * @param name its name
   * @return true if declared as existing
   */
  public boolean hasSecret(String namespace, String name) {
    return secrets.contains(namespace + "/" + name);
  }

  /**
   * Whether a ConfigMap is declared.
   *
   * @param namespace its namespace
   * @param name its name
   * @return true if declared as existing
   */
  public boolean hasConfigMap(String namespace, String name) {
    return configMaps.contains(namespace + "/" + name);
  }

  /** Collects declarations for a {@link ValidationContext}. */
  public static final class Builder {
    private final Set<String> namespaces = new TreeSet<>();
    private final Set<String> secrets = new TreeSet<>();
    private final Set<String> configMaps = new TreeSet<>();
    private final Set<String> hostPathRoots = new TreeSet<>();

    private Builder() {}

    /**
     * Declares a node directory under which hostPath volumes belong (for example a lab's root
     * {@code /srv/salt}); once any is declared, a hostPath outside all of them is a warning.
     *
     * @param root an absolute directory on the nodes
     * @return this builder
     */
    public Builder hostPathRoot(String root) {
      hostPathRoots.add(root);
      return this;
    }

    /**
     * Adds every declaration of another context.
     *
     * @param other the declarations to add
     * @return this builder
     */
    public Builder include(ValidationContext other) {
      namespaces.addAll(other.namespaces);
      secrets.addAll(other.secrets);
      configMaps.addAll(other.configMaps);
      hostPathRoots.addAll(other.hostPathRoots);
      return this;
    }

    /**
     * Declares that a namespace exists in the cluster.
     *
     * @param namespace the namespace name
     * @return this builder
     */
    public Builder existingNamespace(String namespace) {
      namespaces.add(namespace);
      return this;
    }

    /**
     * Declares that a Secret exists in the cluster.
     *
     * @param namespace its namespace
     * @param name its name
     * @return this builder
     */
    public Builder existingSecret(String namespace, String name) {
      secrets.add(namespace + "/" + name);
      return this;
    }

    /**
     * Declares that a ConfigMap exists in the cluster.
     *
     * @param namespace its namespace
     * @param name its name
     * @return this builder
     */
    public Builder existingConfigMap(String namespace, String name) {
      configMaps.add(namespace + "/" + name);
      return this;
    }

    /**
     * Freezes the declarations.
     *
     * @return the context
     */
    public ValidationContext build() {
      return new ValidationContext(this);
    }
  }
}
