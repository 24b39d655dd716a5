#%-- The container runtime, its trust of the lab's registry and its proxy (common.sh).
#%if docker

step "container runtime: docker from CentOS extras"
# Targets before 1.24 talk to docker through the kubelet's dockershim. CentOS extras ships
# docker 1.12/1.13, the version kubeadm was validated with in 2017.
if ! rpm -q docker > /dev/null 2>&1; then
  yum install -y docker
fi
RESTART_RUNTIME=no
#%if registry_ca

step "container runtime: trust @@REGISTRY@@ through its CA certificate"
# docker verifies a registry's TLS certificate against certs.d/<host:port>/ca.crt.
write_file '/etc/docker/certs.d/@@REGISTRY@@/ca.crt' 0644 < @@CA_UPLOAD@@
#%else

step "container runtime: @@REGISTRY@@ as an insecure registry"
# daemon.json rather than /etc/sysconfig/docker or the unit file: the packaged files stay as
# shipped and the setting survives package updates.
write_file /etc/docker/daemon.json 0644 <<'EOF'
{
  "insecure-registries": ["@@REGISTRY@@"]
}
EOF
if [ "${CHANGED}" = yes ]; then
  RESTART_RUNTIME=yes
fi
#%end
#%else

step "container runtime: containerd @@CONTAINERD_LINE@@ from @@RUNTIME_SOURCE@@"
# Targets from 1.24 on have no dockershim: the kubelet talks CRI to containerd directly.
# containerd @@CONTAINERD_LINE@@ is a line containerd's release notes (RELEASES.md) recommend for
# Kubernetes @@VERSION@@; the configuration below is written for that line, so a package of
# another line is refused rather than configured blindly.
#%if yum
# Docker's repository for CentOS 7, frozen with CentOS 7 itself.
write_file /etc/yum.repos.d/docker-ce.repo 0644 <<'EOF'
[docker-ce-stable]
name=Docker CE Stable - $basearch
baseurl=https://download.docker.com/linux/centos/$releasever/$basearch/stable
enabled=1
gpgcheck=1
gpgkey=https://download.docker.com/linux/centos/gpg
EOF
if ! rpm -q --qf '%{VERSION}' containerd.io 2> /dev/null | grep -q '^@@CONTAINERD_MAJOR@@\.@@CONTAINERD_MINOR@@\.'; then
  yum install -y 'containerd.io-@@CONTAINERD_LINE@@.*'
fi
#%else
if [ ! -f /etc/apt/keyrings/docker.gpg ]; then
  install -d -m 0755 /etc/apt/keyrings
  curl -fsSL https://download.docker.com/linux/@@APT_DISTRIBUTION@@/gpg \
    | gpg --dearmor --yes -o /etc/apt/keyrings/docker.gpg
fi
write_file /etc/apt/sources.list.d/docker.list 0644 <<'EOF'
deb [signed-by=/etc/apt/keyrings/docker.gpg] https://download.docker.com/linux/@@APT_DISTRIBUTION@@ @@CODENAME@@ stable
EOF
if ! dpkg-query -W -f='${Version}' containerd.io 2> /dev/null | grep -q '^@@CONTAINERD_MAJOR@@\.@@CONTAINERD_MINOR@@\.'; then
  apt-get update
  apt-get install -y --allow-change-held-packages 'containerd.io=@@CONTAINERD_LINE@@.*'
fi
# Held, like kubelet and kubeadm, so that an upgrade never moves it to another line.
apt-mark hold containerd.io > /dev/null
#%end
installed="$(containerd --version | awk '{ sub(/^v/, "", $3); print $3 }')"
case "${installed}" in
  @@CONTAINERD_LINE@@.*) ;;
  *)
    echo "saltlab: containerd ${installed} is installed; this script configures containerd @@CONTAINERD_LINE@@" >&2
    exit 1
    ;;
esac
RESTART_RUNTIME=no
# The whole configuration rather than an edit of the packaged one (which may disable the CRI
# plugin): runc with the systemd cgroup driver, kubeadm's default from 1.22, and registry hosts
# from certs.d. Everything else keeps containerd's defaults.
#%if containerd_config_v3
write_file /etc/containerd/config.toml 0644 <<'EOF'
# containerd @@CONTAINERD_LINE@@ configuration, written by saltlab (configuration version 3).
version = 3

[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
  runtime_type = 'io.containerd.runc.v2'

[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
  SystemdCgroup = true

[plugins.'io.containerd.cri.v1.images'.registry]
  config_path = '/etc/containerd/certs.d'
EOF
#%else
write_file /etc/containerd/config.toml 0644 <<'EOF'
# containerd @@CONTAINERD_LINE@@ configuration, written by saltlab (configuration version 2).
version = 2

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"

[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
  SystemdCgroup = true

[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = "/etc/containerd/certs.d"
EOF
#%end
if [ "${CHANGED}" = yes ]; then
  RESTART_RUNTIME=yes
fi
write_file /etc/crictl.yaml 0644 <<'EOF'
runtime-endpoint: unix:///run/containerd/containerd.sock
image-endpoint: unix:///run/containerd/containerd.sock
EOF

step "container runtime: registry @@REGISTRY@@ in certs.d"
#%if registry_ca
write_file '/etc/containerd/certs.d/@@REGISTRY@@/ca.crt' 0644 < @@CA_UPLOAD@@
write_file '/etc/containerd/certs.d/@@REGISTRY@@/hosts.toml' 0644 <<'EOF'
server = "https://@@REGISTRY@@"

[host."https://@@REGISTRY@@"]
  capabilities = ["pull", "resolve"]
  ca = "/etc/containerd/certs.d/@@REGISTRY@@/ca.crt"
EOF
#%else
# An insecure registry, as in the seed write-up: plain HTTP, or TLS without verification.
write_file '/etc/containerd/certs.d/@@REGISTRY@@/hosts.toml' 0644 <<'EOF'
server = "http://@@REGISTRY@@"

[host."http://@@REGISTRY@@"]
  capabilities = ["pull", "resolve"]
  skip_verify = true
EOF
#%end
#%end
#%if proxy

step "container runtime: proxy through a systemd drop-in"
# A drop-in rather than an edit of the packaged unit file, which package updates overwrite
# (the write-up edited /lib/systemd/system/docker.service).
write_file /etc/systemd/system/@@RUNTIME@@.service.d/saltlab-proxy.conf 0644 <<'EOF'
[Service]
#%if http_proxy
Environment="HTTP_PROXY=@@HTTP_PROXY@@"
#%end
#%if https_proxy
Environment="HTTPS_PROXY=@@HTTPS_PROXY@@"
#%end
Environment="NO_PROXY=@@NO_PROXY@@"
EOF
if [ "${CHANGED}" = yes ]; then
  RESTART_RUNTIME=yes
fi
#%else

step "container runtime: no proxy"
# A drop-in left by an earlier model with a proxy goes.
if [ -f /etc/systemd/system/@@RUNTIME@@.service.d/saltlab-proxy.conf ]; then
  rm -f /etc/systemd/system/@@RUNTIME@@.service.d/saltlab-proxy.conf
  RESTART_RUNTIME=yes
fi
#%end
systemctl daemon-reload
systemctl enable @@RUNTIME@@
if [ "${RESTART_RUNTIME}" = yes ] || ! systemctl is-active --quiet @@RUNTIME@@; then
  systemctl restart @@RUNTIME@@
fi
