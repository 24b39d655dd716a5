#!/usr/bin/env bash
#%include parts/preamble.sh
#%include parts/token-check.sh

export KUBECONFIG=/etc/kubernetes/admin.conf

step "kubeadm init"
# The private address, not the NAT one (10.0.2.15), is what the workers can reach.
if [ ! -f /etc/kubernetes/admin.conf ]; then
#%if kubernetes_version_flag
  kubeadm init \
    --apiserver-advertise-address=@@CONTROL_PLANE_IP@@ \
    --pod-network-cidr=@@POD_CIDR@@ \
    --service-cidr=@@SERVICE_CIDR@@ \
    --token="${KUBEADM_TOKEN}" \
    --kubernetes-version="$(kubeadm version -o short)"
#%else
  kubeadm init \
    --apiserver-advertise-address=@@CONTROL_PLANE_IP@@ \
    --pod-network-cidr=@@POD_CIDR@@ \
    --service-cidr=@@SERVICE_CIDR@@ \
    --token="${KUBEADM_TOKEN}"
#%end
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

step "network add-on: @@ADDON@@"
#%if flannel
# flannel's manifest hard-codes 10.244.0.0/16 and picks the interface of the default route,
# the NAT one on Vagrant VMs; it is given the pod range and the private interface instead.
iface="$(ip -o -4 addr show | awk -v ip='@@CONTROL_PLANE_IP@@' 'index($4, ip "/") == 1 { print $2; exit }')"
if [ -z "${iface}" ]; then
  echo "saltlab: no interface holds @@CONTROL_PLANE_IP@@" >&2
  exit 1
fi
#%else
# Calico's first-found address detection may pick the NAT interface; it is told to use the
# one that reaches the control plane, and the pod range is given explicitly.
#%end
#%each MANIFESTS
curl -fsSL @@MANIFESTS.URL@@ -o @@MANIFESTS.FILE@@.download
#%if flannel
#%-- The sed delimiter is '@', so the pod range's placeholder stands between two of them.
sed -e 's@10\.244\.0\.0/16@@@POD_CIDR@@@g' \
  -e "s@\"--kube-subnet-mgr\"@\"--kube-subnet-mgr\", \"--iface=${iface}\"@" \
  -e "s@^\( *\)- --kube-subnet-mgr\$@&\n\1- --iface=${iface}@" \
  @@MANIFESTS.FILE@@.download > @@MANIFESTS.FILE@@
#%else
awk -v reach='@@CONTROL_PLANE_IP@@' -v pods='@@POD_CIDR@@' '
  { print }
  /^ *- name: IP$/ { indent = $0; sub(/-.*/, "", indent); next }
  indent != "" && /value: "autodetect"/ {
    print indent "- name: IP_AUTODETECTION_METHOD"
    print indent "  value: \"can-reach=" reach "\""
    print indent "- name: CALICO_IPV4POOL_CIDR"
    print indent "  value: \"" pods "\""
    indent = ""
  }' @@MANIFESTS.FILE@@.download > @@MANIFESTS.FILE@@
#%end
kubectl apply -f @@MANIFESTS.FILE@@
#%end
#%if untaint

step "schedule pods on @@CONTROL_PLANE@@, which holds the salt-master's directories"
# kubeadm taints the control plane; the salt-master must run where its host paths are.
for key in node-role.kubernetes.io/master node-role.kubernetes.io/control-plane; do
  if kubectl get node @@CONTROL_PLANE@@ -o jsonpath='{.spec.taints[*].key}' | grep -qw "${key}"; then
    kubectl taint nodes @@CONTROL_PLANE@@ "${key}-"
  fi
done
#%end

step "done"
