package io.saltlab.topology;

import io.saltlab.core.internal.yaml.YamlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The generated Salt files that decide something when Salt uses them rather than when saltlab
 * renders them: the states top file and base state (which look up, per minion, whether each of its
 * roles has a state file) and the stale-key reactor. They are Jinja templates, Salt's default
 * renderer, kept as resource files under {@code io/saltlab/topology/salt/}; the lab fills in only
 * names it has checked (DNS labels) and quoted text.
 */
final class SaltTemplates {
  private static final String STATE_TOP = resource("top.sls");
  private static final String BASE_STATE = resource("saltlab-init.sls");
  private static final String STALE_KEY_REACTOR = resource("stale-minion-key.sls");

  private SaltTemplates() {}

  /** The states top file; the same for every lab. */
  static String stateTop() {
    return STATE_TOP;
  }

  /** The base state, whose marker names the lab. */
  static String baseState(SaltLab lab) {
    return BASE_STATE.replace(
        "@@BASE_MESSAGE@@",
        YamlWriter.quoteIfNeeded("saltlab lab " + lab.name() + ": top file applied"));
  }

  /** The reactor, which knows the lab's roles by identity to recognise the lab's minion ids. */
  static String staleKeyReactor(SaltLab lab) {
    return staleKeyReactor(lab.roles());
  }

  /**
   * A reactor that recognises the minion ids of some roles only: one part of a large lab's reactor
   * (the master renders every part for each event, and at most one holds the id).
   */
  static String staleKeyReactor(List<AppRole> roles) {
    return STALE_KEY_REACTOR
        .replace("@@STATEFUL_ROLES@@", list(roles, MinionIdentity.STATEFUL))
        .replace("@@FIXED_ROLES@@", list(roles, MinionIdentity.FIXED));
  }

  /** The size of one role's entry in a reactor's Jinja list, separator included. */
  static int listEntryLength(AppRole role) {
    return quoted(role.name()).length() + 2;
  }

  /** The names of the roles of one identity as a Jinja list, sorted. */
  private static String list(List<AppRole> roles, MinionIdentity identity) {
    List<String> names =
        roles.stream()
            .filter(r -> r.identity() == identity)
            .map(AppRole::name)
            .sorted()
            .map(SaltTemplates::quoted)
            .collect(Collectors.toList());
    return "[" + String.join(", ", names) + "]";
  }

  /** A role name as a Jinja string: role names are DNS labels, which need no escape. */
  private static String quoted(String name) {
    return "\"" + name + "\"";
  }

  private static String resource(String name) {
    try (InputStream in = SaltTemplates.class.getResourceAsStream("salt/" + name)) {
      if (in == null) {
        throw new IllegalStateException("saltlab's jar lacks io/saltlab/topology/salt/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
