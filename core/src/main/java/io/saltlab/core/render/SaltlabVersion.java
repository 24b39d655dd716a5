package io.saltlab.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The saltlab release that wrote a file, read once from a resource filtered at build time. */
public final class SaltlabVersion {
  private static final String VERSION = load();

  private SaltlabVersion() {}

  /** The saltlab version, for example {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        SaltlabVersion.class.getResourceAsStream("/io/saltlab/core/version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "saltlab-core is missing io/saltlab/core/version.properties; the jar is damaged");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
