package io.saltlab.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.saltlab.core.KubernetesNames;
import io.saltlab.core.Quantity;
import io.saltlab.core.validate.Shape.ValueRule;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The kinds of value rule the rule table is made of (enumerations, ranges, formats), each reporting
 * under one stable check code. Values of the wrong JSON type are left to the schema check, except
 * where a target without a schema would otherwise pass them silently.
 */
final class Rules {

  private Rules() {}

  /** {@code invalid-enum}: one of a fixed set of values, on every target. */
  static ValueRule oneOf(String... allowed) {
    List<String> values = Arrays.asList(allowed);
    return (run, v, at) -> {
      if (v.isTextual() && !values.contains(v.asText())) {
        unsupported(run, v, at, values);
      }
    };
  }

  /**
   * {@code invalid-enum}: values by the first release that accepts them by default; a value of a
   * later release is refused on earlier targets.
   *
   * @param since value to first minor release, in the order to list them
   */
  static ValueRule oneOfSince(Object... since) {
    Map<String, Integer> table = new LinkedHashMap<>();
    for (int i = 0; i < since.length; i += 2) {
      table.put((String) since[i], (Integer) since[i + 1]);
    }
    return (run, v, at) -> {
      if (!v.isTextual()) {
        return;
      }
      Integer first = table.get(v.asText());
      if (first == null || !run.since(first)) {
        List<String> allowed =
            table.entrySet().stream()
                .filter(e -> run.since(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (first == null) {
          unsupported(run, v, at, allowed);
        } else {
          run.error(
              "invalid-enum",
              at,
              v,
              "unsupported value on Kubernetes " + run.target,
              allowed.isEmpty()
                  ? "no value: Kubernetes " + run.target + " has none of this field's values"
                  : "one of " + String.join(", ", allowed),
              v.asText() + " is accepted from Kubernetes 1." + first);
        }
      }
    };
  }

  private static void unsupported(RuleRun run, JsonNode v, Shape.At at, List<String> allowed) {
    String close = Hints.closest(v.asText(), allowed);
    run.error(
        "invalid-enum",
        at,
        v,
        "unsupported value",
        "one of " + String.join(", ", allowed),
        close == null ? null : "did you mean " + close + "?");
  }

  /** {@code value-out-of-range}: an integer from {@code min} to {@code max}. */
  static ValueRule range(long min, long max) {
    return (run, v, at) -> {
      if (v.isIntegralNumber() && (v.asLong() < min || v.asLong() > max)) {
        run.error(
            "value-out-of-range",
            at,
            v,
            "value out of range",
            max == Integer.MAX_VALUE
                ? "at least " + min
                : "from " + min + " to " + max + (max == 65535 ? " (a port number)" : ""),
            null);
      }
    };
  }

  /**
   * {@code value-out-of-range}: zero or more (the API server's "must be greater than or equal to
   * 0").
   */
  static ValueRule nonNegative() {
    return range(0, Integer.MAX_VALUE);
  }

  /** {@code value-out-of-range}: one or more ("must be greater than zero"). */
  static ValueRule positive() {
    return range(1, Integer.MAX_VALUE);
  }

  /** A port number: 1-65535. */
  static ValueRule port() {
    return range(1, 65535);
  }

  /**
   * {@code invalid-port}: an int-or-string port (targetPort, probe and Ingress ports, NetworkPolicy
   * ports): a number 1-65535 or an IANA service name, as ValidatePortNumOrName says.
   */
  static ValueRule portNumberOrName() {
    return (run, v, at) -> {
      if (v.isIntegralNumber()) {
        long n = v.asLong();
        if (n < 1 || n > 65535) {
          run.error("invalid-port", at, v, "port number out of range", "from 1 to 65535", null);
        }
      } else if (v.isTextual()) {
        String why = KubernetesNames.portName(v.asText());
        if (why != null) {
          run.error(
              "invalid-port",
              at,
              v,
              "invalid port name: " + why,
              "a port number, or an IANA service name: at most 15 of a-z, 0-9, '-'",
              v.asText().matches("\\d+") ? "write the number without quotes" : null);
        }
      }
    };
  }

  /**
   * {@code invalid-quantity}: a resource quantity (ParseQuantity), not negative when {@code
   * nonNegative}.
   */
  static ValueRule quantity(boolean nonNegative) {
    return (run, v, at) -> {
      BigDecimal q =
          v.isNumber() ? v.decimalValue() : v.isTextual() ? Formats.quantity(v.asText()) : null;
      if (q == null && v.isTextual()) {
        run.error(
            "invalid-quantity",
            at,
            v,
            "not a quantity",
            "a number with an optional suffix: 250m, 0.5, 128Mi, 1Gi, 2G, 1e3",
            Quantity.problem(v.asText()));
      } else if (q != null && nonNegative && q.signum() < 0) {
        run.error("invalid-quantity", at, v, "negative quantity", "zero or more", null);
      }
    };
  }

  /** {@code invalid-name}: the value must pass a name rule of {@link Names}. */
  static ValueRule name(Function<String, String> rule, String expected) {
    return (run, v, at) -> {
      if (v.isTextual() && !v.asText().isEmpty()) {
        String why = rule.apply(v.asText());
        if (why != null) {
          run.error("invalid-name", at, v, "invalid name: " + why, expected, null);
        }
      }
    };
  }

  /** A DNS-1123 label (at most 63 of a-z, 0-9, '-'). */
  static ValueRule dnsLabel() {
    return name(KubernetesNames::dns1123Label, "a DNS-1123 label (at most 63 of a-z, 0-9, '-')");
  }

  /** A DNS-1123 subdomain (at most 253 of a-z, 0-9, '-', '.'). */
  static ValueRule dnsSubdomain() {
    return name(
        KubernetesNames::dns1123Subdomain,
        "a DNS-1123 subdomain (at most 253 of a-z, 0-9, '-', '.')");
  }

  /** {@code invalid-int-or-percent}: an integer of zero or more, or a percentage up to a bound. */
  static ValueRule intOrPercent(int maxPercent) {
    return (run, v, at) -> {
      if (v.isIntegralNumber()) {
        if (v.asLong() < 0) {
          run.error("invalid-int-or-percent", at, v, "negative value", "zero or more", null);
        }
      } else if (v.isTextual()) {
        String t = v.asText();
        if (!t.matches("\\d+%")) {
          run.error(
              "invalid-int-or-percent",
              at,
              v,
              "neither an integer nor a percentage",
              "a number such as 1 or a percentage such as 25%",
              t.matches("\\d+") ? "write the number without quotes" : null);
        } else if (Long.parseLong(t.substring(0, t.length() - 1)) > maxPercent) {
          run.error(
              "invalid-int-or-percent",
              at,
              v,
              "percentage above " + maxPercent + "%",
              "0% to " + maxPercent + "%",
              null);
        }
      }
    };
  }

  /**
   * {@code invalid-file-mode}: a file mode 0-0777 (the API server: "must be a number between 0 and
   * 0777 (octal), both inclusive"). YAML reads 0644 as octal but 644 as decimal; a decimal whose
   * digits are an octal mode gets the hint.
   */
  static ValueRule fileMode() {
    return (run, v, at) -> {
      if (v.isIntegralNumber() && (v.asLong() < 0 || v.asLong() > 0777)) {
        String digits = Long.toString(v.asLong());
        String hint =
            digits.matches("[0-7]{3,4}")
                ? "did you mean 0"
                    + digits
                    + " (octal, "
                    + Integer.parseInt(digits, 8)
                    + " in decimal)? YAML reads "
                    + digits
                    + " without the leading 0 as a decimal number"
                : null;
        run.error(
            "invalid-file-mode",
            at,
            v,
            "file mode out of range",
            "0 to 0777 (octal; 511 in decimal)",
            hint);
      }
    };
  }

  /**
   * {@code wrong-type}: whole seconds. A bundled schema reports a duration text such as {@code 30s}
   * itself; on targets without one this rule does.
   */
  static ValueRule seconds() {
    return (run, v, at) -> {
      if (!v.isIntegralNumber() && !run.manifest.schemaChecked) {
        run.error(
            "wrong-type",
            at,
            v,
            "not a whole number of seconds",
            "an integer",
            v.isTextual() && Formats.goDuration(v.asText())
                ? "these fields count seconds: write a number, not a duration"
                : null);
      }
    };
  }

  /** {@code invalid-path}: a relative path without '..'. */
  static ValueRule relativePath() {
    return (run, v, at) -> {
      if (v.isTextual() && !v.asText().isEmpty()) {
        String why = Formats.relativePath(v.asText());
        if (why != null) {
          run.error(
              "invalid-path", at, v, "invalid path: " + why, "a relative path without '..'", null);
        }
      }
    };
  }

  /** {@code invalid-ip}: an IPv4 or IPv6 address. */
  static ValueRule ip() {
    return (run, v, at) -> {
      if (v.isTextual() && !v.asText().isEmpty()) {
        String why = Formats.ip(v.asText());
        if (why != null) {
          run.error("invalid-ip", at, v, why, "an IPv4 or IPv6 address", null);
        }
      }
    };
  }

  /** {@code invalid-cidr}: a CIDR. */
  static ValueRule cidr() {
    return (run, v, at) -> {
      if (v.isTextual()) {
        String why = Formats.cidr(v.asText());
        if (why != null) {
          run.error("invalid-cidr", at, v, why, "a CIDR such as 10.0.0.0/16", null);
        }
      }
    };
  }

  /** A non-empty list ({@code required-value}), for fields the server requires to have items. */
  static ValueRule nonEmptyList(String what) {
    return (run, v, at) -> {
      if (v.isArray() && v.isEmpty()) {
        run.error("required-value", at, v, what + " must not be empty", "at least one item", null);
      }
    };
  }

  /** Reports {@code required-value} for a field the server requires in this object. */
  static void require(RuleRun run, JsonNode object, Shape.At at, String field, String expected) {
    JsonNode v = object.get(field);
    if (v == null
        || v.isNull()
        || (v.isTextual() && v.asText().isEmpty())
        || (v.isContainerNode() && v.isEmpty())) {
      run.error(
          "required-value",
          at.child(field),
          null,
          "required value " + field + " is missing",
          expected,
          null);
    }
  }
}
