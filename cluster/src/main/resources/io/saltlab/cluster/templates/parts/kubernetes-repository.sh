#%-- The package repository of kubelet, kubeadm and kubectl for the target (common.sh).
#%if yum
#%if docker

step "kubernetes: the 2017 yum repository"
# This is the repository of the seed write-up (packages.cloud.google.com). It was frozen on
# 2023-09-13 and removed on 2024-03-04, and pkgs.k8s.io only holds 1.24 and later, so no official
# repository has kubelet, kubeadm and kubectl @@VERSION@@ any more. The step stops with that
# message unless the repository answers (a mirror of it under the same name).
if ! curl -fsS -o /dev/null https://packages.cloud.google.com/yum/repos/kubernetes-el7-x86_64/repodata/repomd.xml; then
  echo "saltlab: the Kubernetes @@VERSION@@ packages are gone (packages.cloud.google.com was removed on 2024-03-04); the nearest target that still installs is 1.24: render the lab for 1.24" >&2
  exit 1
fi
write_file /etc/yum.repos.d/kubernetes.repo 0644 <<'EOF'
[kubernetes]
name=Kubernetes
baseurl=https://packages.cloud.google.com/yum/repos/kubernetes-el7-x86_64
enabled=1
gpgcheck=1
repo_gpgcheck=1
gpgkey=https://packages.cloud.google.com/yum/doc/yum-key.gpg https://packages.cloud.google.com/yum/doc/rpm-package-key.gpg
EOF
#%else

step "kubernetes: pkgs.k8s.io yum repository for @@VERSION@@"
# One repository per minor version: the packages cannot drift to another minor. The exclude
# line keeps a routine yum update from upgrading them; installs lift it explicitly.
write_file /etc/yum.repos.d/kubernetes.repo 0644 <<'EOF'
[kubernetes]
name=Kubernetes @@VERSION@@
baseurl=https://pkgs.k8s.io/core:/stable:/v@@VERSION@@/rpm/
enabled=1
gpgcheck=1
gpgkey=https://pkgs.k8s.io/core:/stable:/v@@VERSION@@/rpm/repodata/repomd.xml.key
exclude=kubelet kubeadm kubectl cri-tools kubernetes-cni
EOF
#%end
#%else

step "kubernetes: pkgs.k8s.io apt repository for @@VERSION@@"
export DEBIAN_FRONTEND=noninteractive
if [ ! -f /etc/apt/keyrings/kubernetes-@@VERSION@@.gpg ]; then
  apt-get update
  apt-get install -y apt-transport-https ca-certificates curl gpg
  install -d -m 0755 /etc/apt/keyrings
  curl -fsSL https://pkgs.k8s.io/core:/stable:/v@@VERSION@@/deb/Release.key \
    | gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes-@@VERSION@@.gpg
fi
# One repository per minor version: the packages cannot drift to another minor.
write_file /etc/apt/sources.list.d/kubernetes.list 0644 <<'EOF'
deb [signed-by=/etc/apt/keyrings/kubernetes-@@VERSION@@.gpg] https://pkgs.k8s.io/core:/stable:/v@@VERSION@@/deb/ /
EOF
apt-get update
#%end
