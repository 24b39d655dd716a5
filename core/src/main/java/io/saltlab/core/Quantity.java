package io.saltlab.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}): parsed with the API's
 * syntax and written in the canonical form the API server itself stores, so {@code 1.5Gi} is
 * written {@code 1536Mi}, {@code 0.5} is written {@code 500m} and {@code 1000m} is written {@code
 * 1}.
 *
 * <p>As in Kubernetes, the canonical form keeps the family of the suffix that was given: powers of
 * 1024 ({@code Ki}, {@code Mi}...) stay binary when the value is a whole number of at least 1024,
 * decimal exponents stay exponents, everything else uses the decimal suffixes ({@code n}, {@code
 * u}, {@code m}, none, {@code k}, {@code M}...). Precision finer than {@code 1n} is rounded up, as
 * the API server does.
 *
 * @param value the amount, exact
 * @param format the family of suffix it is written with
 */
public record Quantity(BigDecimal value, Format format) implements Comparable<Quantity> {

  /** The longest quantity text accepted: far above any real one, far below harm. */
  static final int MAX_LENGTH = 64;

  /** Largest amount accepted: the API server keeps quantities within 2^63-1. */
  private static final BigDecimal MAX = new BigDecimal(Long.MAX_VALUE);

  private static final String[] DECIMAL = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KIBI = BigInteger.valueOf(1024);

  /** The families of suffix a quantity is written with. */
  public enum Format {
    /** Powers of 1024: {@code Ki}, {@code Mi}, {@code Gi}, {@code Ti}, {@code Pi}, {@code Ei}. */
    BINARY_SI,
    /** Powers of 1000: {@code n}, {@code u}, {@code m}, none, {@code k}, {@code M}... */
    DECIMAL_SI,
    /** A decimal exponent: {@code 2e3}. */
    DECIMAL_EXPONENT
  }

  /** Checks the parts and rounds up to nano precision. */
  public Quantity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(format, "format");
    value = value.setScale(Math.max(0, Math.min(9, value.scale())), RoundingMode.CEILING);
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    // Two quantities are equal exactly when they are written alike: a binary amount that is
    // fractional, under 1024 or not a multiple of 1024, and an exponent of 0, are written with the
    // decimal suffixes.
    if (format == Format.BINARY_SI
        && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0
            || value.scale() > 0
            || value.toBigInteger().mod(KIBI).signum() != 0)) {
      format = Format.DECIMAL_SI;
    }
    if (format == Format.DECIMAL_EXPONENT && decimalExponent(value) == 0) {
      format = Format.DECIMAL_SI;
    }
  }

  /**
   * The exponent of the canonical decimal form: the largest multiple of 3 keeping a whole mantissa.
   */
  private static int decimalExponent(BigDecimal value) {
    return value.signum() == 0 ? 0 : Math.min(18, Math.floorDiv(-value.scale(), 3) * 3);
  }

  /**
   * Parses a quantity.
   *
   * @param text for example {@code 500m}, {@code 1.5Gi}, {@code 2e3} or {@code 64}
   * @return the quantity
   * @throws IllegalArgumentException naming the text, what a quantity looks like and, for a near
   *     miss such as {@code 1.5GB}, what was probably meant
   */
  public static Quantity parse(String text) {
    Objects.requireNonNull(text, "text");
    String problem = problem(text);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return parsed(text);
  }

  /**
   * Why a text is not a quantity, for checks that collect problems instead of throwing.
   *
   * @param text the text
   * @return {@code null} when it is a quantity, else a one-line message with an example
   */
  public static String problem(String text) {
    if (text.length() > MAX_LENGTH) {
      return "a quantity of " + text.length() + " characters; a quantity is short, such as 512Mi";
    }
    int end = numberEnd(text);
    String number = text.substring(0, end);
    String suffix = text.substring(end);
    if (!isNumber(number)) {
      return "'" + text + "' is not a quantity; " + FORM;
    }
    if (suffixFormat(suffix) == null) {
      String hint = didYouMean(number, suffix);
      return "'"
          + text
          + "' is not a quantity"
          + (hint == null ? "" : "; did you mean " + hint + "?")
          + "; "
          + FORM;
    }
    Quantity q = parsed(text);
    if (q.value.abs().compareTo(MAX) > 0) {
      return "'" + text + "' is too large for a Kubernetes quantity (at most 2^63-1)";
    }
    return null;
  }

  private static final String FORM =
      "expected a number with an optional suffix: m, k, M, G, T, P, E (powers of 1000), Ki, Mi,"
          + " Gi, Ti, Pi, Ei (powers of 1024) or an exponent, for example 500m, 1.5Gi or 2e3";

  private static Quantity parsed(String text) {
    int end = numberEnd(text);
    BigDecimal number = new BigDecimal(normalNumber(text.substring(0, end)));
    String suffix = text.substring(end);
    Format format = suffixFormat(suffix);
    BigDecimal value;
    switch (format) {
      case BINARY_SI:
        int power = java.util.Arrays.asList(BINARY).indexOf(suffix);
        value = number.multiply(new BigDecimal(KIBI.pow(power)));
        break;
      case DECIMAL_EXPONENT:
        value = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        break;
      default:
        int index = java.util.Arrays.asList(DECIMAL).indexOf(suffix);
        value = number.scaleByPowerOfTen(3 * (index - 3));
    }
    return new Quantity(value, format);
  }

  /** Where the number part ends: digits, one dot and a leading sign. */
  private static int numberEnd(String text) {
    int i = 0;
    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    while (i < text.length()
        && ((text.charAt(i) >= '0' && text.charAt(i) <= '9') || text.charAt(i) == '.')) {
      i++;
    }
    return i;
  }

  private static boolean isNumber(String number) {
    String digits = number.startsWith("+") || number.startsWith("-") ? number.substring(1) : number;
    int dot = digits.indexOf('.');
    if (dot != digits.lastIndexOf('.')) {
      return false;
    }
    String plain = digits.replace(".", "");
    if (plain.isEmpty()) {
      return false;
    }
    for (int i = 0; i < plain.length(); i++) {
      if (plain.charAt(i) < '0' || plain.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code .5} and {@code 5.} are numbers to Kubernetes; BigDecimal wants {@code 0.5}, {@code 5}.
   */
  private static String normalNumber(String number) {
    String n = number.startsWith("+") ? number.substring(1) : number;
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return n.replaceFirst("^(-?)\\.", "$10.");
  }

  private static Format suffixFormat(String suffix) {
    for (String s : BINARY) {
      if (!s.isEmpty() && s.equals(suffix)) {
        return Format.BINARY_SI;
      }
    }
    for (String s : DECIMAL) {
      if (s.equals(suffix)) {
        return Format.DECIMAL_SI;
      }
    }
    if (suffix.length() > 1
        && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')
        && suffix.substring(1).matches("[+-]?[0-9]{1,2}")) {
      return Format.DECIMAL_EXPONENT;
    }
    return null;
  }

  /** For {@code GB}, {@code gi}, {@code K}: the quantities that were probably meant. */
  private static String didYouMean(String number, String suffix) {
    String s = suffix.trim();
    if (s.endsWith("B") || s.endsWith("b")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("i") || s.endsWith("I")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() != 1) {
      return null;
    }
    String letter = s.toUpperCase(Locale.ROOT);
    if (!"KMGTPE".contains(letter)) {
      return null;
    }
    String decimal = letter.equals("K") ? "k" : letter;
    return "'"
        + number
        + decimal
        + "' (powers of 1000) or '"
        + number
        + letter
        + "i' (powers of 1024)";
  }

  /**
   * The canonical text, as the API server writes the quantity back.
   *
   * @return for example {@code 1536Mi}, {@code 500m} or {@code 2e3}
   */
  @Override
  public String toString() {
    if (value.signum() == 0) {
      return "0";
    }
    if (format == Format.BINARY_SI) {
      BigInteger n = value.toBigIntegerExact();
      int power = 0;
      while (power < BINARY.length - 1 && n.mod(KIBI).signum() == 0) {
        n = n.divide(KIBI);
        power++;
      }
      return n + BINARY[power];
    }
    // value = unscaled * 10^-scale; the exponent is the largest multiple of 3 that keeps the
    // mantissa whole, between nano and exa.
    int exponent = decimalExponent(value);
    BigInteger mantissa = value.scaleByPowerOfTen(-exponent).toBigIntegerExact();
    if (format == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    return mantissa + DECIMAL[exponent / 3 + 3];
  }

  /**
   * Compares amounts, whatever their suffixes.
   *
   * @param other another quantity
   * @return negative, zero or positive as this amount is smaller, equal or larger
   */
  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }
}
