package io.saltlab.cluster;

/** How a node's operating system installs packages; decides the repository format. */
public enum PackageManager {
  /** {@code yum} and {@code .repo} files (CentOS 7). */
  YUM,
  /** {@code apt-get} and {@code sources.list.d} entries (Debian, Ubuntu). */
  APT
}
