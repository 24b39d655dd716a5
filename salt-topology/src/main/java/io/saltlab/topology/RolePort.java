package io.saltlab.topology;

import org.immutables.value.Value;

/** A named container port of an app role, also exposed by the role's Service. */
@Value.Immutable
public abstract class RolePort {

  /**
   * The port's name (at most 15 characters, lower-case letters, digits and '-'), for example {@code
   * client}.
   */
  @Value.Parameter
  public abstract String name();

  /** The port number, 1-65535. */
  @Value.Parameter
  public abstract int port();

  /**
   * A port.
   *
   * @param name the port's name
   * @param port its number
   * @return the port
   */
  public static RolePort of(String name, int port) {
    return ImmutableRolePort.of(name, port);
  }
}
