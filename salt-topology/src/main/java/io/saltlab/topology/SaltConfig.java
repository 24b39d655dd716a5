package io.saltlab.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.saltlab.core.internal.yaml.YamlWriter;
import io.saltlab.core.render.SaltlabVersion;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Derives the Salt side of a lab from the same model as its manifests: the master's and each role's
 * configuration, the state and pillar top files, and the autosign files that carry the lab token.
 * Every file is built as a tree and written by {@link YamlWriter}, so any value from the model is
 * quoted safely.
 *
 * <p>Only options named in {@link #MASTER_OPTIONS} and {@link #MINION_OPTIONS} are emitted; a test
 * holds the generated files to those lists.
 */
final class SaltConfig {

  /** The grain minions send on authentication and the master's autosign file is named after. */
  static final String AUTOSIGN_GRAIN = "saltlab_autosign_token";

  /** Name of the generated base state and base pillar, applied to every minion. */
  static final String BASE_SLS = "saltlab";

  /** Role names that would clash with the generated top files or base state. */
  static final Set<String> RESERVED_ROLE_NAMES = Set.of(BASE_SLS, "top");

  /**
   * The master's generated configuration file, relative to its mount root: on the conf host path,
   * read once when the master starts (its digest replaces the master's pod when it changes).
   */
  static final String MASTER_CONF = "conf/master.d/saltlab.conf";

  /**
   * The directory, relative to the master's mount root, of the generated states, pillar and
   * reactor: a whole-directory ConfigMap mount, which the kubelet keeps up to date in the running
   * pod, so changing a role never restarts the master (Salt reads these files when it uses them).
   */
  static final String GENERATED_DIR = "saltlab";

  /** The state top file, relative to the mount root. */
  static final String STATE_TOP = GENERATED_DIR + "/states/top.sls";

  /** The pillar top file, relative to the mount root. */
  static final String PILLAR_TOP = GENERATED_DIR + "/pillar/top.sls";

  /** The base state applied to every minion, relative to the mount root. */
  static final String BASE_STATE = GENERATED_DIR + "/states/" + BASE_SLS + "/init.sls";

  /** The base pillar given to every minion, relative to the mount root. */
  static final String BASE_PILLAR = GENERATED_DIR + "/pillar/" + BASE_SLS + "/init.sls";

  /**
   * The reactor that forgets the stale key of a lab minion re-keyed while no minion of its id is
   * connected, relative to the mount root.
   */
  static final String STALE_KEY_REACTOR = GENERATED_DIR + "/reactor/stale-minion-key.sls";

  /**
   * Where a large lab's parts put their files (docs/salt-wiring.md, "Large labs"), relative to the
   * mount root, before the part's number: its pillar top file, included by {@link #PILLAR_TOP}...
   */
  static final String PILLAR_TOP_PART = GENERATED_DIR + "/pillar/" + BASE_SLS + "/top-";

  /** ...its share of the roles pillar, included by {@link #BASE_PILLAR}... */
  static final String ROLES_PILLAR_PART = GENERATED_DIR + "/pillar/" + BASE_SLS + "/roles-";

  /** ...and its reactor, which the master finds by a glob ({@link #REACTOR_PARTS}). */
  static final String STALE_KEY_REACTOR_PART = GENERATED_DIR + "/reactor/stale-minion-key-";

  /** The reactor files of a large lab, as the master's {@code reactor} option names them. */
  static final String REACTOR_PARTS = STALE_KEY_REACTOR_PART + "*.sls";

  /** The master's event tag for authentication attempts, which the reactor listens to. */
  static final String AUTH_EVENT = "salt/auth";

  /** File name of the role's configuration in the minion's {@code minion.d}. */
  static final String MINION_CONF_FILE = "saltlab.conf";

  /**
   * Directory of the master pod holding the autosign grain file (a Secret volume, never a host
   * path).
   */
  static final String AUTOSIGN_DIR = "autosign_grains";

  /**
   * How often, in seconds, a minion checks that its master is alive. Salt 3006.9 and later also
   * re-resolve the master's DNS name on this check, which is how minions follow a master pod that
   * restarted with a new IP behind the headless Service.
   */
  static final int MASTER_ALIVE_INTERVAL = 30;

  /** Seconds between DNS retries while the master's name does not resolve yet (lab start-up). */
  static final int RETRY_DNS = 10;

  /**
   * TCP keepalive idle time, in seconds: well under Salt's 300 so that a connection to a master pod
   * that vanished is noticed in about a minute.
   */
  static final int TCP_KEEPALIVE_IDLE = 60;

  /**
   * Master options saltlab may emit, spelled as in the Salt master configuration reference
   * (docs.saltproject.io, "Configuring the Salt Master").
   */
  static final Set<String> MASTER_OPTIONS =
      Set.of(
          "interface",
          "publish_port",
          "ret_port",
          "user",
          "pki_dir",
          "cachedir",
          "auto_accept",
          "autosign_file",
          "autoreject_file",
          "autosign_grains_dir",
          "open_mode",
          "permissive_pki_access",
          "file_roots",
          "pillar_roots",
          "state_top",
          "top_file_merging_strategy",
          "log_level",
          "log_file",
          "auth_events",
          "minion_data_cache",
          "reactor");

  /**
   * Minion options saltlab may emit, spelled as in the Salt minion configuration reference
   * (docs.saltproject.io, "Configuring the Salt Minion").
   */
  static final Set<String> MINION_OPTIONS =
      Set.of(
          "master",
          "master_port",
          "publish_port",
          "id",
          "minion_id_caching",
          "minion_id_remove_domain",
          "pki_dir",
          "grains",
          "autosign_grains",
          "master_alive_interval",
          "master_tries",
          "retry_dns",
          "retry_dns_count",
          "auth_tries",
          "acceptance_wait_time",
          "rejected_retry",
          "tcp_keepalive",
          "tcp_keepalive_idle",
          "tcp_keepalive_cnt",
          "tcp_keepalive_intvl",
          "startup_states",
          "log_level");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YamlWriter WRITER = new YamlWriter();

  private SaltConfig() {}

  /**
   * The master's generated Salt files as one ConfigMap carries them, keyed by path relative to its
   * mount root: {@link #MASTER_CONF}, then the generated directory's states, pillar and reactor. A
   * lab too large for one ConfigMap has its files from {@link MasterData} instead.
   *
   * @param lab the lab
   * @return sorted relative path to content
   */
  static SortedMap<String, String> masterFiles(SaltLab lab) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(MASTER_CONF, write(lab, masterConfig(lab)));
    files.put(STATE_TOP, header(lab) + SaltTemplates.stateTop());
    files.put(BASE_STATE, header(lab) + SaltTemplates.baseState(lab));
    files.put(PILLAR_TOP, write(lab, pillarTop(lab)));
    files.put(BASE_PILLAR, write(lab, basePillar(lab)));
    files.put(STALE_KEY_REACTOR, header(lab) + SaltTemplates.staleKeyReactor(lab));
    return Collections.unmodifiableSortedMap(files);
  }

  /**
   * The key of a master file in the master's ConfigMap: ConfigMap keys cannot hold '/', so each one
   * becomes '_' ({@code saltlab/states/top.sls} becomes {@code saltlab_states_top.sls}). Generated
   * paths hold no '_' before the file name, so keys stay distinct.
   *
   * @param relativePath a key of {@link #masterFiles(SaltLab)}
   * @return the ConfigMap key
   */
  static String configMapKey(String relativePath) {
    return relativePath.replace('/', '_');
  }

  /**
   * The role's {@code minion.d/saltlab.conf}.
   *
   * @param lab the lab
   * @param role one of its roles
   * @return the file's content
   */
  static String minionConfigFile(SaltLab lab, AppRole role) {
    return write(lab, minionConfig(lab, role));
  }

  /**
   * The master's configuration as a tree: ports from the model, roots on the mounted directories,
   * keys kept on the conf host path, and acceptance only through the token grain.
   */
  static ObjectNode masterConfig(SaltLab lab) {
    return masterConfig(lab, false);
  }

  /**
   * The master's configuration as a tree; for a lab split over several ConfigMaps ({@code split}),
   * its reactor is every part's reactor file, found by a glob when an event comes.
   */
  static ObjectNode masterConfig(SaltLab lab, boolean split) {
    SaltMaster m = lab.master();
    ObjectNode c = NODES.objectNode();
    c.put("publish_port", m.publishPort());
    c.put("ret_port", m.returnPort());
    // On the conf host path, so the master keeps its own key and the accepted minion keys when
    // its pod is replaced; minions would otherwise have to be re-accepted after each restart.
    c.put("pki_dir", m.mountPath(SaltDirectory.CONF) + "/pki/master");
    c.put("auto_accept", false);
    c.put("open_mode", false);
    c.put("autosign_grains_dir", autosignDirectory(lab));
    // The generated states come first, so the generated top file and base state win over files of
    // the same path in the states host directory.
    ArrayNode fileRoots = c.putObject("file_roots").putArray("base");
    fileRoots.add(generatedPath(lab, "states"));
    fileRoots.add(m.mountPath(SaltDirectory.STATES));
    fileRoots.add(m.mountPath(SaltDirectory.FORMULAS));
    // Delivery holds artifacts that states fetch as salt://...; it comes last so that a state or
    // formula of the same path wins.
    fileRoots.add(m.mountPath(SaltDirectory.DELIVERY));
    ArrayNode pillarRoots = c.putObject("pillar_roots").putArray("base");
    pillarRoots.add(generatedPath(lab, "pillar"));
    pillarRoots.add(m.mountPath(SaltDirectory.PILLAR));
    // The stale-key reactor acts on authentication events and asks who is connected, which Salt
    // answers from the minion data cache: both are Salt's defaults, written so that the reactor
    // never silently loses what it needs.
    c.put("auth_events", true);
    c.put("minion_data_cache", true);
    c.putArray("reactor")
        .addObject()
        .putArray(AUTH_EVENT)
        .add(join(m.mountRoot(), split ? REACTOR_PARTS : STALE_KEY_REACTOR));
    return c;
  }

  /** A directory under the master's generated directory, as the master pod sees it. */
  static String generatedPath(SaltLab lab, String child) {
    return join(lab.master().mountRoot(), GENERATED_DIR + "/" + child);
  }

  static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }

  /** Where the master pod mounts the autosign grain file. */
  static String autosignDirectory(SaltLab lab) {
    String root = lab.master().mountRoot();
    return (root.endsWith("/") ? root : root + "/") + AUTOSIGN_DIR;
  }

  /**
   * A role's minion configuration as a tree: where the master is, who the minion is, which role it
   * plays, and how it rides out a master restart.
   */
  static ObjectNode minionConfig(SaltLab lab, AppRole role) {
    SaltMaster m = lab.master();
    ObjectNode c = NODES.objectNode();
    c.put("master", lab.masterAddress());
    c.put("master_port", m.returnPort());
    c.put("publish_port", m.publishPort());
    if (role.identity() == MinionIdentity.FIXED) {
      c.put("id", role.name());
    } else {
      // No static id: each pod of the StatefulSet is named <role>-<ordinal> and Salt derives the
      // id from that host name. Its FQDN (<pod>.<service>.<namespace>.svc...) loses the domain,
      // and no id is read from a minion_id file an image may have cached at build time.
      c.put("minion_id_remove_domain", true);
      c.put("minion_id_caching", false);
    }
    // Explicit, so the key pair lands on the minion's key volume whatever state directory the
    // image's Salt build defaults to: it then outlives the pod.
    c.put("pki_dir", minionPkiDir(lab));
    c.putObject("grains").putArray("roles").add(role.name());
    c.putArray("autosign_grains").add(AUTOSIGN_GRAIN);
    c.put("master_alive_interval", MASTER_ALIVE_INTERVAL);
    // Retry forever: the master may start after the minions, or be restarting.
    c.put("master_tries", -1);
    c.put("retry_dns", RETRY_DNS);
    // A denied key is retried instead of making the minion exit: a re-keyed minion is denied until
    // the stale-key reactor forgets its old key (docs/salt-wiring.md).
    c.put("rejected_retry", true);
    c.put("tcp_keepalive", true);
    c.put("tcp_keepalive_idle", TCP_KEEPALIVE_IDLE);
    // The lab converges on its own: each minion applies its highstate once its key is accepted.
    c.put("startup_states", "highstate");
    return c;
  }

  /** The minion's key directory, where its key volume is mounted. */
  static String minionPkiDir(SaltLab lab) {
    String dir = lab.minionConfigDir();
    return (dir.endsWith("/") ? dir : dir + "/") + "pki/minion";
  }

  /**
   * The pillar top file: the base pillar for every minion, then each role's pillar by grain. A
   * role's own pillar file is optional ({@code ignore_missing}), so a lab without pillar data still
   * converges.
   */
  static ObjectNode pillarTop(SaltLab lab) {
    ObjectNode top = NODES.objectNode();
    ObjectNode base = top.putObject("base");
    base.putArray("*").add(BASE_SLS);
    for (AppRole role : lab.roles()) {
      pillarTopEntry(base, role);
    }
    return top;
  }

  /** A role's entry in a pillar top file's environment: its pillar, if any, by grain. */
  static void pillarTopEntry(ObjectNode environment, AppRole role) {
    ArrayNode entry = environment.putArray(grainTarget(role));
    entry.addObject().put("match", "grain");
    entry.addObject().put("ignore_missing", true);
    entry.add(role.name());
  }

  /** The top-file target of a role: {@code roles:<role>}, matched against the grain. */
  static String grainTarget(AppRole role) {
    return "roles:" + role.name();
  }

  /** The base pillar: what the lab knows about itself, for states to use. */
  static ObjectNode basePillar(SaltLab lab) {
    ObjectNode pillar = basePillarWithoutRoles(lab);
    ObjectNode roles = ((ObjectNode) pillar.get("saltlab")).putObject("roles");
    for (AppRole role : lab.roles()) {
      ArrayNode ids = roles.putArray(role.name());
      role.minionIds().forEach(ids::add);
    }
    return pillar;
  }

  /**
   * The base pillar without its {@code roles}, which a large lab's parts carry ({@link
   * MasterData}).
   */
  static ObjectNode basePillarWithoutRoles(SaltLab lab) {
    ObjectNode pillar = NODES.objectNode();
    ObjectNode facts = pillar.putObject("saltlab");
    facts.put("lab", lab.name());
    facts.put("namespace", lab.namespace());
    facts.put("master", lab.masterAddress());
    return pillar;
  }

  /**
   * The master's autosign file for {@link #AUTOSIGN_GRAIN}: the one accepted value on its own line.
   * Goes into the Secret only.
   */
  static String autosignGrainFile(SaltLab lab) {
    return token(lab) + "\n";
  }

  /**
   * The minion's {@code grains} file: the token grain, quoted so that YAML reads it back as the
   * same string the master compares. Goes into the Secret only.
   */
  static String minionGrainsFile(SaltLab lab) {
    return AUTOSIGN_GRAIN + ": " + YamlWriter.quoteIfNeeded(token(lab)) + "\n";
  }

  static String write(SaltLab lab, JsonNode tree) {
    return header(lab) + WRITER.write(tree);
  }

  static String header(SaltLab lab) {
    return "# Generated by saltlab "
        + SaltlabVersion.get()
        + " from lab "
        + lab.name()
        + "; do not edit, change the lab and render again.\n";
  }

  /** The token of a lab whose autosign Secret saltlab renders (the checks made sure it has one). */
  private static String token(SaltLab lab) {
    return lab.autosignToken()
        .orElseThrow(() -> new IllegalStateException("no autosign token to render"))
        .reveal();
  }
}
