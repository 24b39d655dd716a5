#%-- The bootstrap token check shared by control-plane.sh and worker.sh.

step "check the bootstrap token"
if ! [[ "${KUBEADM_TOKEN:-}" =~ ^[a-z0-9]{6}\.[a-z0-9]{16}$ ]]; then
  echo "saltlab: KUBEADM_TOKEN is missing or malformed; the Vagrantfile passes it from .saltlab-kubeadm-token" >&2
  exit 1
fi
