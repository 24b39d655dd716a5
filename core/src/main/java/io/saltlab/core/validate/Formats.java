package io.saltlab.core.validate;

import io.saltlab.core.Quantity;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Value formats of the Kubernetes API that no bundled schema states: quantities, cron schedules,
 * environment variable names per release, IP addresses and CIDRs, file paths. Each method returns
 * null when the value is valid, else what is wrong, in a few words.
 */
final class Formats {

  private Formats() {}

  /**
   * The value of a quantity such as {@code 500m}, {@code 1.5Gi} or {@code 2e3}, or null when the
   * text is not one: {@link Quantity}, the one parser of Kubernetes quantities.
   */
  static BigDecimal quantity(String text) {
    return Quantity.problem(text) == null ? Quantity.parse(text).value() : null;
  }

  /** Why a string is not an IPv4 or IPv6 address, or null. */
  static String ip(String text) {
    if (text.indexOf(':') >= 0) {
      return ipv6(text) ? null : "not an IPv6 address";
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return "not an IP address";
    }
    for (String p : parts) {
      // Leading zeros are refused since 1.20 (Go's ParseIP); refuse them for every target.
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return "not an IP address";
      }
      if (Integer.parseInt(p) > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
        return "not an IP address";
      }
    }
    return null;
  }

  private static boolean ipv6(String text) {
    if (text.indexOf('.') >= 0) {
      int last = text.lastIndexOf(':');
      return ip(text.substring(last + 1)) == null && ipv6(text.substring(0, last + 1) + "0:0");
    }
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = text.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue;
      }
      if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return false;
      }
      count++;
    }
    return doubleColon >= 0 ? count < 8 : count == 8 && groups.length == 8;
  }

  /** Why a string is not a CIDR such as {@code 10.0.0.0/16} or {@code fd00::/8}, or null. */
  static String cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return "not a CIDR (address/prefix length)";
    }
    String address = text.substring(0, slash);
    String bits = text.substring(slash + 1);
    if (ip(address) != null || bits.isEmpty() || !bits.chars().allMatch(Character::isDigit)) {
      return "not a CIDR (address/prefix length)";
    }
    int max = address.indexOf(':') >= 0 ? 128 : 32;
    if (bits.length() > 3 || Integer.parseInt(bits) > max) {
      return "prefix length above " + max;
    }
    return null;
  }

  /**
   * Why a name is not an environment variable name on a release, or null. Up to 1.7 the API server
   * wanted a C identifier; 1.8 also allowed '-' and '.' (kubernetes/kubernetes#48986); from 1.32
   * any printable ASCII but '=' (KEP-4369, RelaxedEnvironmentVariableValidation, on by default
   * since its beta in 1.32).
   */
  static String envVarName(String name, int minor) {
    if (name.isEmpty()) {
      return "empty";
    }
    if (minor >= 32) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < 32 || c > 126 || c == '=') {
          return "must be printable ASCII characters other than '='";
        }
      }
      return null;
    }
    boolean relaxed = minor >= 8;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      boolean extra = relaxed && (c == '-' || c == '.');
      if (!(letter || extra || (digit && i > 0))) {
        return relaxed
            ? "must be letters, digits, '_', '-' or '.', not starting with a digit"
            : "must be a C identifier: letters, digits and '_', not starting with a digit";
      }
    }
    return null;
  }

  /** The rule {@link #envVarName} applies on a release, as an expectation. */
  static String envVarNameRule(int minor) {
    if (minor >= 32) {
      return "printable ASCII characters other than '='";
    }
    return minor >= 8
        ? "letters, digits, '_', '-' or '.', not starting with a digit"
        : "a C identifier ([A-Za-z_][A-Za-z0-9_]*)";
  }

  /** Why a path is not relative without '..' (volume items, subPath), or null. */
  static String relativePath(String path) {
    if (path.startsWith("/")) {
      return "must be a relative path";
    }
    return backsteps(path);
  }

  /** Why a path contains a '..' element, or null. */
  static String backsteps(String path) {
    for (String part : path.split("[/\\\\]", -1)) {
      if (part.equals("..")) {
        return "must not contain '..'";
      }
    }
    return null;
  }

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("JAN", 1),
          Map.entry("FEB", 2),
          Map.entry("MAR", 3),
          Map.entry("APR", 4),
          Map.entry("MAY", 5),
          Map.entry("JUN", 6),
          Map.entry("JUL", 7),
          Map.entry("AUG", 8),
          Map.entry("SEP", 9),
          Map.entry("OCT", 10),
          Map.entry("NOV", 11),
          Map.entry("DEC", 12));
  private static final Map<String, Integer> DAYS =
      Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4, "FRI", 5, "SAT", 6);
  private static final Set<String> DESCRIPTORS =
      Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");

  /**
   * Why a CronJob schedule is not one, or null. Mirrors the standard parser of robfig/cron that the
   * API server uses: five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC,
   * day of week 0-6 or SUN-SAT), each {@code *}, {@code ?}, a value, a range and/or a step, or a
   * comma-separated list of those; or a descriptor such as {@code @daily} or {@code @every 1h}; an
   * optional {@code TZ=zone} or {@code CRON_TZ=zone} prefix.
   */
  static String cron(String schedule) {
    String s = schedule.trim();
    if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
      int space = s.indexOf(' ');
      if (space < 0) {
        return "a time zone prefix without a schedule";
      }
      s = s.substring(space + 1).trim();
    }
    if (s.startsWith("@")) {
      if (DESCRIPTORS.contains(s)) {
        return null;
      }
      if (s.startsWith("@every ")) {
        return goDuration(s.substring(7).trim()) ? null : "@every needs a duration such as 1h30m";
      }
      return "unknown descriptor " + s;
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      return "expected 5 fields (minute hour day-of-month month day-of-week), found "
          + fields.length;
    }
    String[] names = {"minute", "hour", "day of month", "month", "day of week"};
    int[][] bounds = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};
    for (int i = 0; i < 5; i++) {
      Map<String, Integer> words = i == 3 ? MONTHS : i == 4 ? DAYS : Map.of();
      String why = cronField(fields[i], bounds[i][0], bounds[i][1], words, i == 2 || i == 4);
      if (why != null) {
        return names[i] + " field '" + fields[i] + "': " + why;
      }
    }
    return null;
  }

  private static String cronField(
      String field, int min, int max, Map<String, Integer> words, boolean questionMark) {
    for (String part : field.split(",", -1)) {
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        String step = part.substring(slash + 1);
        if (!step.matches("\\d{1,3}") || Integer.parseInt(step) == 0) {
          return "step must be a positive number";
        }
        range = part.substring(0, slash);
      }
      if (range.equals("*") || (questionMark && range.equals("?"))) {
        continue;
      }
      String[] ends = range.split("-", -1);
      if (ends.length > 2) {
        return "malformed range";
      }
      int lo = cronValue(ends[0], words);
      int hi = ends.length == 2 ? cronValue(ends[1], words) : lo;
      if (lo < 0 || hi < 0) {
        return "not a number" + (words.isEmpty() ? "" : " or name");
      }
      if (lo < min || hi > max) {
        return "out of range " + min + "-" + max;
      }
      if (lo > hi) {
        return "range start after its end";
      }
    }
    return null;
  }

  private static int cronValue(String text, Map<String, Integer> words) {
    Integer word = words.get(text.toUpperCase(Locale.ROOT));
    if (word != null) {
      return word;
    }
    return text.matches("\\d{1,2}") ? Integer.parseInt(text) : -1;
  }

  /** Whether a text is a Go duration such as {@code 90s}, {@code 1h30m} or {@code 1.5h}. */
  static boolean goDuration(String text) {
    return !text.isEmpty() && text.matches("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");
  }
}
