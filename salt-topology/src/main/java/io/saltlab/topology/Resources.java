package io.saltlab.topology;

import io.saltlab.core.Quantity;
import java.util.SortedMap;
import org.immutables.value.Value;

/**
 * Requests and limits of a container's resources, as Kubernetes quantities ({@code 500m}, {@code
 * 512Mi}, {@code 2e3}). Values are kept as written and checked when the lab is built (a request
 * above its limit, or {@code 1.5GB}, is reported with the field); they are rendered in the
 * canonical form the API server itself writes ({@code 1.5Gi} as {@code 1536Mi}).
 */
@Value.Immutable
public abstract class Resources {

  /** What the scheduler reserves for the container, by resource. */
  @Value.NaturalOrder
  public abstract SortedMap<ResourceName, String> requests();

  /** What the container may use at most, by resource. */
  @Value.NaturalOrder
  public abstract SortedMap<ResourceName, String> limits();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Resources}; {@code putRequests(ResourceName.CPU, "500m")} and so on. */
  public static class Builder extends ImmutableResources.Builder {
    /**
     * Sets a request from a parsed quantity.
     *
     * @param name the resource
     * @param quantity the amount
     * @return this builder
     */
    public Builder request(ResourceName name, Quantity quantity) {
      putRequests(name, quantity.toString());
      return this;
    }

    /**
     * Sets a limit from a parsed quantity.
     *
     * @param name the resource
     * @param quantity the amount
     * @return this builder
     */
    public Builder limit(ResourceName name, Quantity quantity) {
      putLimits(name, quantity.toString());
      return this;
    }
  }
}
