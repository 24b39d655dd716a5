package io.saltlab.topology.spec.internal;

import static io.saltlab.topology.spec.internal.SpecKey.optional;
import static io.saltlab.topology.spec.internal.SpecKey.required;
import static io.saltlab.topology.spec.internal.SpecType.choice;
import static io.saltlab.topology.spec.internal.SpecType.listOf;
import static io.saltlab.topology.spec.internal.SpecType.mapOf;
import static io.saltlab.topology.spec.internal.SpecType.text;
import static io.saltlab.topology.spec.internal.SpecType.whole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys of a lab spec file, each with its type, default and description: the one definition the
 * spec reader walks, the binding reads and the JSON Schema {@code saltlab-lab.schema.json} is
 * generated from. The keys mirror {@link io.saltlab.topology.SaltLab#builder()} name for name.
 */
public final class LabKeys {
  /** A DNS-1123 label, as namespaces and the lab's name need. */
  static final String DNS_1123_LABEL = "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** A DNS-1035 label, as Service names need. */
  static final String DNS_LABEL = "^(?=.{1,63}$)[a-z]([-a-z0-9]*[a-z0-9])?$";

  /** A DNS-1123 subdomain, as Secret and ConfigMap names need. */
  static final String DNS_1123_SUBDOMAIN =
      "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /** An absolute path. */
  static final String ABSOLUTE_PATH = "^/";

  private static final SpecSection REGISTRY =
      SpecSection.builder(
              "The private registry the lab's images come from, and the credentials of the pull"
                  + " Secret; or, with existingSecret, a pull Secret that already exists in the"
                  + " namespace.")
          .key(
              required(
                  "server",
                  text(),
                  "Host and optional port of the registry, without scheme or path, for example"
                      + " registry.example.com:5000."))
          .key(
              optional(
                  "username",
                  text(),
                  "The registry user the cluster pulls as. Required unless existingSecret is"
                      + " given; with it, only the cluster bootstrap uses it to log its nodes"
                      + " in."))
          .key(
              optional(
                      "passwordEnv",
                      text(),
                      "Name of the environment variable that holds the registry password when"
                          + " rendering, for example SALTLAB_REGISTRY_PASSWORD. The password itself"
                          + " never stands in a spec file.")
                  .setting("password"))
          .key(
              optional(
                      "passwordFile",
                      text(),
                      "A file holding only the registry password, relative to the spec file;"
                          + " instead of passwordEnv.")
                  .setting("password"))
          .key(
              optional(
                  "email",
                  text(),
                  "The e-mail kubectl records beside the credentials; only for a rendered"
                      + " Secret."))
          .key(
              optional(
                      "secretName", text().matching(DNS_1123_SUBDOMAIN), "Name of the pull Secret.")
                  .byDefault("registry-pull"))
          .key(
              optional(
                      "existingSecret",
                      text().matching(DNS_1123_SUBDOMAIN),
                      "Name of a pull Secret that already exists in the lab's namespace (made with"
                          + " kubectl create secret docker-registry or by a secret manager):"
                          + " saltlab renders none and needs no password. Recommended: no"
                          + " credentials pass through saltlab or git.")
                  .setting("secretName"))
          .rule(
              new SpecRule.OneOf(
                  List.of("passwordEnv", "passwordFile"),
                  true,
                  "existingSecret",
                  "missing 'passwordEnv' (an environment variable holding the password, for"
                      + " example SALTLAB_REGISTRY_PASSWORD; or use 'existingSecret: NAME' for a"
                      + " pull Secret already in the cluster) or 'passwordFile' (a file holding"
                      + " only that secret)"))
          .rule(new SpecRule.RequiredUnless("username", "existingSecret"))
          .rule(
              new SpecRule.Excludes(
                  "existingSecret",
                  Map.of(
                      "passwordEnv", "the existing Secret holds the credentials",
                      "passwordFile", "the existing Secret holds the credentials",
                      "email", "the existing Secret holds the credentials",
                      "secretName", "the existing Secret is named by existingSecret itself")))
          .build();

  private static final SpecSection MASTER =
      SpecSection.builder(
              "The salt-master: one pod pinned to the node holding its five host-path directories"
                  + " (conf, states, pillar, delivery, formulas), mounted from <hostRoot>/<dir> to"
                  + " <mountRoot>/<dir>.")
          .key(
              optional(
                      "name",
                      text().matching(DNS_LABEL),
                      "Name of the master's Service and workload.")
                  .byDefault("salt-master"))
          .key(
              required(
                  "image",
                  text(),
                  "The master's image, for example registry.example.com:5000/salt/master:3006.9."))
          .key(
              optional(
                  "command", listOf(text()), "The container command; [salt-master] unless set."))
          .key(
              optional(
                  "args",
                  listOf(text()),
                  "The container arguments; [--config-dir=<mountRoot>/conf] unless set."))
          .key(
              optional(
                      "publishPort",
                      whole().between(1, 65535),
                      "Salt's publish port, which minions subscribe to.")
                  .byDefault(4505))
          .key(
              optional(
                      "returnPort",
                      whole().between(1, 65535),
                      "Salt's return port, where minions reply and authenticate; not publishPort.")
                  .byDefault(4506))
          .key(
              required(
                  "hostRoot",
                  text().matching("^/[^$~]*$"),
                  "Absolute directory on the node under which the five Salt directories live, for"
                      + " example /srv/salt. No $HOME or ~: Kubernetes never expands them."))
          .key(
              optional(
                      "mountRoot",
                      text().matching(ABSOLUTE_PATH),
                      "Directory in the container under which the five directories are mounted.")
                  .byDefault("/salt"))
          .key(
              required(
                  "node",
                  text(),
                  "The node holding the host-path directories, as its kubernetes.io/hostname label"
                      + " shows it, for example kube0; the master is pinned there."))
          .apply(SettingsKeys::shared)
          .build();

  private static final SpecSection PORT =
      SpecSection.builder(
              "A named TCP port the role's container listens on and its Service exposes.")
          .key(
              required(
                  "name",
                  text(),
                  "The port's name: at most 15 lower-case letters, digits and '-', with a letter;"
                      + " for example client."))
          .key(required("port", whole().between(1, 65535), "The port number, 1-65535."))
          .build();

  private static final SpecSection ROLE =
      SpecSection.builder(
              "A Salt-provisioned role: a minion workload with its own Service, which Salt turns"
                  + " into zookeeper, hazelcast, a business app...")
          .key(
              required(
                  "name",
                  text().matching(DNS_LABEL),
                  "The role's name; also its Service's and workload's name, for example"
                      + " zookeeper."))
          .key(
              optional(
                      "identity",
                      choice(
                          new SpecType.Choice("STATEFUL", "a StatefulSet, ids <role>-<ordinal>"),
                          new SpecType.Choice("FIXED", "one pod, id <role>")),
                      "How the role's minions keep a stable Salt minion id: STATEFUL, a StatefulSet"
                          + " whose pods take the ids <role>-<ordinal>, for any number of replicas;"
                          + " or FIXED, one pod with the id <role>.")
                  .byDefault("STATEFUL"))
          .key(optional("image", text(), "The role's image; the lab's minionImage unless set."))
          .key(
              optional("replicas", whole().between(0, 1000), "How many pods run the role.")
                  .byDefault(1))
          .key(
              optional(
                  "command",
                  listOf(text()),
                  "The container command; [salt-minion] unless set, since Salt provisions the"
                      + " role."))
          .key(optional("args", listOf(text()), "The container arguments; none unless set."))
          .key(
              optional(
                  "ports",
                  listOf(PORT),
                  "Ports the role's container listens on and its Service exposes."))
          .key(
              optional(
                  "env",
                  mapOf(RoleKeys.envValue()),
                  "Environment variables of the role's container, NAME: \"text\" (numbers and"
                      + " booleans must be quoted), or NAME: {secret: NAME, key: KEY}, {configMap:"
                      + " NAME, key: KEY} or {field: podName} for a value the cluster supplies."))
          .key(
              optional(
                  "labels",
                  mapOf(text()),
                  "Labels added to the role's pods beside the ones saltlab derives (which they may"
                      + " not override), key: value."))
          .apply(SettingsKeys::shared)
          .apply(RoleKeys::roleOnly)
          .build();

  private static final SpecSection PATCH_TARGET =
      SpecSection.builder(
              "The object a patch changes, by kind and name (a workload and its headless Service"
                  + " share a name, so the name alone is not enough).")
          .key(
              required(
                  "kind",
                  text().matching("^[A-Z][A-Za-z0-9]*$"),
                  "The object's kind, for example StatefulSet or Service."))
          .key(required("name", text(), "The object's metadata.name, for example zookeeper."))
          .key(
              optional(
                  "namespace",
                  text().matching(DNS_1123_LABEL),
                  "The object's namespace, only when the kind and name exist in several."))
          .build();

  private static final SpecSection PATCH =
      SpecSection.builder(
              "A change to one rendered object, applied after translation and before validation:"
                  + " an RFC 6902 JSON patch or a strategic-merge patch, inline or in a file.")
          .key(required("target", PATCH_TARGET, PATCH_TARGET.description()))
          .key(
              optional(
                  "jsonPatch",
                  SpecType.free("list", "[{op: add, path: /metadata/labels/tier, value: db}]"),
                  "An RFC 6902 JSON patch: a list of operations (add, remove, replace, move, copy,"
                      + " test) on JSON Pointers."))
          .key(
              optional(
                  "strategicMerge",
                  SpecType.free("mapping", "{spec: {replicas: 3}}"),
                  "A strategic-merge patch: a partial object merged into the target (lists with a"
                      + " Kubernetes merge key, such as containers by name, merge item by item;"
                      + " null deletes)."))
          .key(
              optional(
                  "file",
                  text(),
                  "A file holding the patch, relative to the spec file and inside its folder: a"
                      + " list is a JSON patch, a mapping a strategic-merge patch."))
          .rule(
              SpecRule.exactlyOne(
                  "missing 'jsonPatch', 'strategicMerge' or 'file' (the patch itself, inline or in"
                      + " a file)",
                  "jsonPatch",
                  "strategicMerge",
                  "file"))
          .build();

  private static final SpecSection OBJECT =
      SpecSection.builder("Extra Kubernetes objects added to the output as written.")
          .key(
              required(
                  "file",
                  text(),
                  "A YAML file of one or more objects (an Ingress, a CronJob, a custom resource),"
                      + " relative to the spec file and inside its folder."))
          .build();

  private static final SpecSection LAB =
      SpecSection.builder(
              "A Salt-on-Kubernetes lab: a namespace, the registry its images come from, a"
                  + " salt-master and any number of Salt-provisioned roles. The keys mirror"
                  + " SaltLab.builder().")
          .key(
              required(
                  "name",
                  text().matching(DNS_1123_LABEL),
                  "The lab's name, a DNS-1123 label; labels every object and is the namespace"
                      + " unless namespace is set."))
          .key(
              optional(
                  "namespace",
                  text().matching(DNS_1123_LABEL),
                  "The namespace everything lives in; the lab's name unless set."))
          .key(required("registry", REGISTRY, REGISTRY.description()))
          .key(
              optional(
                      "autosignTokenEnv",
                      text(),
                      "Name of the environment variable holding the lab's autosign token (16-512"
                          + " visible characters), for example SALTLAB_AUTOSIGN_TOKEN: minions send"
                          + " it as a grain so the master accepts their keys without"
                          + " auto_accept.")
                  .setting("autosignToken"))
          .key(
              optional(
                      "autosignTokenFile",
                      text(),
                      "A file holding only the autosign token, relative to the spec file; instead"
                          + " of autosignTokenEnv.")
                  .setting("autosignToken"))
          .key(
              optional(
                  "existingAutosignSecret",
                  text().matching(DNS_1123_SUBDOMAIN),
                  "Name of a Secret that already exists in the lab's namespace and holds the"
                      + " autosign token under the keys saltlab_autosign_token (the token) and"
                      + " grains (the line 'saltlab_autosign_token: <token>'): saltlab renders"
                      + " none and needs no token. Recommended: the token never passes through"
                      + " saltlab or git."))
          .key(required("master", MASTER, MASTER.description()))
          .key(
              required(
                  "minionImage",
                  text(),
                  "The salt-minion image roles run unless they name their own."))
          .key(
              optional(
                      "clusterDomain",
                      text().matching(DNS_1123_SUBDOMAIN),
                      "The cluster's DNS domain; the master's address ends in svc.<clusterDomain>.")
                  .byDefault("cluster.local"))
          .key(
              optional(
                      "minionConfigDir",
                      text().matching(ABSOLUTE_PATH),
                      "Where the minion images read minion.d/ and their grains file; change it"
                          + " only together with the roles' --config-dir argument.")
                  .byDefault("/etc/salt"))
          .key(
              optional(
                      "isolateNamespace",
                      SpecType.flag(),
                      "Whether a NetworkPolicy isolates the namespace: its pods reach each other,"
                          + " nothing else gets in except on the ports of roles exposed as NodePort"
                          + " or LoadBalancer; from Kubernetes 1.7.")
                  .byDefault(false))
          .key(optional("roles", listOf(ROLE), "The Salt-provisioned roles."))
          .key(
              optional(
                  "patches",
                  listOf(PATCH),
                  "Changes to rendered objects, applied in this order after translation; the"
                      + " result is validated like the rest."))
          .key(
              optional(
                  "objects",
                  listOf(OBJECT),
                  "Extra objects added to the output, after the patches; validated like the"
                      + " rest."))
          .rule(
              new SpecRule.OneOf(
                  List.of("autosignTokenEnv", "autosignTokenFile"),
                  true,
                  "existingAutosignSecret",
                  "missing 'autosignTokenEnv' (an environment variable holding the lab's autosign"
                      + " token, for example SALTLAB_AUTOSIGN_TOKEN), 'autosignTokenFile' (a file"
                      + " holding only that secret) or 'existingAutosignSecret' (a Secret already"
                      + " in the cluster holding it)"))
          .rule(
              new SpecRule.Excludes(
                  "existingAutosignSecret",
                  Map.of(
                      "autosignTokenEnv", "the existing Secret holds the token",
                      "autosignTokenFile", "the existing Secret holds the token")))
          .build();

  private LabKeys() {}

  /**
   * The lab's own keys, without the sections other modules add.
   *
   * @return the top-level section
   */
  public static SpecSection lab() {
    return LAB;
  }

  /**
   * The whole top level: the lab's keys and every section the given extensions add.
   *
   * @param extensions for example {@link SpecExtension#installed()}
   * @return the top-level section
   */
  public static SpecSection root(List<SpecExtension> extensions) {
    if (extensions.isEmpty()) {
      return LAB;
    }
    List<SpecKey> keys = new ArrayList<>();
    extensions.forEach(e -> keys.add(e.key()));
    return LAB.with(keys);
  }
}
