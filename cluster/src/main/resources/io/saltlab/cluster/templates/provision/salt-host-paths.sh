#!/usr/bin/env bash
#%include parts/preamble.sh

step "salt-master host paths under @@HOST_ROOT@@"
# The salt-master's pod mounts these directories with hostPath volumes; Kubernetes would
# otherwise create them empty and root-owned on whichever node the pod lands on. They belong
# to the vagrant user so that states and pillars can be edited over vagrant ssh.
owner=root
if id vagrant > /dev/null 2>&1; then
  owner=vagrant
fi
# shellcheck disable=SC2043 # one directory in the template; rendering writes one line per directory
for dir in \
  @@DIRS.PATH@@ \
  ; do
  install -d -m 0755 -o "${owner}" -g "${owner}" "${dir}"
done

step "done"
