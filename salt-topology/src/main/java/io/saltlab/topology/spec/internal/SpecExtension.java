package io.saltlab.topology.spec.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A top-level section of lab spec files owned by another module, such as {@code cluster:} from
 * saltlab-cluster. Registered with {@link ServiceLoader} ({@code
 * META-INF/services/io.saltlab.topology.spec.internal.SpecExtension}): every spec reader on a
 * classpath holding the module then accepts the section and checks it strictly like the rest, and
 * the generated JSON Schema includes it. The module reads its section's values with {@link
 * SpecDocument#section(String)}.
 */
public interface SpecExtension {

  /**
   * The top-level key, usually optional, with its definition (typically a {@link SpecSection}).
   *
   * @return the key
   */
  SpecKey key();

  /**
   * The extensions on this class loader's classpath, sorted by key.
   *
   * @return the installed extensions, loaded once
   */
  static List<SpecExtension> installed() {
    return Installed.ALL;
  }

  /** Loaded once: the classpath does not change while a program runs. */
  final class Installed {
    static final List<SpecExtension> ALL = load();

    private Installed() {}

    private static List<SpecExtension> load() {
      List<SpecExtension> out = new ArrayList<>();
      ServiceLoader.load(SpecExtension.class, SpecExtension.class.getClassLoader())
          .forEach(out::add);
      out.sort(Comparator.comparing(e -> e.key().name()));
      return List.copyOf(out);
    }
  }
}
