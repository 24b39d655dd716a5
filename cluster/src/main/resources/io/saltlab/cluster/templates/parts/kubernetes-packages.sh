#%-- kubelet, kubeadm and kubectl pinned to the target, and the kubelet's node address (common.sh).
#%if yum

step "kubernetes: kubelet, kubeadm and kubectl @@VERSION@@.x"
if ! rpm -q --qf '%{VERSION}' kubeadm 2> /dev/null | grep -q '^@@MAJOR@@\.@@MINOR@@\.'; then
#%if docker
  yum install -y 'kubelet-@@VERSION@@.*' 'kubeadm-@@VERSION@@.*' 'kubectl-@@VERSION@@.*' kubernetes-cni
#%else
  yum install -y --disableexcludes=kubernetes 'kubelet-@@VERSION@@.*' 'kubeadm-@@VERSION@@.*' 'kubectl-@@VERSION@@.*'
#%end
fi
systemctl enable kubelet
#%else

step "kubernetes: kubelet, kubeadm and kubectl @@VERSION@@.x"
if ! dpkg-query -W -f='${Version}' kubeadm 2> /dev/null | grep -q '^@@MAJOR@@\.@@MINOR@@\.'; then
  apt-get install -y kubelet kubeadm kubectl
fi
# Held so that a routine upgrade never moves the cluster to another version behind kubeadm.
apt-mark hold kubelet kubeadm kubectl > /dev/null
systemctl enable kubelet
#%end

step "kubelet: --node-ip ${NODE_IP}"
# Without it the kubelet registers the NAT interface's 10.0.2.15, the same on every VM.
KUBELET_EXTRA_ARGS="--node-ip=${NODE_IP}"
#%if docker
# The kubelet's cgroup driver must match docker's, which CentOS's docker sets to systemd.
cgroup_driver="$(docker info 2> /dev/null | sed -n 's/^ *Cgroup Driver: *//p')"
KUBELET_EXTRA_ARGS="${KUBELET_EXTRA_ARGS} --cgroup-driver=${cgroup_driver:-cgroupfs}"
#%end
#%if kubelet_drop_in
# kubeadm @@VERSION@@'s unit drop-in passes $KUBELET_EXTRA_ARGS but reads no environment file.
write_file /etc/systemd/system/kubelet.service.d/20-saltlab.conf 0644 <<EOF
[Service]
Environment="KUBELET_EXTRA_ARGS=${KUBELET_EXTRA_ARGS}"
EOF
#%else
# The packaged unit drop-in reads KUBELET_EXTRA_ARGS from this file.
write_file @@KUBELET_ENV_FILE@@ 0644 <<EOF
KUBELET_EXTRA_ARGS=${KUBELET_EXTRA_ARGS}
EOF
#%end
if [ "${CHANGED}" = yes ]; then
  systemctl daemon-reload
  # Before kubeadm init or join the kubelet has no configuration yet and kubeadm starts it.
  if [ -f /etc/kubernetes/kubelet.conf ]; then
    systemctl restart kubelet
  fi
fi
