#!/usr/bin/env bash
# Publishes the Native AOT binary for one runtime identifier into out/<rid>/container-factory.
# Installs the native toolchain it needs (clang, zlib headers; cross packages for linux-arm64) when missing.
# Usage: build/publish.sh RID   (linux-x64 | linux-arm64 | linux-arm); OUT_DIR overrides the output folder.
set -euo pipefail
rid="${1:-linux-x64}"
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT_DIR:-$here/out/$rid}"

need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
case "$rid" in
  linux-x64) ;;
  linux-arm64)
    for p in binutils-aarch64-linux-gnu libc6-dev-arm64-cross libgcc-12-dev-arm64-cross; do
      dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
    done ;;
  linux-arm)
    for p in binutils-arm-linux-gnueabihf libc6-dev-armhf-cross libgcc-12-dev-armhf-cross; do
      dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
    done ;;
  *) echo "publish: unsupported RID '$rid' (use linux-x64, linux-arm64 or linux-arm)" >&2; exit 2 ;;
esac
if [ "${#need[@]}" -gt 0 ]; then
  echo "publish: installing ${need[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >/dev/null
fi

extra=()
if [ "$rid" != linux-x64 ]; then
  extra+=(-p:CppCompilerAndLinker=clang)
  [ -n "${SYSROOT:-}" ] && extra+=("-p:SysRoot=$SYSROOT")
fi

dotnet publish "$here/src/ContainerFactory.Agent/ContainerFactory.Agent.csproj" \
  -c Release -r "$rid" -o "$out" -p:TreatWarningsAsErrors=true "${extra[@]}" -nologo -v:q
rm -f "$out"/*.dbg "$out"/*.pdb "$out"/*.xml
ls -l "$out/container-factory"
