#!/usr/bin/env bash
# Prints the highest GLIBC_ symbol version an ELF binary needs (from its version-needs section, readelf -V),
# i.e. the oldest glibc it runs on. With MAX, exits 1 when the binary needs a newer glibc than MAX.
# Usage: cross/glibc-floor.sh BINARY [MAX]      e.g. cross/glibc-floor.sh out/linux-arm64-bullseye/container-factory 2.31
set -euo pipefail
bin="${1:?usage: cross/glibc-floor.sh BINARY [MAX]}"
max="${2:-}"

floor="$(readelf -V --wide "$bin" | grep -oE 'Name: GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/Name: GLIBC_//' | sort -uV | tail -n 1)"
if [ -z "$floor" ]; then
  echo "glibc-floor: $bin needs no versioned glibc symbol (static or not an ELF binary?)" >&2
  exit 2
fi
echo "GLIBC_$floor"
if [ -n "$max" ] && [ "$(printf '%s\n%s\n' "$floor" "$max" | sort -V | tail -n 1)" != "$max" ]; then
  echo "glibc-floor: $bin needs GLIBC_$floor, newer than the allowed GLIBC_$max" >&2
  readelf -V --wide "$bin" | grep -E "Name: GLIBC_$floor" >&2 || true
  exit 1
fi
