package io.saltlab.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 addresses and CIDR ranges as 32-bit numbers, for the cluster's network checks. */
final class Ipv4 {
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

  private Ipv4() {}

  /** A CIDR range: a network address and a prefix length. */
  record Cidr(long network, int prefix) {
    long size() {
      return 1L << (32 - prefix);
    }

    long last() {
      return network + size() - 1;
    }

    boolean contains(long address) {
      return address >= network && address <= last();
    }

    boolean overlaps(Cidr other) {
      return network <= other.last() && other.network <= last();
    }

    @Override
    public String toString() {
      return format(network) + "/" + prefix;
    }
  }

  /** Parses a dotted quad; empty when it is not one. */
  static Optional<Long> parse(String text) {
    Matcher m = ADDRESS.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long value = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return Optional.empty();
      }
      value = (value << 8) | octet;
    }
    return Optional.of(value);
  }

  /**
   * Parses {@code a.b.c.d/n} whose address is the network address itself (no host bits set), so
   * that a typo such as {@code 10.244.1.0/16} is reported rather than silently widened.
   */
  static Optional<Cidr> parseCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,2}")) {
      return Optional.empty();
    }
    int prefix = Integer.parseInt(text.substring(slash + 1));
    Optional<Long> address = parse(text.substring(0, slash));
    if (address.isEmpty() || prefix > 32) {
      return Optional.empty();
    }
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    if ((address.get() & mask) != address.get()) {
      return Optional.empty();
    }
    return Optional.of(new Cidr(address.get(), prefix));
  }

  /** The /24 holding an address, the default subnet of a cluster's nodes. */
  static Cidr slash24(long address) {
    return new Cidr(address & 0xFFFFFF00L, 24);
  }

  static String format(long address) {
    return ((address >> 24) & 0xFF)
        + "."
        + ((address >> 16) & 0xFF)
        + "."
        + ((address >> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }
}
