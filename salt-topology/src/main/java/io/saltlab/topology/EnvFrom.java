package io.saltlab.topology;

import java.util.Objects;
import java.util.Optional;

/**
 * Every key of an existing Secret or ConfigMap as environment variables ({@code envFrom}, from
 * 1.6), optionally prefixed.
 *
 * @param secretName the Secret, or empty for a ConfigMap
 * @param configMapName the ConfigMap, or empty for a Secret
 * @param prefix text put before every key, or empty
 */
public record EnvFrom(
    Optional<String> secretName, Optional<String> configMapName, Optional<String> prefix) {

  /** Checks that exactly one source is named. */
  public EnvFrom {
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(configMapName, "configMapName");
    Objects.requireNonNull(prefix, "prefix");
    if (secretName.isPresent() == configMapName.isPresent()) {
      throw new IllegalArgumentException("an envFrom names either a Secret or a ConfigMap");
    }
  }

  /**
   * Every key of an existing Secret.
   *
   * @param secretName the Secret
   * @return the source
   */
  public static EnvFrom secret(String secretName) {
    return new EnvFrom(Optional.of(secretName), Optional.empty(), Optional.empty());
  }

  /**
   * Every key of an existing ConfigMap.
   *
   * @param configMapName the ConfigMap
   * @return the source
   */
  public static EnvFrom configMap(String configMapName) {
    return new EnvFrom(Optional.empty(), Optional.of(configMapName), Optional.empty());
  }

  /**
   * The same source with a prefix.
   *
   * @param text put before every key, for example {@code DB_}
   * @return the source
   */
  public EnvFrom withPrefix(String text) {
    return new EnvFrom(secretName, configMapName, Optional.of(text));
  }
}
