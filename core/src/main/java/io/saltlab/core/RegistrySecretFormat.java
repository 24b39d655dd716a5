package io.saltlab.core;

/**
 * The two shapes of a registry pull Secret, as {@code kubectl create secret docker-registry} wrote
 * them over the years.
 */
public enum RegistrySecretFormat {
  /**
   * {@code kubernetes.io/dockercfg} with a {@code .dockercfg} key holding {@code
   * {"server":{"username","password","email","auth"}}}: what kubectl up to 1.8 produced and what
   * the seed lab committed.
   */
  DOCKERCFG("kubernetes.io/dockercfg", ".dockercfg"),

  /**
   * {@code kubernetes.io/dockerconfigjson} with a {@code .dockerconfigjson} key holding {@code
   * {"auths":{"server":{...}}}}: Docker's config.json format, what kubectl writes since 1.9.
   */
  DOCKERCONFIGJSON("kubernetes.io/dockerconfigjson", ".dockerconfigjson");

  private final String secretType;
  private final String dataKey;

  RegistrySecretFormat(String secretType, String dataKey) {
    this.secretType = secretType;
    this.dataKey = dataKey;
  }

  /** The Secret's {@code type} field. */
  public String secretType() {
    return secretType;
  }

  /** The key under {@code data} that holds the encoded credentials. */
  public String dataKey() {
    return dataKey;
  }
}
