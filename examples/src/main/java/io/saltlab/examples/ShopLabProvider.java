package io.saltlab.examples;

import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;
import io.saltlab.topology.SecretValue;
import java.util.Map;

/**
 * The shop lab ({@link ShopLab}) for {@code saltlab render --class
 * io.saltlab.examples.ShopLabProvider}: it reads the autosign token from the environment variable
 * {@code SALTLAB_AUTOSIGN_TOKEN}, as {@code examples/shop-lab.yaml} does, so that the two render
 * the same bytes.
 */
public final class ShopLabProvider implements LabProvider {

  /** The variable the autosign token is read from. */
  public static final String TOKEN_VARIABLE = "SALTLAB_AUTOSIGN_TOKEN";

  private final Map<String, String> environment;

  /** Creates the provider, reading this process's environment; tools call this by reflection. */
  public ShopLabProvider() {
    this(System.getenv());
  }

  /** A provider reading a given environment, as tests pass the spec reader theirs. */
  ShopLabProvider(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * The shop lab, its token read from {@code SALTLAB_AUTOSIGN_TOKEN}.
   *
   * @throws IllegalArgumentException naming the variable when it is unset or empty
   */
  @Override
  public SaltLab lab() {
    return ShopLab.lab(SecretValue.fromEnv(TOKEN_VARIABLE, environment));
  }
}
