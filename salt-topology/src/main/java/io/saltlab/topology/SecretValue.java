package io.saltlab.topology;

import io.saltlab.core.internal.files.RefusedFileException;
import io.saltlab.core.internal.files.SafeRead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A credential (registry password, token) that never shows itself: {@code toString}, error messages
 * and logs only say where it came from.
 *
 * <p>Load it from an environment variable or a file so that it stays out of source code; a literal
 * is for tests and throw-away labs.
 */
public final class SecretValue {
  /** The most bytes a secret file may hold: a password or token, never a document. */
  public static final long MAX_FILE_BYTES = 4096;

  /** What an environment variable's name looks like (POSIX): letters, digits, '_'. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final Pattern CONVENTIONAL_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

  private final String value;
  private final String source;

  private SecretValue(String value, String source) {
    this.value = value;
    this.source = source;
  }

  /**
   * A secret given in clear, for tests and throw-away labs.
   *
   * @param clearText the secret; must not be empty
   * @return the secret
   * @throws IllegalArgumentException when empty
   */
  public static SecretValue of(String clearText) {
    if (clearText == null || clearText.isEmpty()) {
      throw new IllegalArgumentException(
          "secret value is empty; expected a non-empty password or token");
    }
    return new SecretValue(clearText, "a literal");
  }

  /**
   * A secret read now from an environment variable of this process.
   *
   * @param variable the variable's name, for example {@code SALTLAB_REGISTRY_PASSWORD}
   * @return the secret
   * @throws IllegalArgumentException when the variable is unset or empty
   */
  public static SecretValue fromEnv(String variable) {
    return fromEnv(variable, System.getenv());
  }

  /**
   * A secret read from a given environment (lets tests and tools pass their own).
   *
   * @param variable the variable's name
   * @param environment the variables to read from
   * @return the secret
   * @throws IllegalArgumentException when the variable is unset or empty
   */
  public static SecretValue fromEnv(String variable, Map<String, String> environment) {
    if (variable == null || variable.isBlank()) {
      throw new IllegalArgumentException(
          "secret environment variable name is empty; expected a name such as"
              + " SALTLAB_REGISTRY_PASSWORD");
    }
    if (!VARIABLE_NAME.matcher(variable).matches()) {
      // Not printed: a value pasted where the variable's name belongs is likely the secret itself.
      throw new IllegalArgumentException(
          "the secret environment variable's name (not shown) is not a variable name; expected"
              + " letters, digits and '_', not starting with a digit, such as"
              + " SALTLAB_REGISTRY_PASSWORD; never the secret itself");
    }
    String v = environment.get(variable);
    if (v == null || v.isEmpty()) {
      if (!isConventionalName(variable)) {
        throw new IllegalArgumentException(
            "the secret's environment variable is not set or empty (its name is not shown: not"
                + " in UPPER_CASE, it may be the secret itself pasted in its place); expected the"
                + " name of a variable holding the secret, such as SALTLAB_REGISTRY_PASSWORD, or"
                + " load the secret from a file instead");
      }
      throw new IllegalArgumentException(
          "environment variable "
              + variable
              + " is not set or empty; set it to the secret (export "
              + variable
              + "=...) or load the secret from a file instead");
    }
    return new SecretValue(v, "environment variable " + variable);
  }

  /**
   * Whether a secret's variable name may be printed: only a name written as variable names
   * conventionally are (upper-case letters, digits and '_'). Any other name, {@code hunter2} or
   * {@code Tr0ub4dor}, may be a password pasted where the name belongs, so messages do not show it.
   *
   * @param variable a variable name as given
   * @return true when messages may name it
   */
  public static boolean isConventionalName(String variable) {
    return variable != null && CONVENTIONAL_NAME.matcher(variable).matches();
  }

  /**
   * A secret read now from a file holding only the secret, on one line; one trailing line break is
   * dropped, as editors add one. The file must be a regular file (never a link, FIFO, device or
   * {@code /proc} file) of at most {@link #MAX_FILE_BYTES} bytes of UTF-8 text without NUL or a
   * second line. Errors name the file and the rule, never what it holds.
   *
   * @param file a file holding only the secret
   * @return the secret
   * @throws IllegalArgumentException when the file cannot be read, breaks a rule or is empty
   */
  public static SecretValue fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    String v;
    try {
      v = SafeRead.utf8(file, MAX_FILE_BYTES);
    } catch (RefusedFileException e) {
      throw new IllegalArgumentException(
          "secret file "
              + file
              + " "
              + e.what()
              + "; expected a regular file of at most "
              + MAX_FILE_BYTES
              + " bytes holding only the secret");
    }
    if (v.endsWith("\r\n")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("\n")) {
      v = v.substring(0, v.length() - 1);
    }
    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "secret file "
              + file
              + " has more than one line; expected only the secret on one line (content not"
              + " shown)");
    }
    if (v.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "secret file " + file + " holds a NUL character; expected text (content not shown)");
    }
    if (v.isEmpty()) {
      throw new IllegalArgumentException(
          "secret file " + file + " is empty; expected the secret in it");
    }
    return new SecretValue(v, "file " + file);
  }

  /**
   * The secret in clear. Only the renderer calls this, to base64-encode it into a Secret.
   *
   * @return the clear value
   */
  public String reveal() {
    return value;
  }

  /**
   * Where the secret came from, safe to print: {@code environment variable
   * SALTLAB_REGISTRY_PASSWORD}.
   */
  public String source() {
    return source;
  }

  /** Never the value: {@code SecretValue[**** from <source>]}. */
  @Override
  public String toString() {
    return "SecretValue[**** from " + source + "]";
  }

  /** Two secrets are equal when their values are, compared in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8),
            ((SecretValue) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 31;
  }
}
