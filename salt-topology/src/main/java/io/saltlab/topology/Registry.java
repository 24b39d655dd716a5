package io.saltlab.topology;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The private Docker registry the lab's images come from, and the credentials of its pull Secret
 * (what {@code kubectl create secret docker-registry} takes).
 *
 * <p>Either saltlab renders the pull Secret from {@link #username()} and {@link #password()}, or
 * the lab names one that already exists in the namespace ({@link #existing(String, String)}), so
 * that credentials never pass through saltlab or the rendered files kept in git.
 */
@Value.Immutable
public abstract class Registry {

  /** Host and optional port of the registry, for example {@code registry.example.com:5000}. */
  public abstract String server();

  /**
   * The registry user the cluster pulls as; required for a rendered Secret. With an {@link
   * #existingSecret() existing Secret} it is optional and only used by the cluster bootstrap to log
   * its nodes in.
   */
  public abstract Optional<String> username();

  /**
   * The user's password; printed as {@code ****} everywhere, stored only base64-encoded in the
   * Secret. Required for a rendered Secret, refused with an {@link #existingSecret() existing} one.
   */
  @Value.Redacted
  public abstract Optional<SecretValue> password();

  /** The e-mail kubectl records beside the credentials; optional, only for a rendered Secret. */
  public abstract Optional<String> email();

  /** Name of the pull Secret the pods use; {@code registry-pull} unless set. */
  @Value.Default
  public String secretName() {
    return "registry-pull";
  }

  /**
   * Whether the pull Secret {@link #secretName()} already exists in the lab's namespace (made by
   * hand with {@code kubectl create secret docker-registry} or by a secret manager): saltlab then
   * renders no Secret, needs no password, and pods still name it in {@code imagePullSecrets}. False
   * unless set.
   */
  @Value.Default
  public boolean existingSecret() {
    return false;
  }

  /**
   * A registry whose pull Secret already exists in the cluster, so no credentials are needed.
   *
   * @param server host and optional port, for example {@code registry.example.com:5000}
   * @param secretName the existing pull Secret's name, for example {@code registry-pull}
   * @return the registry
   */
  public static Registry existing(String server, String secretName) {
    return builder().server(server).secretName(secretName).existingSecret(true).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Registry}; {@code from(registry)} starts from an existing one. */
  public static class Builder extends ImmutableRegistry.Builder {}
}
