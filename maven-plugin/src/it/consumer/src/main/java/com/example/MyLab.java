package com.example;

import io.saltlab.examples.SeedLab;
import io.saltlab.topology.SaltLab;

/** The user's lab: here the seed lab, built in code. */
public final class MyLab {
  private MyLab() {}

  /** The lab. */
  public static SaltLab lab() {
    return SeedLab.lab();
  }

  /** Renders the lab the way an embedding application does; the build checks it prints nothing. */
  public static void main(String[] args) {
    System.out.print(lab().render("1.36").toYaml().isEmpty() ? "" : "");
  }
}
