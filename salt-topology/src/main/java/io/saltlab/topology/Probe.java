package io.saltlab.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A readiness, liveness or startup probe: what is checked (a TCP connection, an HTTP GET, a
 * command) and, optionally, when and how often. Timings left unset are left out of the YAML, so the
 * API server's defaults apply (no delay, every 10 s, 1 s timeout, 1 success, 3 failures); a timing
 * set to its default is left out too.
 *
 * @param action what the probe checks
 * @param initialDelaySeconds seconds after the container starts before the first check
 * @param periodSeconds seconds between checks
 * @param timeoutSeconds seconds a check may take
 * @param successThreshold consecutive successes that count as passing (1 for liveness and startup
 *     probes)
 * @param failureThreshold consecutive failures that count as failing
 */
public record Probe(
    Action action,
    Optional<Integer> initialDelaySeconds,
    Optional<Integer> periodSeconds,
    Optional<Integer> timeoutSeconds,
    Optional<Integer> successThreshold,
    Optional<Integer> failureThreshold) {

  /** The API server's defaults, which are never written. */
  static final int DEFAULT_DELAY = 0;

  static final int DEFAULT_PERIOD = 10;
  static final int DEFAULT_TIMEOUT = 1;
  static final int DEFAULT_SUCCESS = 1;
  static final int DEFAULT_FAILURE = 3;

  /** Checks the parts. */
  public Probe {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(initialDelaySeconds, "initialDelaySeconds");
    Objects.requireNonNull(periodSeconds, "periodSeconds");
    Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
    Objects.requireNonNull(successThreshold, "successThreshold");
    Objects.requireNonNull(failureThreshold, "failureThreshold");
  }

  /** What a probe checks. */
  public sealed interface Action permits Tcp, Http, Exec {}

  /**
   * A TCP connection to a port.
   *
   * @param port the port, by name or number
   */
  public record Tcp(PortRef port) implements Action {
    /** Checks the parts. */
    public Tcp {
      Objects.requireNonNull(port, "port");
    }
  }

  /**
   * An HTTP GET that passes on a status from 200 to 399.
   *
   * @param path the request path, for example {@code /health}
   * @param port the port, by name or number
   * @param https whether the request uses HTTPS (the certificate is not checked)
   */
  public record Http(String path, PortRef port, boolean https) implements Action {
    /** Checks the parts. */
    public Http {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(port, "port");
    }
  }

  /**
   * A command run in the container that passes when it exits with 0.
   *
   * @param command the command and its arguments; no shell unless it names one
   */
  public record Exec(List<String> command) implements Action {
    /** Checks the parts and keeps an unmodifiable copy. */
    public Exec {
      command = List.copyOf(command);
    }
  }

  /**
   * A container port given by its name (one the container declares) or its number.
   *
   * @param name the port's name, or empty when given by number
   * @param number the port's number, or 0 when given by name
   */
  public record PortRef(Optional<String> name, int number) {
    /** Checks the parts. */
    public PortRef {
      Objects.requireNonNull(name, "name");
    }

    /**
     * A port by name.
     *
     * @param name a port the container declares, for example {@code http}
     * @return the reference
     */
    public static PortRef named(String name) {
      return new PortRef(Optional.of(name), 0);
    }

    /**
     * A port by number.
     *
     * @param number 1-65535
     * @return the reference
     */
    public static PortRef number(int number) {
      return new PortRef(Optional.empty(), number);
    }

    /** The name, or the number as text. */
    @Override
    public String toString() {
      return name.orElse(String.valueOf(number));
    }
  }

  private static Probe of(Action action) {
    return new Probe(
        action,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A TCP probe on a named port.
   *
   * @param port a port the container declares, for example {@code client}
   * @return the probe
   */
  public static Probe tcp(String port) {
    return of(new Tcp(PortRef.named(port)));
  }

  /**
   * A TCP probe on a port number.
   *
   * @param port 1-65535
   * @return the probe
   */
  public static Probe tcp(int port) {
    return of(new Tcp(PortRef.number(port)));
  }

  /**
   * An HTTP probe on a named port.
   *
   * @param path for example {@code /health}
   * @param port a port the container declares, for example {@code http}
   * @return the probe
   */
  public static Probe http(String path, String port) {
    return of(new Http(path, PortRef.named(port), false));
  }

  /**
   * An HTTP probe on a port number.
   *
   * @param path for example {@code /health}
   * @param port 1-65535
   * @return the probe
   */
  public static Probe http(String path, int port) {
    return of(new Http(path, PortRef.number(port), false));
  }

  /**
   * A command probe.
   *
   * @param command the command and its arguments, for example {@code zkOk.sh}
   * @return the probe
   */
  public static Probe exec(String... command) {
    return of(new Exec(List.of(command)));
  }

  /**
   * The same probe, waiting before its first check.
   *
   * @param seconds 0 or more
   * @return the probe
   */
  public Probe withInitialDelaySeconds(int seconds) {
    return new Probe(
        action,
        Optional.of(seconds),
        periodSeconds,
        timeoutSeconds,
        successThreshold,
        failureThreshold);
  }

  /**
   * The same probe, checking every so many seconds.
   *
   * @param seconds 1 or more
   * @return the probe
   */
  public Probe withPeriodSeconds(int seconds) {
    return new Probe(
        action,
        initialDelaySeconds,
        Optional.of(seconds),
        timeoutSeconds,
        successThreshold,
        failureThreshold);
  }

  /**
   * The same probe, with a check timeout.
   *
   * @param seconds 1 or more
   * @return the probe
   */
  public Probe withTimeoutSeconds(int seconds) {
    return new Probe(
        action,
        initialDelaySeconds,
        periodSeconds,
        Optional.of(seconds),
        successThreshold,
        failureThreshold);
  }

  /**
   * The same probe, passing after so many successes.
   *
   * @param count 1 or more (1 for liveness and startup probes)
   * @return the probe
   */
  public Probe withSuccessThreshold(int count) {
    return new Probe(
        action,
        initialDelaySeconds,
        periodSeconds,
        timeoutSeconds,
        Optional.of(count),
        failureThreshold);
  }

  /**
   * The same probe, failing after so many failures.
   *
   * @param count 1 or more
   * @return the probe
   */
  public Probe withFailureThreshold(int count) {
    return new Probe(
        action,
        initialDelaySeconds,
        periodSeconds,
        timeoutSeconds,
        successThreshold,
        Optional.of(count));
  }

  /**
   * The same HTTP probe over HTTPS.
   *
   * @return the probe
   * @throws IllegalStateException when the probe is not an HTTP probe
   */
  public Probe overHttps() {
    if (!(action instanceof Http h)) {
      throw new IllegalStateException("only an HTTP probe can use HTTPS, not " + action);
    }
    return new Probe(
        new Http(h.path(), h.port(), true),
        initialDelaySeconds,
        periodSeconds,
        timeoutSeconds,
        successThreshold,
        failureThreshold);
  }
}
