package io.saltlab.topology;

/**
 * Supplies a lab to tools that only know a class name, such as {@code saltlab render --class
 * com.acme.MyLab}: the tool loads the class from its classpath, creates it with its public
 * no-argument constructor and calls {@link #lab()}.
 *
 * <p>Keeping a lab in code (rather than a spec file) gives it the compiler's checks and lets it be
 * computed, for example one role per entry of a list. A provider that also implements {@code
 * io.saltlab.cluster.ClusterProvider} (module {@code saltlab-cluster}) adds the VMs and cluster
 * bootstrap under the lab.
 */
@FunctionalInterface
public interface LabProvider {

  /**
   * Builds the lab.
   *
   * @return the lab; building it may throw {@link InvalidLabException} listing every problem
   */
  SaltLab lab();
}
