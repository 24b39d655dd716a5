#!/usr/bin/env bash
# Installs the Debian tools that the cluster tests run on generated files:
#   shellcheck - lints every script template as it is and every rendered provisioning script
#                (zero findings expected);
#   vagrant    - `vagrant validate` on the rendered Vagrantfiles;
#   ruby       - parses every rendered Vagrantfile (vagrant's own Ruby);
#   containerd - `containerd config dump` loads every containerd 1.x configuration the scripts
#                write (the daemon is not started);
#   python3    - its TOML parser reads the containerd 2.x configurations and hosts.toml files.
# Idempotent: packages already present are not fetched again, and apt's lists are only
# refreshed when something is missing. The tests skip (with a printed reason) when a tool is
# absent, so a failure here is reported but does not hide the Java test results.
set -euo pipefail

packages=(shellcheck vagrant ruby containerd python3)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-tools: ${packages[*]} already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "install-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-tools: done"
