package io.saltlab.cluster;

import io.saltlab.cluster.internal.Template;
import io.saltlab.cluster.internal.TemplateValues;
import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.Registry;
import io.saltlab.topology.SaltDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a checked {@link LabCluster} and a target into the Vagrant project's files, by filling the
 * templates under {@code src/main/resources/io/saltlab/cluster/templates/}. This class only decides
 * flags and values; every line of text is in a template. Every value went through {@link
 * ClusterChecks} (addresses, names, URLs) and is checked again by {@link TemplateValues} for the
 * place it goes; the registry password never reaches a file: scripts read it from the environment.
 */
final class ClusterRenderer {
  static final String VAGRANTFILE = "Vagrantfile";
  static final String COMMON = "provision/common.sh";
  static final String CONTROL_PLANE = "provision/control-plane.sh";
  static final String WORKER = "provision/worker.sh";
  static final String SALT_HOST_PATHS = "provision/salt-host-paths.sh";
  static final String README = "README.md";
  static final String GITIGNORE = ".gitignore";

  /** The templates, by the file each renders; {@code .gitignore} is kept without its dot. */
  static final SortedMap<String, String> TEMPLATES =
      new TreeMap<>(
          java.util.Map.of(
              VAGRANTFILE, "Vagrantfile",
              COMMON, COMMON,
              CONTROL_PLANE, CONTROL_PLANE,
              WORKER, WORKER,
              SALT_HOST_PATHS, SALT_HOST_PATHS,
              README, README,
              GITIGNORE, "gitignore"));

  /** Where the file provisioner puts the registry's CA certificate before common.sh runs. */
  private static final String CA_UPLOAD = "/tmp/saltlab-registry-ca.crt";

  private final LabCluster cluster;
  private final KubernetesVersion target;
  private final int minor;
  private final Registry registry;
  private final boolean yum;

  private final ContainerRuntime runtime;

  /** Targets before 1.24 still have dockershim: they run docker, later ones containerd. */
  private final boolean docker;

  ClusterRenderer(LabCluster cluster, KubernetesVersion target) {
    this.cluster = cluster;
    this.target = target;
    this.minor = target.minor();
    this.registry = cluster.lab().registry();
    this.yum = cluster.os().packageManager() == PackageManager.YUM;
    this.runtime = ContainerRuntime.of(cluster.os(), target);
    this.docker = runtime.docker();
  }

  /**
   * Whether {@code kubeadm init} gets {@code --kubernetes-version} (pinned to the installed kubeadm
   * so that it never looks up the newest release): from 1.10.
   */
  static boolean kubernetesVersionFlag(int minor) {
    return minor >= 10;
  }

  /**
   * Whether {@code kubeadm join} needs {@code --discovery-token-unsafe-skip-ca-verification}, which
   * kubeadm requires from 1.8 when the CA is not pinned.
   */
  static boolean skipCaVerificationFlag(int minor) {
    return minor >= 8;
  }

  /**
   * Whether no official repository holds the target's packages any more: packages.cloud.google.com
   * was removed on 2024-03-04 and pkgs.k8s.io holds 1.24 and later.
   */
  static boolean packagesGone(int minor) {
    return minor < 24;
  }

  SortedMap<String, String> render() {
    SortedMap<String, String> files = new TreeMap<>();
    values()
        .forEach(
            (file, values) ->
                // The same first line as every manifest: how `saltlab render` tells its files
                // from the user's.
                files.put(
                    file,
                    Manifests.withHeader(
                        file, Templates.get(TEMPLATES.get(file)).render(values), target)));
    return files;
  }

  /** What fills each file's template, by file; a one-node cluster has no worker script. */
  SortedMap<String, TemplateValues> values() {
    SortedMap<String, TemplateValues> values = new TreeMap<>();
    values.put(VAGRANTFILE, vagrantfile());
    values.put(COMMON, common());
    values.put(CONTROL_PLANE, controlPlane());
    if (cluster.nodes().size() > 1) {
      values.put(WORKER, worker());
    }
    values.put(SALT_HOST_PATHS, saltHostPaths());
    values.put(README, readme());
    values.put(GITIGNORE, TemplateValues.of());
    return values;
  }

  // ---------------------------------------------------------------- Vagrantfile

  private TemplateValues vagrantfile() {
    List<TemplateValues> nodes = new ArrayList<>();
    for (ClusterNode n : cluster.nodes()) {
      nodes.add(
          TemplateValues.row()
              .word("NAME", n.name())
              .word("IP", n.ip())
              .word("VM_NAME", cluster.name() + "-" + n.name())
              .number("CPUS", n.cpus())
              .number("MEMORY_MB", n.memoryMb())
              .flag("control_plane", n.role() == NodeRole.CONTROL_PLANE)
              .flag("salt_host_paths", n.name().equals(cluster.saltMasterNodeName())));
    }
    TemplateValues v =
        TemplateValues.of()
            .text("SUMMARY", summary())
            .text("REGISTRY_USER", user().replaceAll("[^A-Za-z0-9@._-]", "?"))
            .word("REGISTRY", registry.server())
            .word("BOX", cluster.box())
            .list("NODES", nodes);
    return registryCa(v).word("CA_UPLOAD", CA_UPLOAD);
  }

  private TemplateValues registryCa(TemplateValues v) {
    v.flag("registry_ca", cluster.registryCaFile().isPresent());
    cluster.registryCaFile().ifPresent(f -> v.word("CA_FILE", f));
    return v;
  }

  // ---------------------------------------------------------------- provisioning scripts

  private TemplateValues script(String purpose) {
    return TemplateValues.of().text("SUMMARY", summary()).text("PURPOSE", purpose);
  }

  private TemplateValues common() {
    List<TemplateValues> hosts = new ArrayList<>();
    for (ClusterNode n : cluster.nodes()) {
      hosts.add(TemplateValues.row().word("IP", n.ip()).word("NAME", n.name()));
    }
    cluster
        .registryAddress()
        .ifPresent(a -> hosts.add(TemplateValues.row().word("IP", a).word("NAME", registryHost())));
    TemplateValues v =
        script(
                "run on every node as root: hosts, proxy, kernel settings, container runtime,"
                    + " registry trust and login, kubelet/kubeadm/kubectl "
                    + target
                    + ".x.")
            .list("HOSTS", hosts)
            .flag("yum", yum)
            .flag("docker", docker)
            .word("RUNTIME", runtime.name())
            .word("CONTAINERD_LINE", runtime.line())
            .word("CONTAINERD_MAJOR", runtime.line().substring(0, runtime.line().indexOf('.')))
            .word("CONTAINERD_MINOR", runtime.line().substring(runtime.line().indexOf('.') + 1))
            .text("RUNTIME_SOURCE", runtime.source())
            .flag("containerd_config_v3", runtime.configVersion3())
            .word("APT_DISTRIBUTION", yum ? "none" : cluster.os().aptDistribution())
            .word("CODENAME", yum ? "none" : cluster.os().codename())
            .word("REGISTRY", registry.server())
            .quoted("REGISTRY_Q", registry.server())
            .quoted("REGISTRY_USER_Q", user())
            .word("CA_UPLOAD", CA_UPLOAD)
            .word("VERSION", target.toString())
            .number("MAJOR", 1)
            .number("MINOR", minor)
            .flag("kubelet_drop_in", minor < 11)
            .word("KUBELET_ENV_FILE", yum ? "/etc/sysconfig/kubelet" : "/etc/default/kubelet")
            .flag("registry_ca", cluster.registryCaFile().isPresent());
    return proxies(v);
  }

  private TemplateValues proxies(TemplateValues v) {
    boolean any = cluster.httpProxy().isPresent() || cluster.httpsProxy().isPresent();
    v.flag("proxy", any)
        .flag("http_proxy", cluster.httpProxy().isPresent())
        .flag("https_proxy", cluster.httpsProxy().isPresent());
    cluster.httpProxy().ifPresent(p -> v.word("HTTP_PROXY", p).quoted("HTTP_PROXY_Q", p));
    cluster.httpsProxy().ifPresent(p -> v.word("HTTPS_PROXY", p).quoted("HTTPS_PROXY_Q", p));
    if (any) {
      String noProxy = String.join(",", cluster.noProxyEntries());
      v.text("NO_PROXY", noProxy).quoted("NO_PROXY_Q", noProxy);
    }
    return v;
  }

  private TemplateValues controlPlane() {
    ClusterNode cp = cluster.controlPlane();
    List<String> urls =
        cluster
            .addonManifestUrl()
            .map(List::of)
            .orElseGet(() -> cluster.networkAddon().manifestUrls(target));
    String id = cluster.networkAddon().id();
    List<TemplateValues> manifests = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      manifests.add(
          TemplateValues.row()
              .quoted("URL", urls.get(i))
              .word("FILE", "/root/saltlab-" + id + "-" + (i + 1) + ".yml"));
    }
    return script(
            "run on the control plane "
                + cp.name()
                + " after common.sh: kubeadm init, the "
                + id
                + " add-on and the workers' bootstrap token.")
        .word("CONTROL_PLANE", cp.name())
        .word("CONTROL_PLANE_IP", cp.ip())
        .word("POD_CIDR", cluster.podNetworkCidr())
        .word("SERVICE_CIDR", cluster.serviceCidr())
        .flag("kubernetes_version_flag", kubernetesVersionFlag(minor))
        .word("ADDON", id)
        .flag("flannel", cluster.networkAddon() == NetworkAddon.FLANNEL)
        .list("MANIFESTS", manifests)
        .flag("untaint", cp.name().equals(cluster.saltMasterNodeName()));
  }

  private TemplateValues worker() {
    ClusterNode cp = cluster.controlPlane();
    return script(
            "run on each worker after common.sh: kubeadm join to "
                + cp.name()
                + " ("
                + cp.ip()
                + ").")
        .word("CONTROL_PLANE", cp.name())
        .word("CONTROL_PLANE_IP", cp.ip())
        .flag("skip_ca_verification_flag", skipCaVerificationFlag(minor));
  }

  private TemplateValues saltHostPaths() {
    List<TemplateValues> dirs = new ArrayList<>();
    for (SaltDirectory d : SaltDirectory.values()) {
      dirs.add(TemplateValues.row().quoted("PATH", cluster.lab().master().hostPath(d)));
    }
    return script(
            "run on " + cluster.saltMasterNodeName() + ": the salt-master's host-path directories.")
        .word("HOST_ROOT", cluster.lab().master().hostRoot())
        .list("DIRS", dirs);
  }

  // ---------------------------------------------------------------- README.md

  private TemplateValues readme() {
    List<TemplateValues> nodes = new ArrayList<>();
    for (ClusterNode n : cluster.nodes()) {
      nodes.add(
          TemplateValues.row()
              .word("NAME", n.name())
              .word("IP", n.ip())
              .text("ROLE", n.role() == NodeRole.CONTROL_PLANE ? "control plane" : "worker")
              .number("CPUS", n.cpus())
              .number("MEMORY_MB", n.memoryMb())
              .text(
                  "HOLDS",
                  n.name().equals(cluster.saltMasterNodeName())
                      ? " salt-master host paths "
                      : " "));
    }
    TemplateValues v =
        TemplateValues.of()
            .word("NAME", cluster.name())
            .word("VERSION", target.toString())
            .text("OS", cluster.os().displayName())
            .list("NODES", nodes)
            .word("BOX", cluster.box())
            .text("KERNEL", cluster.os().kernel())
            .word("CGROUP", cluster.os().cgroupV2() ? "v2" : "v1")
            .text("RUNTIME", runtime.describe())
            .word("ADDON", cluster.networkAddon().id())
            .text("ADDON_RELEASE", addonRelease())
            .flag("packages_gone", packagesGone(minor))
            .word("POD_CIDR", cluster.podNetworkCidr())
            .word("SERVICE_CIDR", cluster.serviceCidr())
            .word("REGISTRY", registry.server())
            .text("REGISTRY_USER", user())
            .word("CONTROL_PLANE", cluster.controlPlane().name())
            .word("SALT_MASTER_NODE", cluster.saltMasterNodeName());
    return registryCa(v);
  }

  // ---------------------------------------------------------------- shared

  /** The pinned release, or where an overriding manifest comes from. */
  private String addonRelease() {
    return cluster.addonManifestUrl().isPresent()
        ? "(addonManifestUrl)"
        : cluster.networkAddon().release(target);
  }

  /** The registry user the nodes log in as; ClusterChecks refuses a cluster whose lab has none. */
  private String user() {
    return registry.username().orElseThrow();
  }

  private String registryHost() {
    return cluster.registryHost();
  }

  private String summary() {
    return "The cluster under the saltlab lab \""
        + cluster.lab().name()
        + "\": Kubernetes "
        + target
        + " on "
        + cluster.os().displayName()
        + ", "
        + cluster.nodes().size()
        + " VirtualBox VMs ("
        + cluster.nodes().stream().map(ClusterNode::name).collect(Collectors.joining(", "))
        + ").";
  }

  /** The parsed templates, read once per class loader. */
  private static final class Templates {
    private static final java.util.Map<String, Template> BY_PATH = new java.util.HashMap<>();

    static {
      for (String path : TEMPLATES.values()) {
        BY_PATH.put(path, Template.load(path));
      }
    }

    static Template get(String path) {
      return BY_PATH.get(path);
    }
  }
}
