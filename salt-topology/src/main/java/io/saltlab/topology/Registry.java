package io.saltlab.topology;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The private Docker registry the lab's images come from, and the credentials of its pull
 * Secret (what {@code kubectl create secret docker-registry} takes).
 */
@Value.Immutable
public abstract class Registry {

  /** Host and optional port of the registry, for example {@code registry.example.com:5000}. */
  public abstract String server();

  /** The registry user the cluster pulls as. */
  public abstract String username();

  /** The user's password; printed as {@code ****} everywhere, stored only base64-encoded in the Secret. */
  @Value.Redacted
  public abstract SecretValue password();

  /** The e-mail kubectl records beside the credentials; optional. */
  public abstract Optional<String> email();

  /** Name of the rendered pull Secret; {@code registry-pull} unless set. */
  @Value.Default
  public String secretName() {
    return "registry-pull";
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Registry}; every attribute is set once. */
  public static class Builder extends ImmutableRegistry.Builder {}
}
