package io.saltlab.examples;

import io.saltlab.topology.LabProvider;
import io.saltlab.topology.SaltLab;

/**
 * The seed lab as a {@link LabProvider}, so that {@code saltlab render --class
 * io.saltlab.examples.SeedLabProvider} shows how a lab kept in code is handed to the command line.
 */
public final class SeedLabProvider implements LabProvider {

  /** Creates the provider; tools call this through reflection. */
  public SeedLabProvider() {}

  /** The seed lab with its example password. */
  @Override
  public SaltLab lab() {
    return SeedLab.lab();
  }
}
