package io.saltlab.topology;

import java.util.Objects;

/**
 * Where an environment variable's value comes from when it is not written in the lab: a key of a
 * Secret or ConfigMap that exists in the namespace, or a field of the pod itself.
 */
public sealed interface EnvSource
    permits EnvSource.SecretKey, EnvSource.ConfigMapKey, EnvSource.FromPod {

  /**
   * A key of an existing Secret.
   *
   * @param secretName the Secret
   * @param key the key in it
   */
  record SecretKey(String secretName, String key) implements EnvSource {
    /** Checks the parts. */
    public SecretKey {
      Objects.requireNonNull(secretName, "secretName");
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * A key of an existing ConfigMap.
   *
   * @param configMapName the ConfigMap
   * @param key the key in it
   */
  record ConfigMapKey(String configMapName, String key) implements EnvSource {
    /** Checks the parts. */
    public ConfigMapKey {
      Objects.requireNonNull(configMapName, "configMapName");
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * A field of the pod, through the downward API.
   *
   * @param field which field
   */
  record FromPod(PodField field) implements EnvSource {
    /** Checks the parts. */
    public FromPod {
      Objects.requireNonNull(field, "field");
    }
  }

  /** The pod fields a variable can hold, under the names spec files use. */
  enum PodField {
    /**
     * The pod's name; for a STATEFUL role {@code <role>-<ordinal>}, the member's stable name and
     * its Salt minion id.
     */
    podName("metadata.name"),
    /** The namespace. */
    namespace("metadata.namespace"),
    /** The pod's IP address. */
    podIP("status.podIP"),
    /** The name of the node the pod runs on. */
    nodeName("spec.nodeName"),
    /**
     * The member's ordinal (0, 1, 2...) of a STATEFUL role, from the {@code
     * apps.kubernetes.io/pod-index} label; from 1.28 (before, derive it from {@link #podName}).
     */
    memberOrdinal("metadata.labels['apps.kubernetes.io/pod-index']");

    private final String fieldPath;

    PodField(String fieldPath) {
      this.fieldPath = fieldPath;
    }

    /** The downward API's field path, for example {@code metadata.name}. */
    public String fieldPath() {
      return fieldPath;
    }
  }

  /**
   * A key of an existing Secret.
   *
   * @param secretName the Secret
   * @param key the key
   * @return the source
   */
  static EnvSource secretKey(String secretName, String key) {
    return new SecretKey(secretName, key);
  }

  /**
   * A key of an existing ConfigMap.
   *
   * @param configMapName the ConfigMap
   * @param key the key
   * @return the source
   */
  static EnvSource configMapKey(String configMapName, String key) {
    return new ConfigMapKey(configMapName, key);
  }

  /**
   * A field of the pod.
   *
   * @param field which one
   * @return the source
   */
  static EnvSource pod(PodField field) {
    return new FromPod(field);
  }
}
