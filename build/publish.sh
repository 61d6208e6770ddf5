#!/usr/bin/env bash
# Publishes the Native AOT binary for one runtime identifier into out/<rid>/container-factory.
# Installs the native toolchain it needs (clang, zlib headers; cross packages for linux-arm64) when missing.
# Usage: build/publish.sh RID   (linux-x64 | linux-arm64 | linux-arm); OUT_DIR overrides the output folder.
#        SYSROOT=DIR links a cross RID against DIR's libc instead of the host's cross libc (see cross/README.md).
# Cross RIDs first check that NuGet serves their runtime and ILCompiler packs (cross/packs.sh) and stop with
# the names of the missing ones.
set -euo pipefail
rid="${1:-linux-x64}"
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT_DIR:-$here/out/$rid}"

if [ "$rid" != linux-x64 ]; then
  "$here/cross/packs.sh" "$rid"
fi

need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
case "$rid" in
  linux-x64) ;;
  linux-arm64)
    # qemu-user-static runs the result here (cross/smoke.sh, the Arm64Smoke tests).
    for p in binutils-aarch64-linux-gnu libc6-dev-arm64-cross libgcc-12-dev-arm64-cross qemu-user-static; do
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
  if [ -n "${SYSROOT:-}" ]; then
    sysroot="$(cd "$SYSROOT" && pwd)"
    # The link step is incremental on the ILC object only: link each sysroot's binary in a folder of its own,
    # or a publish with another sysroot would copy the binary linked before.
    tag="$(basename "$sysroot" | sed 's/^\.*//')"
    extra+=("-p:SysRoot=$sysroot"
            "-p:NativeOutputPath=$here/artifacts/native/$rid-$tag/")
  fi
fi

dotnet publish "$here/src/ContainerFactory.Agent/ContainerFactory.Agent.csproj" \
  -c Release -r "$rid" -o "$out" -p:TreatWarningsAsErrors=true "${extra[@]}" -nologo -v:q
rm -f "$out"/*.dbg "$out"/*.pdb "$out"/*.xml
ls -l "$out/container-factory"
echo "publish: $rid binary needs $("$here/cross/glibc-floor.sh" "$out/container-factory") (highest GLIBC_ symbol version)"
