#!/usr/bin/env bash
#%include parts/preamble.sh

if [ "$#" -ne 2 ]; then
  echo "usage: $0 NODE_NAME NODE_IP" >&2
  exit 2
fi
NODE_NAME="$1"
NODE_IP="$2"

# Replaces a file with stdin when the content differs, so that services restart only on a
# change; sets CHANGED to yes or no.
CHANGED=no
# shellcheck disable=SC2034 # CHANGED is read in the parts this template includes
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
sed -i -E -e "/^127\./{:a;s/[[:space:]]${NODE_NAME}([[:space:]]|\$)/\1/;ta}" \
  -e '/^127\.[0-9.]+[[:space:]]*$/d' /etc/hosts
sed -i '/^# BEGIN saltlab cluster$/,/^# END saltlab cluster$/d' /etc/hosts
cat >> /etc/hosts <<'EOF'
# BEGIN saltlab cluster
@@HOSTS.IP@@ @@HOSTS.NAME@@
# END saltlab cluster
EOF
#%if proxy

step "proxy: environment for this script, login shells and the package manager"
# Both spellings: curl, yum and apt read the lower-case ones, Go programs (kubeadm) either.
# NO_PROXY lists every node's address since many clients ignore its CIDR entries.
#%include parts/proxy-exports.sh
write_file /etc/profile.d/saltlab-proxy.sh 0644 <<'EOF'
#%include parts/proxy-exports.sh
EOF
#%end
#%if yum

step "yum: CentOS 7 repositories from vault.centos.org"
# CentOS 7 reached its end of life on 2024-06-30: mirrorlist.centos.org is gone and its
# packages only remain on vault.centos.org.
if grep -q '^mirrorlist=' /etc/yum.repos.d/CentOS-*.repo; then
  sed -i -e 's/^mirrorlist=/#mirrorlist=/' \
    -e 's@^#[[:space:]]*baseurl=http://mirror.centos.org@baseurl=http://vault.centos.org@' \
    /etc/yum.repos.d/CentOS-*.repo
fi

step "selinux: permissive"
# Containers read host paths (the salt-master's directories, the CNI configuration) that the
# targeted policy denies them; kubeadm's install guide sets SELinux to permissive.
if [ "$(getenforce)" = "Enforcing" ]; then
  setenforce 0
fi
sed -i 's/^SELINUX=enforcing$/SELINUX=permissive/' /etc/selinux/config
#%end

step "swap off"
# The kubelet refuses to start with swap on (from 1.8) and kubeadm's preflight checks it.
swapoff -a
sed -i -E 's@^([^#].*[[:space:]]swap[[:space:]].*)$@#\1@' /etc/fstab
#%if yum

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
#%else

step "firewall: ufw off"
# Kubernetes programs iptables itself and needs 6443, 10250 and the add-on's ports open.
if command -v ufw > /dev/null 2>&1 && ufw status | grep -q 'Status: active'; then
  ufw disable
fi
#%end

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
#%include parts/kubernetes-repository.sh
#%include parts/container-runtime.sh
#%include parts/kubernetes-packages.sh

step "registry: credentials for @@REGISTRY@@"
# What docker login writes, written directly: the same file serves docker 1.12 (which has no
# --password-stdin) and containerd nodes, whose kubelet reads /var/lib/kubelet/config.json,
# and the password never appears on a command line. It comes from SALTLAB_REGISTRY_PASSWORD
# (the name the examples read at render time too), which the Vagrantfile forwards from the host's
# environment; no generated file holds it.
if [ -n "${SALTLAB_REGISTRY_PASSWORD:-}" ]; then
  auth="$(printf '%s:%s' @@REGISTRY_USER_Q@@ "${SALTLAB_REGISTRY_PASSWORD}" | base64 | tr -d '\n')"
  for config in /root/.docker/config.json /var/lib/kubelet/config.json; do
    printf '{\n  "auths": {\n    "%s": {\n      "auth": "%s"\n    }\n  }\n}\n' @@REGISTRY_Q@@ "${auth}" \
      | write_file "${config}" 0600
  done
elif [ -f /var/lib/kubelet/config.json ]; then
  echo "saltlab: SALTLAB_REGISTRY_PASSWORD is not set; keeping the credentials of an earlier run"
else
  echo "saltlab: SALTLAB_REGISTRY_PASSWORD is not set; run: export SALTLAB_REGISTRY_PASSWORD=... then vagrant provision" >&2
  exit 1
fi

step "done"
