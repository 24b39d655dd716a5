#!/usr/bin/env bash
#%include parts/preamble.sh
#%include parts/token-check.sh

step "kubeadm join @@CONTROL_PLANE@@"
# The token comes from the Vagrantfile, the same the control plane created. Its CA cannot be
# pinned without a folder shared back from the control plane, so discovery trusts the private
# network, as the 2017 kubeadm join did.
if [ ! -f /etc/kubernetes/kubelet.conf ]; then
#%if skip_ca_verification_flag
  kubeadm join --token "${KUBEADM_TOKEN}" \
    --discovery-token-unsafe-skip-ca-verification \
    @@CONTROL_PLANE_IP@@:6443
#%else
  kubeadm join --token "${KUBEADM_TOKEN}" \
    @@CONTROL_PLANE_IP@@:6443
#%end
fi

step "done"
