#!/usr/bin/env bash
# Installs the agent: the binary in $PREFIX/bin, the systemd unit in $UNITDIR, the default configuration in
# /etc/container-factory/config.json (an existing one is kept). DESTDIR stages the tree elsewhere (an image,
# a folder to copy to a device); without DESTDIR on a running systemd, the units are reloaded.
# Usage: [DESTDIR=…] [PREFIX=/usr] [UNITDIR=/lib/systemd/system] build/install.sh BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:?usage: build/install.sh BINARY (e.g. out/linux-x64/container-factory)}"
destdir="${DESTDIR:-}"
prefix="${PREFIX:-/usr}"
unitdir="${UNITDIR:-/lib/systemd/system}"

if [ ! -x "$bin" ]; then
  echo "install: $bin not found; run 'make publish' (or pass INSTALL_BIN=…)" >&2
  exit 1
fi

install -D -m 0755 "$bin" "$destdir$prefix/bin/container-factory"
install -d -m 0755 "$destdir$unitdir"
sed "s#/usr/bin/container-factory#$prefix/bin/container-factory#g" "$here/build/systemd/container-factory.service" \
  > "$destdir$unitdir/container-factory.service"
chmod 0644 "$destdir$unitdir/container-factory.service"
install -d -m 0755 "$destdir/etc/container-factory"
config="$destdir/etc/container-factory/config.json"
if [ -e "$config" ]; then
  echo "install: kept the existing $config"
else
  install -m 0600 "$here/build/systemd/config.json" "$config"  # it will hold the broker credentials
fi
echo "install: $destdir$prefix/bin/container-factory, $destdir$unitdir/container-factory.service, $config"

if [ -z "$destdir" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  echo "install: enable and start with 'systemctl enable --now container-factory'"
fi
