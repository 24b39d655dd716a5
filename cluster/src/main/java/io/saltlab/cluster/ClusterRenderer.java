package io.saltlab.cluster;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.Registry;
import io.saltlab.topology.SaltDirectory;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a checked {@link LabCluster} and a target into the Vagrant project's files. Every value
 * that reaches a script went through {@link ClusterChecks} (addresses, names, URLs) and is single
 * quoted anyway; the registry password never does: scripts read it from the environment.
 */
final class ClusterRenderer {
  static final String VAGRANTFILE = "Vagrantfile";
  static final String COMMON = "provision/common.sh";
  static final String CONTROL_PLANE = "provision/control-plane.sh";
  static final String WORKER = "provision/worker.sh";
  static final String SALT_HOST_PATHS = "provision/salt-host-paths.sh";
  static final String README = "README.md";
  static final String GITIGNORE = ".gitignore";

  /** Where the file provisioner puts the registry's CA certificate before common.sh runs. */
  private static final String CA_UPLOAD = "/tmp/saltlab-registry-ca.crt";

  private final LabCluster cluster;
  private final KubernetesVersion target;
  private final int minor;
  private final Registry registry;
  private final boolean yum;

  /** Targets before 1.24 still have dockershim: they run docker, later ones containerd. */
  private final boolean docker;

  ClusterRenderer(LabCluster cluster, KubernetesVersion target) {
    this.cluster = cluster;
    this.target = target;
    this.minor = target.minor();
    this.registry = cluster.lab().registry();
    this.yum = cluster.os().packageManager() == PackageManager.YUM;
    this.docker = minor < 24;
  }

  SortedMap<String, String> render() {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(VAGRANTFILE, vagrantfile());
    files.put(COMMON, common());
    files.put(CONTROL_PLANE, controlPlane());
    if (cluster.nodes().size() > 1) {
      files.put(WORKER, worker());
    }
    files.put(SALT_HOST_PATHS, saltHostPaths());
    files.put(README, readme());
    files.put(
        GITIGNORE,
        "# The kubeadm bootstrap token the Vagrantfile makes on first use, and Vagrant's state.\n"
            + ".saltlab-kubeadm-token\n.vagrant/\n");
    // The same first line as every manifest: how `saltlab render` tells its files from the user's.
    files.replaceAll((name, content) -> Manifests.withHeader(name, content, target));
    return files;
  }

  // ---------------------------------------------------------------- Vagrantfile

  private String vagrantfile() {
    StringBuilder out = new StringBuilder();
    out.append(
        """
        # -*- mode: ruby -*-
        # vi: set ft=ruby :
        #
        # @SUMMARY@
        #
        # Usage, from this folder:
        #   export REGISTRY_PASSWORD=...   # password of user @USER@ on @SERVER@
        #   vagrant up
        # VirtualBox brings the machines up one by one in the order below, control plane first, so
        # that the workers find it running when they join.
        # VirtualBox 6.1.28 and later only allow host-only addresses in 192.168.56.0/21 unless
        # /etc/vbox/networks.conf lists more.

        require "securerandom"

        Vagrant.require_version ">= 2.2.0"

        # The kubeadm bootstrap token the control plane creates and the workers join with. It is made
        # on first use and kept beside this file (never in a generated file), so that workers can join
        # without a folder shared back from the control plane (centos/7 syncs /vagrant one way only).
        TOKEN_FILE = File.join(__dir__, ".saltlab-kubeadm-token")
        unless File.exist?(TOKEN_FILE)
          File.write(TOKEN_FILE, "#{SecureRandom.hex(3)}.#{SecureRandom.hex(8)}\\n", perm: 0o600)
        end
        KUBEADM_TOKEN = File.read(TOKEN_FILE).strip

        # Passed to the provisioning scripts' environment: the registry password is read from the
        # host's environment at provision time and written to no file here.
        PROVISION_ENV = {
          "REGISTRY_PASSWORD" => ENV.fetch("REGISTRY_PASSWORD", ""),
          "KUBEADM_TOKEN" => KUBEADM_TOKEN,
        }.freeze

        Vagrant.configure("2") do |config|
          config.vm.box = "@BOX@"
          # The shell provisioner uploads the scripts and the file provisioner the CA certificate, so
          # no shared folder is needed (centos/7 would otherwise need rsync on the host).
          config.vm.synced_folder ".", "/vagrant", disabled: true
        """
            .replace("@SUMMARY@", summary())
            .replace("@USER@", user().replaceAll("[^A-Za-z0-9@._-]", "?"))
            .replace("@SERVER@", registry.server())
            .replace("@BOX@", cluster.box()));
    for (ClusterNode n : cluster.nodes()) {
      out.append(vagrantNode(n));
    }
    out.append("end\n");
    return out.toString();
  }

  private String vagrantNode(ClusterNode n) {
    boolean cp = n.role() == NodeRole.CONTROL_PLANE;
    String args = "args: [\"" + n.name() + "\", \"" + n.ip() + "\"], ";
    StringBuilder out = new StringBuilder("\n");
    out.append("  config.vm.define \"")
        .append(n.name())
        .append('"')
        .append(cp ? ", primary: true" : "")
        .append(" do |node|\n");
    out.append("    node.vm.hostname = \"").append(n.name()).append("\"\n");
    out.append("    node.vm.network \"private_network\", ip: \"").append(n.ip()).append("\"\n");
    out.append("    node.vm.provider \"virtualbox\" do |vb|\n");
    out.append("      vb.name = \"")
        .append(cluster.name())
        .append('-')
        .append(n.name())
        .append("\"\n");
    out.append("      vb.cpus = ").append(n.cpus()).append('\n');
    out.append("      vb.memory = ").append(n.memoryMb()).append('\n');
    out.append("    end\n");
    cluster
        .registryCaFile()
        .ifPresent(
            f ->
                out.append("    node.vm.provision \"registry-ca\", type: \"file\", source: \"")
                    .append(f)
                    .append("\", destination: \"")
                    .append(CA_UPLOAD)
                    .append("\"\n"));
    out.append("    node.vm.provision \"common\", type: \"shell\", path: \"")
        .append(COMMON)
        .append("\",\n")
        .append("      ")
        .append(args)
        .append("env: PROVISION_ENV\n");
    String role = cp ? CONTROL_PLANE : WORKER;
    out.append("    node.vm.provision \"")
        .append(cp ? "control-plane" : "worker")
        .append("\", type: \"shell\", path: \"")
        .append(role)
        .append("\", env: PROVISION_ENV\n");
    if (n.name().equals(cluster.saltMasterNodeName())) {
      out.append("    node.vm.provision \"salt-host-paths\", type: \"shell\", path: \"")
          .append(SALT_HOST_PATHS)
          .append("\"\n");
    }
    out.append("  end\n");
    return out.toString();
  }

  // ---------------------------------------------------------------- common.sh

  private String common() {
    StringBuilder out = new StringBuilder();
    out.append(
        header(
            "run on every node as root: hosts, proxy, kernel settings, container runtime, registry"
                + " trust and login, kubelet/kubeadm/kubectl "
                + target
                + ".x.",
            "NODE_NAME NODE_IP"));
    out.append(
        """

        # Replaces a file with stdin when the content differs, so that services restart only on a
        # change; sets CHANGED to yes or no.
        CHANGED=no
        write_file() {
          local path="$1" mode="$2" tmp
          tmp="$(mktemp)"
          cat > "${tmp}"
          if [ -f "${path}" ] && cmp -s "${tmp}" "${path}"; then
            rm -f "${tmp}"
            CHANGED=no
          else
            mkdir -p "$(dirname "${path}")"
            install -m "${mode}" "${tmp}" "${path}"
            rm -f "${tmp}"
            CHANGED=yes
          fi
        }

        step "check the private address"
        # Kubernetes must use the private network, not the NAT interface (10.0.2.15 on every VM).
        if ! ip -o -4 addr show | grep -q " ${NODE_IP}/"; then
          echo "saltlab: ${NODE_IP} is on no interface of ${NODE_NAME}; check the Vagrantfile's private_network" >&2
          exit 1
        fi

        step "hosts: /etc/hosts entries for the nodes and the registry"
        # Vagrant maps the host name to 127.0.0.1 or 127.0.1.1; the kubelet and etcd would then
        # advertise the loopback address, so the name is taken off loopback lines.
        sed -i -E -e "/^127\\./{:a;s/[[:space:]]${NODE_NAME}([[:space:]]|\\$)/\\1/;ta}" \\
          -e '/^127\\.[0-9.]+[[:space:]]*$/d' /etc/hosts
        sed -i '/^# BEGIN saltlab cluster$/,/^# END saltlab cluster$/d' /etc/hosts
        cat >> /etc/hosts <<'EOF'
        # BEGIN saltlab cluster
        """);
    for (ClusterNode n : cluster.nodes()) {
      out.append(n.ip()).append(' ').append(n.name()).append('\n');
    }
    cluster
        .registryAddress()
        .ifPresent(a -> out.append(a).append(' ').append(cluster.registryHost()).append('\n'));
    out.append("# END saltlab cluster\nEOF\n");
    out.append(proxyEnvironment());
    if (yum) {
      out.append(centosVault());
      out.append(selinux());
    }
    out.append(
        """

        step "swap off"
        # The kubelet refuses to start with swap on (from 1.8) and kubeadm's preflight checks it.
        swapoff -a
        sed -i -E 's@^([^#].*[[:space:]]swap[[:space:]].*)$@#\\1@' /etc/fstab
        """);
    out.append(firewall());
    out.append(
        """

        step "kernel: bridge netfilter and forwarding"
        # Pod traffic crosses a Linux bridge; iptables (kube-proxy, the network add-on) must see it.
        write_file /etc/modules-load.d/saltlab-kubernetes.conf 0644 <<'EOF'
        overlay
        br_netfilter
        EOF
        modprobe overlay
        modprobe br_netfilter
        write_file /etc/sysctl.d/99-saltlab-kubernetes.conf 0644 <<'EOF'
        net.bridge.bridge-nf-call-iptables = 1
        net.bridge.bridge-nf-call-ip6tables = 1
        net.ipv4.ip_forward = 1
        EOF
        sysctl --system > /dev/null
        """);
    out.append(kubernetesRepository());
    out.append(docker ? dockerRuntime() : containerdRuntime());
    out.append(kubernetesPackages());
    out.append(kubeletNodeIp());
    out.append(registryLogin());
    out.append(done());
    return out.toString();
  }

  private String proxyEnvironment() {
    if (cluster.httpProxy().isEmpty() && cluster.httpsProxy().isEmpty()) {
      return "";
    }
    StringBuilder vars = new StringBuilder();
    cluster
        .httpProxy()
        .ifPresent(
            p ->
                vars.append("export http_proxy=")
                    .append(sq(p))
                    .append('\n')
                    .append("export HTTP_PROXY=")
                    .append(sq(p))
                    .append('\n'));
    cluster
        .httpsProxy()
        .ifPresent(
            p ->
                vars.append("export https_proxy=")
                    .append(sq(p))
                    .append('\n')
                    .append("export HTTPS_PROXY=")
                    .append(sq(p))
                    .append('\n'));
    String noProxy = sq(String.join(",", cluster.noProxyEntries()));
    vars.append("export no_proxy=")
        .append(noProxy)
        .append('\n')
        .append("export NO_PROXY=")
        .append(noProxy)
        .append('\n');
    return """

    step "proxy: environment for this script, login shells and the package manager"
    # Both spellings: curl, yum and apt read the lower-case ones, Go programs (kubeadm) either.
    # NO_PROXY lists every node's address since many clients ignore its CIDR entries.
    @VARS@write_file /etc/profile.d/saltlab-proxy.sh 0644 <<'EOF'
    @VARS@EOF
    """
        .replace("@VARS@", vars.toString());
  }

  private String centosVault() {
    return """

    step "yum: CentOS 7 repositories from vault.centos.org"
    # CentOS 7 reached its end of life on 2024-06-30: mirrorlist.centos.org is gone and its
    # packages only remain on vault.centos.org.
    if grep -q '^mirrorlist=' /etc/yum.repos.d/CentOS-*.repo; then
      sed -i -e 's/^mirrorlist=/#mirrorlist=/' \\
        -e 's@^#[[:space:]]*baseurl=http://mirror.centos.org@baseurl=http://vault.centos.org@' \\
        /etc/yum.repos.d/CentOS-*.repo
    fi
    """;
  }

  private String selinux() {
    return """

    step "selinux: permissive"
    # Containers read host paths (the salt-master's directories, the CNI configuration) that the
    # targeted policy denies them; kubeadm's install guide sets SELinux to permissive.
    if [ "$(getenforce)" = "Enforcing" ]; then
      setenforce 0
    fi
    sed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config
    """;
  }

  private String firewall() {
    if (yum) {
      return """

      step "firewall: firewalld replaced by iptables"
      # Kubernetes programs iptables itself; firewalld rewrites the rules under it and kubeadm join
      # to the control plane fails (the write-up's lesson).
      if rpm -q firewalld > /dev/null 2>&1; then
        systemctl stop firewalld
        systemctl disable firewalld
        yum remove -y firewalld
      fi
      if ! rpm -q iptables-services > /dev/null 2>&1; then
        yum install -y iptables-services
      fi
      systemctl enable iptables
      systemctl start iptables
      # iptables-services ends INPUT and FORWARD with REJECT rules that block the API server (6443),
      # the kubelet (10250) and pod traffic; the write-up deleted them by hand with iptables -D.
      rejected=no
      for chain in INPUT FORWARD; do
        while iptables -C "${chain}" -j REJECT --reject-with icmp-host-prohibited 2> /dev/null; do
          iptables -D "${chain}" -j REJECT --reject-with icmp-host-prohibited
          rejected=yes
        done
      done
      # Saved only when changed, so that kube-proxy's own rules are never frozen into the file.
      if [ "${rejected}" = yes ]; then
        service iptables save
      fi
      """;
    }
    return """

    step "firewall: ufw off"
    # Kubernetes programs iptables itself and needs 6443, 10250 and the add-on's ports open.
    if command -v ufw > /dev/null 2>&1 && ufw status | grep -q 'Status: active'; then
      ufw disable
    fi
    """;
  }

  private String kubernetesRepository() {
    if (yum && docker) {
      return """

      step "kubernetes: the 2017 yum repository"
      # This is the repository of the seed write-up (packages.cloud.google.com). Google froze it in
      # September 2023 and has since shut it down, so this step documents the 2017 set-up and the
      # package step below fails today unless the host name is pointed at a mirror of it; targets
      # 1.24 and later use pkgs.k8s.io, which keeps its packages.
      write_file /etc/yum.repos.d/kubernetes.repo 0644 <<'EOF'
      [kubernetes]
      name=Kubernetes
      baseurl=https://packages.cloud.google.com/yum/repos/kubernetes-el7-x86_64
      enabled=1
      gpgcheck=1
      repo_gpgcheck=1
      gpgkey=https://packages.cloud.google.com/yum/doc/yum-key.gpg https://packages.cloud.google.com/yum/doc/rpm-package-key.gpg
      EOF
      """;
    }
    if (yum) {
      return """

      step "kubernetes: pkgs.k8s.io yum repository for @V@"
      # One repository per minor version: the packages cannot drift to another minor. The exclude
      # line keeps a routine yum update from upgrading them; installs lift it explicitly.
      write_file /etc/yum.repos.d/kubernetes.repo 0644 <<'EOF'
      [kubernetes]
      name=Kubernetes @V@
      baseurl=https://pkgs.k8s.io/core:/stable:/v@V@/rpm/
      enabled=1
      gpgcheck=1
      gpgkey=https://pkgs.k8s.io/core:/stable:/v@V@/rpm/repodata/repomd.xml.key
      exclude=kubelet kubeadm kubectl cri-tools kubernetes-cni
      EOF
      """
          .replace("@V@", target.toString());
    }
    return """

    step "kubernetes: pkgs.k8s.io apt repository for @V@"
    export DEBIAN_FRONTEND=noninteractive
    if [ ! -f /etc/apt/keyrings/kubernetes-@V@.gpg ]; then
      apt-get update
      apt-get install -y apt-transport-https ca-certificates curl gpg
      install -d -m 0755 /etc/apt/keyrings
      curl -fsSL https://pkgs.k8s.io/core:/stable:/v@V@/deb/Release.key \\
        | gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes-@V@.gpg
    fi
    # One repository per minor version: the packages cannot drift to another minor.
    write_file /etc/apt/sources.list.d/kubernetes.list 0644 <<'EOF'
    deb [signed-by=/etc/apt/keyrings/kubernetes-@V@.gpg] https://pkgs.k8s.io/core:/stable:/v@V@/deb/ /
    EOF
    apt-get update
    """
        .replace("@V@", target.toString());
  }

  private String dockerRuntime() {
    String server = registry.server();
    StringBuilder out =
        new StringBuilder(
            """

            step "container runtime: docker from CentOS extras"
            # Targets before 1.24 talk to docker through the kubelet's dockershim. CentOS extras ships
            # docker 1.12/1.13, the version kubeadm was validated with in 2017.
            if ! rpm -q docker > /dev/null 2>&1; then
              yum install -y docker
            fi
            RESTART_RUNTIME=no
            """);
    if (cluster.registryCaFile().isPresent()) {
      out.append(
          """

          step "container runtime: trust @SERVER@ through its CA certificate"
          # docker verifies a registry's TLS certificate against certs.d/<host:port>/ca.crt.
          write_file '/etc/docker/certs.d/@SERVER@/ca.crt' 0644 < @CA@
          """
              .replace("@SERVER@", server)
              .replace("@CA@", CA_UPLOAD));
    } else {
      out.append(
          """

          step "container runtime: @SERVER@ as an insecure registry"
          # daemon.json rather than /etc/sysconfig/docker or the unit file: the packaged files stay as
          # shipped and the setting survives package updates.
          write_file /etc/docker/daemon.json 0644 <<'EOF'
          {
            "insecure-registries": ["@SERVER@"]
          }
          EOF
          if [ "${CHANGED}" = yes ]; then
            RESTART_RUNTIME=yes
          fi
          """
              .replace("@SERVER@", server));
    }
    out.append(runtimeProxy("docker"));
    out.append(
        """
        systemctl daemon-reload
        systemctl enable docker
        if [ "${RESTART_RUNTIME}" = yes ] || ! systemctl is-active --quiet docker; then
          systemctl restart docker
        fi
        """);
    return out.toString();
  }

  private String containerdRuntime() {
    String server = registry.server();
    String install =
        yum
            ? """
            # Docker's repository carries containerd for CentOS 7 (frozen with CentOS 7 itself).
            write_file /etc/yum.repos.d/docker-ce.repo 0644 <<'EOF'
            [docker-ce-stable]
            name=Docker CE Stable - $basearch
            baseurl=https://download.docker.com/linux/centos/$releasever/$basearch/stable
            enabled=1
            gpgcheck=1
            gpgkey=https://download.docker.com/linux/centos/gpg
            EOF
            if ! rpm -q containerd.io > /dev/null 2>&1; then
              yum install -y containerd.io
            fi
            """
            : """
            if ! dpkg-query -W -f='${Status}' containerd 2> /dev/null | grep -q 'install ok installed'; then
              apt-get install -y containerd
            fi
            """;
    String hosts =
        cluster.registryCaFile().isPresent()
            ? """
            server = "https://@SERVER@"

            [host."https://@SERVER@"]
              capabilities = ["pull", "resolve"]
              ca = "/etc/containerd/certs.d/@SERVER@/ca.crt"
            """
            : """
            server = "http://@SERVER@"

            [host."http://@SERVER@"]
              capabilities = ["pull", "resolve"]
              skip_verify = true
            """;
    StringBuilder out =
        new StringBuilder(
            """

            step "container runtime: containerd"
            # Targets from 1.24 on have no dockershim: the kubelet talks CRI to containerd directly.
            @INSTALL@RESTART_RUNTIME=no
            # The packaged config.toml may disable the CRI plugin; the default one with the systemd cgroup
            # driver (kubeadm's default from 1.22) and registry host files under certs.d is used instead.
            config="$(containerd config default \\
              | sed -e 's/SystemdCgroup = false/SystemdCgroup = true/' \\
                -e 's@config_path = ""@config_path = "/etc/containerd/certs.d"@')"
            write_file /etc/containerd/config.toml 0644 <<< "${config}"
            if [ "${CHANGED}" = yes ]; then
              RESTART_RUNTIME=yes
            fi
            write_file /etc/crictl.yaml 0644 <<'EOF'
            runtime-endpoint: unix:///run/containerd/containerd.sock
            image-endpoint: unix:///run/containerd/containerd.sock
            EOF

            step "container runtime: registry @SERVER@ in certs.d"
            """
                .replace("@INSTALL@", install));
    if (cluster.registryCaFile().isPresent()) {
      out.append(
          "write_file '/etc/containerd/certs.d/@SERVER@/ca.crt' 0644 < @CA@\n"
              .replace("@CA@", CA_UPLOAD));
    } else {
      out.append(
          "# An insecure registry, as in the seed write-up: plain HTTP, or TLS without"
              + " verification.\n");
    }
    out.append("write_file '/etc/containerd/certs.d/@SERVER@/hosts.toml' 0644 <<'EOF'\n")
        .append(hosts)
        .append("EOF\n");
    out.append(runtimeProxy("containerd"));
    out.append(
        """
        systemctl daemon-reload
        systemctl enable containerd
        if [ "${RESTART_RUNTIME}" = yes ] || ! systemctl is-active --quiet containerd; then
          systemctl restart containerd
        fi
        """);
    return out.toString().replace("@SERVER@", server);
  }

  private String runtimeProxy(String unit) {
    String dropIn = "/etc/systemd/system/" + unit + ".service.d/saltlab-proxy.conf";
    if (cluster.httpProxy().isEmpty() && cluster.httpsProxy().isEmpty()) {
      return """

      step "container runtime: no proxy"
      # A drop-in left by an earlier model with a proxy goes.
      if [ -f @DROPIN@ ]; then
        rm -f @DROPIN@
        RESTART_RUNTIME=yes
      fi
      """
          .replace("@DROPIN@", dropIn);
    }
    StringBuilder env = new StringBuilder();
    cluster
        .httpProxy()
        .ifPresent(p -> env.append("Environment=\"HTTP_PROXY=").append(p).append("\"\n"));
    cluster
        .httpsProxy()
        .ifPresent(p -> env.append("Environment=\"HTTPS_PROXY=").append(p).append("\"\n"));
    env.append("Environment=\"NO_PROXY=")
        .append(String.join(",", cluster.noProxyEntries()))
        .append("\"\n");
    return """

    step "container runtime: proxy through a systemd drop-in"
    # A drop-in rather than an edit of the packaged unit file, which package updates overwrite
    # (the write-up edited /lib/systemd/system/docker.service).
    write_file @DROPIN@ 0644 <<'EOF'
    [Service]
    @ENV@EOF
    if [ "${CHANGED}" = yes ]; then
      RESTART_RUNTIME=yes
    fi
    """
        .replace("@DROPIN@", dropIn)
        .replace("@ENV@", env.toString());
  }

  private String kubernetesPackages() {
    String v = target.toString();
    if (yum) {
      String cni = docker ? " kubernetes-cni" : "";
      String disable = docker ? "" : " --disableexcludes=kubernetes";
      return """

      step "kubernetes: kubelet, kubeadm and kubectl @V@.x"
      if ! rpm -q --qf '%{VERSION}' kubeadm 2> /dev/null | grep -q '^@VRE@\\.'; then
        yum install -y@DISABLE@ 'kubelet-@V@.*' 'kubeadm-@V@.*' 'kubectl-@V@.*'@CNI@
      fi
      systemctl enable kubelet
      """
          .replace("@VRE@", v.replace(".", "\\."))
          .replace("@V@", v)
          .replace("@CNI@", cni)
          .replace("@DISABLE@", disable);
    }
    return """

    step "kubernetes: kubelet, kubeadm and kubectl @V@.x"
    if ! dpkg-query -W -f='${Version}' kubeadm 2> /dev/null | grep -q '^@VRE@\\.'; then
      apt-get install -y kubelet kubeadm kubectl
    fi
    # Held so that a routine upgrade never moves the cluster to another version behind kubeadm.
    apt-mark hold kubelet kubeadm kubectl > /dev/null
    systemctl enable kubelet
    """
        .replace("@VRE@", v.replace(".", "\\."))
        .replace("@V@", v);
  }

  private String kubeletNodeIp() {
    StringBuilder out =
        new StringBuilder(
            """

            step "kubelet: --node-ip ${NODE_IP}"
            # Without it the kubelet registers the NAT interface's 10.0.2.15, the same on every VM.
            KUBELET_EXTRA_ARGS="--node-ip=${NODE_IP}"
            """);
    if (docker) {
      out.append(
          """
          # The kubelet's cgroup driver must match docker's, which CentOS's docker sets to systemd.
          cgroup_driver="$(docker info 2> /dev/null | sed -n 's/^ *Cgroup Driver: *//p')"
          KUBELET_EXTRA_ARGS="${KUBELET_EXTRA_ARGS} --cgroup-driver=${cgroup_driver:-cgroupfs}"
          """);
    }
    if (minor < 11) {
      out.append(
          """
          # kubeadm @V@'s unit drop-in passes $KUBELET_EXTRA_ARGS but reads no environment file.
          write_file /etc/systemd/system/kubelet.service.d/20-saltlab.conf 0644 <<EOF
          [Service]
          Environment="KUBELET_EXTRA_ARGS=${KUBELET_EXTRA_ARGS}"
          EOF
          """
              .replace("@V@", target.toString()));
    } else {
      String file = yum ? "/etc/sysconfig/kubelet" : "/etc/default/kubelet";
      out.append(
          """
          # The packaged unit drop-in reads KUBELET_EXTRA_ARGS from this file.
          write_file @FILE@ 0644 <<EOF
          KUBELET_EXTRA_ARGS=${KUBELET_EXTRA_ARGS}
          EOF
          """
              .replace("@FILE@", file));
    }
    out.append(
        """
        if [ "${CHANGED}" = yes ]; then
          systemctl daemon-reload
          # Before kubeadm init or join the kubelet has no configuration yet and kubeadm starts it.
          if [ -f /etc/kubernetes/kubelet.conf ]; then
            systemctl restart kubelet
          fi
        fi
        """);
    return out.toString();
  }

  /** The registry user the nodes log in as; ClusterChecks refuses a cluster whose lab has none. */
  private String user() {
    return registry.username().orElseThrow();
  }

  private String registryLogin() {
    return """

    step "registry: credentials for @SERVER@"
    # What docker login writes, written directly: the same file serves docker 1.12 (which has no
    # --password-stdin) and containerd nodes, whose kubelet reads /var/lib/kubelet/config.json,
    # and the password never appears on a command line. It comes from REGISTRY_PASSWORD, which
    # the Vagrantfile forwards from the host's environment; no generated file holds it.
    if [ -n "${REGISTRY_PASSWORD:-}" ]; then
      auth="$(printf '%s:%s' @USER@ "${REGISTRY_PASSWORD}" | base64 | tr -d '\\n')"
      for config in /root/.docker/config.json /var/lib/kubelet/config.json; do
        printf '{\\n  "auths": {\\n    "%s": {\\n      "auth": "%s"\\n    }\\n  }\\n}\\n' @SERVER_Q@ "${auth}" \\
          | write_file "${config}" 0600
      done
    elif [ -f /var/lib/kubelet/config.json ]; then
      echo "saltlab: REGISTRY_PASSWORD is not set; keeping the credentials of an earlier run"
    else
      echo "saltlab: REGISTRY_PASSWORD is not set; run: export REGISTRY_PASSWORD=... then vagrant provision" >&2
      exit 1
    fi
    """
        .replace("@SERVER_Q@", sq(registry.server()))
        .replace("@SERVER@", registry.server())
        .replace("@USER@", sq(user()));
  }

  // ---------------------------------------------------------------- control-plane.sh

  private String controlPlane() {
    ClusterNode cp = cluster.controlPlane();
    StringBuilder out = new StringBuilder();
    out.append(
        header(
            "run on the control plane "
                + cp.name()
                + " after common.sh: kubeadm init, the "
                + cluster.networkAddon().id()
                + " add-on and the workers' bootstrap token.",
            ""));
    out.append(tokenCheck());
    String version =
        minor >= 10 ? " \\\n    --kubernetes-version=\"$(kubeadm version -o short)\"" : "";
    out.append(
        """

        export KUBECONFIG=/etc/kubernetes/admin.conf

        step "kubeadm init"
        # The private address, not the NAT one (10.0.2.15), is what the workers can reach.
        if [ ! -f /etc/kubernetes/admin.conf ]; then
          kubeadm init \\
            --apiserver-advertise-address=@IP@ \\
            --pod-network-cidr=@PODS@ \\
            --service-cidr=@SERVICES@ \\
            --token="${KUBEADM_TOKEN}"@VERSION@
        fi

        step "kubeconfig for the vagrant user"
        if id vagrant > /dev/null 2>&1; then
          install -d -o vagrant -g vagrant -m 0700 /home/vagrant/.kube
          install -o vagrant -g vagrant -m 0600 /etc/kubernetes/admin.conf /home/vagrant/.kube/config
        fi

        step "wait for the API server"
        for _ in $(seq 1 60); do
          if kubectl get nodes > /dev/null 2>&1; then
            break
          fi
          sleep 5
        done
        kubectl get nodes > /dev/null

        step "bootstrap token for the workers"
        # Bootstrap tokens expire (24 hours from 1.8): a later provision re-creates the same one.
        if ! kubeadm token list 2> /dev/null | grep -q "^${KUBEADM_TOKEN%%.*}"; then
          kubeadm token create "${KUBEADM_TOKEN}"
        fi
        """
            .replace("@IP@", cp.ip())
            .replace("@PODS@", cluster.podNetworkCidr())
            .replace("@SERVICES@", cluster.serviceCidr())
            .replace("@VERSION@", version));
    out.append(addon(cp));
    if (cp.name().equals(cluster.saltMasterNodeName())) {
      out.append(
          """

          step "schedule pods on @NODE@, which holds the salt-master's directories"
          # kubeadm taints the control plane; the salt-master must run where its host paths are.
          for key in node-role.kubernetes.io/master node-role.kubernetes.io/control-plane; do
            if kubectl get node @NODE@ -o jsonpath='{.spec.taints[*].key}' | grep -qw "${key}"; then
              kubectl taint nodes @NODE@ "${key}-"
            fi
          done
          """
              .replace("@NODE@", cp.name()));
    }
    out.append(done());
    return out.toString();
  }

  private String addon(ClusterNode cp) {
    List<String> urls =
        cluster
            .addonManifestUrl()
            .map(List::of)
            .orElseGet(() -> cluster.networkAddon().manifestUrls(target));
    String id = cluster.networkAddon().id();
    StringBuilder out = new StringBuilder();
    out.append("\nstep \"network add-on: ").append(id).append("\"\n");
    if (cluster.networkAddon() == NetworkAddon.FLANNEL) {
      out.append(
          """
          # flannel's manifest hard-codes 10.244.0.0/16 and picks the interface of the default route,
          # the NAT one on Vagrant VMs; it is given the pod range and the private interface instead.
          iface="$(ip -o -4 addr show | awk -v ip='@IP@' 'index($4, ip "/") == 1 { print $2; exit }')"
          if [ -z "${iface}" ]; then
            echo "saltlab: no interface holds @IP@" >&2
            exit 1
          fi
          """
              .replace("@IP@", cp.ip()));
    } else {
      out.append(
          """
          # Calico's first-found address detection may pick the NAT interface; it is told to use the
          # one that reaches the control plane, and the pod range is given explicitly.
          """);
    }
    for (int i = 0; i < urls.size(); i++) {
      String file = "/root/saltlab-" + id + "-" + (i + 1) + ".yml";
      out.append("curl -fsSL ")
          .append(sq(urls.get(i)))
          .append(" -o ")
          .append(file)
          .append(".download\n");
      if (cluster.networkAddon() == NetworkAddon.FLANNEL) {
        out.append(
            """
            sed -e 's@10\\.244\\.0\\.0/16@@PODS@@g' \\
              -e "s@\\"--kube-subnet-mgr\\"@\\"--kube-subnet-mgr\\", \\"--iface=${iface}\\"@" \\
              -e "s@^\\( *\\)- --kube-subnet-mgr\\$@&\\n\\1- --iface=${iface}@" \\
              @FILE@.download > @FILE@
            """
                .replace("@PODS@", cluster.podNetworkCidr())
                .replace("@FILE@", file));
      } else {
        out.append(
            """
            awk -v reach='@IP@' -v pods='@PODS@' '
              { print }
              /^ *- name: IP$/ { indent = $0; sub(/-.*/, "", indent); next }
              indent != "" && /value: "autodetect"/ {
                print indent "- name: IP_AUTODETECTION_METHOD"
                print indent "  value: \\"can-reach=" reach "\\""
                print indent "- name: CALICO_IPV4POOL_CIDR"
                print indent "  value: \\"" pods "\\""
                indent = ""
              }' @FILE@.download > @FILE@
            """
                .replace("@IP@", cp.ip())
                .replace("@PODS@", cluster.podNetworkCidr())
                .replace("@FILE@", file));
      }
      out.append("kubectl apply -f ").append(file).append('\n');
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- worker.sh

  private String worker() {
    ClusterNode cp = cluster.controlPlane();
    String unsafe = minor >= 8 ? " \\\n    --discovery-token-unsafe-skip-ca-verification" : "";
    StringBuilder out = new StringBuilder();
    out.append(
        header(
            "run on each worker after common.sh: kubeadm join to "
                + cp.name()
                + " ("
                + cp.ip()
                + ").",
            ""));
    out.append(tokenCheck());
    out.append(
        """

        step "kubeadm join @CP@"
        # The token comes from the Vagrantfile, the same the control plane created. Its CA cannot be
        # pinned without a folder shared back from the control plane, so discovery trusts the private
        # network, as the 2017 kubeadm join did.
        if [ ! -f /etc/kubernetes/kubelet.conf ]; then
          kubeadm join --token "${KUBEADM_TOKEN}"@UNSAFE@ \\
            @IP@:6443
        fi
        """
            .replace("@CP@", cp.name())
            .replace("@IP@", cp.ip())
            .replace("@UNSAFE@", unsafe));
    out.append(done());
    return out.toString();
  }

  private String tokenCheck() {
    return """

    step "check the bootstrap token"
    if ! [[ "${KUBEADM_TOKEN:-}" =~ ^[a-z0-9]{6}\\.[a-z0-9]{16}$ ]]; then
      echo "saltlab: KUBEADM_TOKEN is missing or malformed; the Vagrantfile passes it from .saltlab-kubeadm-token" >&2
      exit 1
    fi
    """;
  }

  // ---------------------------------------------------------------- salt-host-paths.sh

  private String saltHostPaths() {
    StringBuilder dirs = new StringBuilder();
    for (SaltDirectory d : SaltDirectory.values()) {
      dirs.append("  ").append(sq(cluster.lab().master().hostPath(d))).append(" \\\n");
    }
    return header(
            "run on " + cluster.saltMasterNodeName() + ": the salt-master's host-path directories.",
            "")
        + """

        step "salt-master host paths under @ROOT@"
        # The salt-master's pod mounts these directories with hostPath volumes; Kubernetes would
        # otherwise create them empty and root-owned on whichever node the pod lands on. They belong
        # to the vagrant user so that states and pillars can be edited over vagrant ssh.
        owner=root
        if id vagrant > /dev/null 2>&1; then
          owner=vagrant
        fi
        for dir in \\
        @DIRS@  ; do
          install -d -m 0755 -o "${owner}" -g "${owner}" "${dir}"
        done
        """
            .replace("@ROOT@", cluster.lab().master().hostRoot())
            .replace("@DIRS@", dirs.toString())
        + done();
  }

  // ---------------------------------------------------------------- README.md

  private String readme() {
    StringBuilder nodes = new StringBuilder();
    for (ClusterNode n : cluster.nodes()) {
      nodes
          .append("| ")
          .append(n.name())
          .append(" | ")
          .append(n.ip())
          .append(" | ")
          .append(n.role() == NodeRole.CONTROL_PLANE ? "control plane" : "worker")
          .append(" | ")
          .append(n.cpus())
          .append(" | ")
          .append(n.memoryMb())
          .append(" MiB |")
          .append(
              n.name().equals(cluster.saltMasterNodeName()) ? " salt-master host paths |" : " |")
          .append('\n');
    }
    return """
    # Cluster @NAME@: Kubernetes @V@ on @OS@

    | node | address | role | CPUs | memory | holds |
    | --- | --- | --- | --- | --- | --- |
    @NODES@

    - Box `@BOX@`, container runtime @RUNTIME@, pod network @ADDON@ on `@PODS@`, Services on `@SERVICES@`.
    - Registry `@SERVER@` (user `@USER@`), @TRUST@.

    ## Use

    ```sh
    export REGISTRY_PASSWORD=...   # never written to these files
    vagrant up
    vagrant ssh @CP@ -c 'kubectl get nodes -o wide'
    ```

    `vagrant provision` runs every step again safely; a failure names its step.

    ## Files

    - `Vagrantfile`: one VM per node on a private network; runs the scripts below.
    - `provision/common.sh`: every node: /etc/hosts, proxy, SELinux, swap, firewall, kernel settings,
      container runtime and registry trust, kubelet/kubeadm/kubectl @V@.x, kubelet `--node-ip`, registry login.
    - `provision/control-plane.sh`: `kubeadm init`, kubeconfig, bootstrap token, network add-on.
    - `provision/worker.sh`: `kubeadm join` (absent when the cluster has one node).
    - `provision/salt-host-paths.sh`: the salt-master's host directories on @HOST@.
    """
        .replace("@NAME@", cluster.name())
        .replace("@V@", target.toString())
        .replace("@OS@", cluster.os().displayName())
        .replace("@NODES@", nodes.toString().stripTrailing())
        .replace("@BOX@", cluster.box())
        .replace("@RUNTIME@", docker ? "docker" : "containerd")
        .replace("@ADDON@", cluster.networkAddon().id())
        .replace("@PODS@", cluster.podNetworkCidr())
        .replace("@SERVICES@", cluster.serviceCidr())
        .replace("@SERVER@", registry.server())
        .replace("@USER@", user())
        .replace(
            "@TRUST@",
            cluster
                .registryCaFile()
                .map(
                    f ->
                        "trusted through the CA certificate `"
                            + f
                            + "` to put beside the Vagrantfile")
                .orElse("trusted as an insecure registry"))
        .replace("@CP@", cluster.controlPlane().name())
        .replace("@HOST@", cluster.saltMasterNodeName());
  }

  // ---------------------------------------------------------------- shared

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

  private String header(String purpose, String usage) {
    String args =
        usage.isEmpty()
            ? ""
            : """

            if [ "$#" -ne @N@ ]; then
              echo "usage: $0 @USAGE@" >&2
              exit 2
            fi
            """
                    .replace("@N@", String.valueOf(usage.split(" ").length))
                    .replace("@USAGE@", usage)
                + (usage.equals("NODE_NAME NODE_IP") ? "NODE_NAME=\"$1\"\nNODE_IP=\"$2\"\n" : "");
    return """
    #!/usr/bin/env bash
    # @SUMMARY@
    # This script is @PURPOSE@
    #
    # Safe to run again (vagrant provision): each step checks what is already done. It stops at
    # the first error and names the step that failed.
    set -Eeuo pipefail

    STEP="start"
    trap 'echo "saltlab: step \\"${STEP}\\" failed (exit $?, line ${LINENO})" >&2' ERR
    step() {
      STEP="$1"
      echo "saltlab: ${STEP}"
    }
    """
            .replace("@SUMMARY@", summary())
            .replace("@PURPOSE@", purpose)
        + args;
  }

  private static String done() {
    return "\nstep \"done\"\n";
  }

  /** Single-quotes a value for bash. */
  static String sq(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
