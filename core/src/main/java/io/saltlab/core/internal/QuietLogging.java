package io.saltlab.core.internal;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J quiet in an application that has no logging set up. The schema validator saltlab uses
 * logs through SLF4J; with no provider on the classpath SLF4J prints three "no providers" lines on
 * stderr the first time anything logs, which a library must not do to its user.
 *
 * <p>Only when no provider is present and the application has not named one ({@code
 * slf4j.provider}) does this bind SLF4J's own no-operation provider, which is what SLF4J falls back
 * to anyway, just without the lines. An application with a provider (Logback, Log4j, slf4j-simple)
 * is left alone and gets the validator's log as usual. Binding happens once: the properties it sets
 * for that moment are removed again, and SLF4J's own diagnostics stay at warning level.
 */
public final class QuietLogging {
  private static final String PROVIDER = "slf4j.provider";
  private static final String VERBOSITY = "slf4j.internal.verbosity";
  private static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

  private static boolean done;

  private QuietLogging() {}

  /** Binds the no-operation provider when nothing else would be bound; later calls do nothing. */
  public static synchronized void ensure() {
    if (done) {
      return;
    }
    done = true;
    if (System.getProperty(PROVIDER) != null) {
      return;
    }
    try {
      if (ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
          .iterator()
          .hasNext()) {
        return;
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      return; // an SLF4J older than 2.0, or a broken provider: SLF4J reports that itself
    }
    String verbosity = System.getProperty(VERBOSITY);
    System.setProperty(PROVIDER, NOP_PROVIDER);
    if (verbosity == null) {
      // hides only SLF4J's "Attempting to load provider" note about the line above
      System.setProperty(VERBOSITY, "WARN");
    }
    try {
      LoggerFactory.getILoggerFactory();
    } finally {
      System.clearProperty(PROVIDER);
      if (verbosity == null) {
        System.clearProperty(VERBOSITY);
      }
    }
  }
}
