#!/usr/bin/env bash
# The linux-arm64 smoke test under qemu-user: runs the Arm64Smoke tests of tests/ContainerFactory.IntegrationTests
# (version, validate on the published examples, check against the local mosquitto and containerd, the glibc
# floor) on both arm64 builds. `make test` runs the same tests with the rest of the integration suite.
# Usage: cross/smoke.sh [BIN [BULLSEYE_BIN]]
#   BIN           Debian 12 glibc build, run on /usr/aarch64-linux-gnu   (default out/linux-arm64/container-factory)
#   BULLSEYE_BIN  glibc 2.31 build, run on the bullseye sysroot          (default out/linux-arm64-bullseye/container-factory)
# Needs the local stack (build/env/up.sh, or `make env`); installs qemu-user-static when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$here/out/linux-arm64/container-factory}")"
bullseye="$(realpath "${2:-$here/out/linux-arm64-bullseye/container-factory}")"

if ! command -v qemu-aarch64-static >/dev/null 2>&1; then
  echo "smoke: installing qemu-user-static" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq qemu-user-static >/dev/null
fi

CF_ENV_FILE="${CF_ENV_FILE:-$here/.state/env.json}" \
CF_ARM64_BINARY="$bin" \
CF_ARM64_BULLSEYE_BINARY="$bullseye" \
CF_ARM64_BULLSEYE_SYSROOT="$("$here/cross/sysroot.sh")" \
  dotnet test "$here/tests/ContainerFactory.IntegrationTests" -nologo -v:q --filter "Category=Arm64Smoke"
