package io.saltlab.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target Kubernetes minor version (1.5 to 1.36): the cluster version a lab is rendered for.
 *
 * <p>Only the minor number matters to rendering: patch releases never change which API groups a
 * cluster serves. Instances are compared and ordered by minor number.
 */
public final class KubernetesVersion implements Comparable<KubernetesVersion> {

  /**
   * Oldest minor version saltlab renders for (the seed lab ran on 1.6; 1.5 is kept for
   * StatefulSet's first name).
   */
  public static final int MIN_MINOR = 5;

  /** Newest minor version saltlab renders for. */
  public static final int MAX_MINOR = 36;

  /** The target used when none is given: the newest supported version. */
  public static final KubernetesVersion DEFAULT = new KubernetesVersion(MAX_MINOR);

  private static final Pattern FORMAT = Pattern.compile("v?1\\.(\\d{1,3})(?:\\.\\d{1,4})?");

  private final int minor;

  private KubernetesVersion(int minor) {
    this.minor = minor;
  }

  /**
   * Parses a version such as {@code 1.36}, {@code v1.16} or {@code 1.9.4}.
   *
   * @param text the version as a user typed it
   * @return the matching supported version
   * @throws UnsupportedVersionException if the text is not a version or lies outside 1.5-1.36
   */
  public static KubernetesVersion of(String text) {
    if (text == null || text.isBlank()) {
      throw new UnsupportedVersionException(
          "target version is empty; expected a Kubernetes version between "
              + range()
              + ", for example 1.36");
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new UnsupportedVersionException(
          "target version '"
              + text
              + "' is not a Kubernetes version; expected MAJOR.MINOR between "
              + range()
              + ", for example 1.36");
    }
    return ofMinor(Integer.parseInt(m.group(1)));
  }

  /**
   * The version 1.{@code minor}.
   *
   * @param minor minor number between {@link #MIN_MINOR} and {@link #MAX_MINOR}
   * @return the version
   * @throws UnsupportedVersionException outside the supported range
   */
  public static KubernetesVersion ofMinor(int minor) {
    if (minor < MIN_MINOR || minor > MAX_MINOR) {
      throw new UnsupportedVersionException(
          "target version 1."
              + minor
              + " is not supported; saltlab renders for "
              + range()
              + " (for example 1.36)");
    }
    return new KubernetesVersion(minor);
  }

  /** Every supported version, oldest first. */
  public static List<KubernetesVersion> all() {
    List<KubernetesVersion> all = new ArrayList<>();
    for (int m = MIN_MINOR; m <= MAX_MINOR; m++) {
      all.add(new KubernetesVersion(m));
    }
    return Collections.unmodifiableList(all);
  }

  /** The supported range as text, for messages: {@code 1.5-1.36}. */
  public static String range() {
    return "1." + MIN_MINOR + "-1." + MAX_MINOR;
  }

  /** The minor number: 36 for 1.36. */
  public int minor() {
    return minor;
  }

  /** True when this version is {@code 1.other} or newer. */
  public boolean isAtLeast(int otherMinor) {
    return minor >= otherMinor;
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return Integer.compare(minor, other.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KubernetesVersion && ((KubernetesVersion) o).minor == minor;
  }

  @Override
  public int hashCode() {
    return minor;
  }

  /** The version as {@code 1.N}, the form used in file names and headers. */
  @Override
  public String toString() {
    return "1." + minor;
  }
}
