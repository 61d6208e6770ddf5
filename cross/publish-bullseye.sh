#!/usr/bin/env bash
# Publishes the linux-arm64 binary linked against Debian bullseye's glibc 2.31 (cross/sysroot.sh), for Raspberry
# Pi OS bullseye and any aarch64 Linux with glibc ≥ 2.31, and proves with readelf that it needs nothing newer.
# Usage: cross/publish-bullseye.sh [OUT_DIR]      OUT_DIR defaults to out/linux-arm64-bullseye
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/out/linux-arm64-bullseye}"

sysroot="$("$here/cross/sysroot.sh")"
SYSROOT="$sysroot" OUT_DIR="$out" "$here/build/publish.sh" linux-arm64
floor="$("$here/cross/glibc-floor.sh" "$out/container-factory" 2.31)"
echo "publish-bullseye: $out/container-factory needs $floor (≤ GLIBC_2.31)"
