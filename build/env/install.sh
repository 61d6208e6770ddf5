#!/usr/bin/env bash
# Installs (with apt, Debian 12) every package the local test stack needs.
# Idempotent: only missing packages are installed, and `apt-get update` runs only
# when something is missing. Prints what it installed. Must run as root.
set -euo pipefail

packages=(
  containerd runc containernetworking-plugins iptables iproute2
  mosquitto mosquitto-clients
  docker-registry skopeo
  busybox-static
  apache2-utils   # htpasswd -B: bcrypt entries for the registry's basic auth
  openssl         # self-signed certificate for the auth registry
  curl jq xz-utils tar gzip coreutils util-linux procps
)

if [[ $(id -u) -ne 0 ]]; then
  echo "install.sh: must run as root" >&2
  exit 1
fi

is_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install.sh: all ${#packages[@]} packages present, nothing installed"
  exit 0
fi

echo "install.sh: installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends keeps criu & co. out; the daemons' own system services
# (if an init system starts them) are never used: up.sh runs private instances.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

failed=()
for p in "${missing[@]}"; do
  if is_installed "$p"; then
    echo "  installed $p $(dpkg-query -W -f='${Version}' "$p")"
  else
    failed+=("$p")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "install.sh: failed to install: ${failed[*]}" >&2
  exit 1
fi
