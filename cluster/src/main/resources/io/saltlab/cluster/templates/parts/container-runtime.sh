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

step "container runtime: containerd"
# Targets from 1.24 on have no dockershim: the kubelet talks CRI to containerd directly.
#%if yum
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
#%else
if ! dpkg-query -W -f='${Status}' containerd 2> /dev/null | grep -q 'install ok installed'; then
  apt-get install -y containerd
fi
#%end
RESTART_RUNTIME=no
# The packaged config.toml may disable the CRI plugin; the default one with the systemd cgroup
# driver (kubeadm's default from 1.22) and registry host files under certs.d is used instead.
config="$(containerd config default \
  | sed -e 's/SystemdCgroup = false/SystemdCgroup = true/' \
    -e 's@config_path = ""@config_path = "/etc/containerd/certs.d"@')"
write_file /etc/containerd/config.toml 0644 <<< "${config}"
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
