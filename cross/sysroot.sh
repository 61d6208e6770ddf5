#!/usr/bin/env bash
# Builds (once) a Debian bullseye arm64 sysroot for linking the linux-arm64 AOT binary against glibc 2.31, so
# that it runs on Raspberry Pi OS bullseye and any aarch64 system with glibc ≥ 2.31 (the Debian 12 host's
# own cross libc would require 2.34).
#
# Usage: cross/sysroot.sh [DIR]      DIR defaults to cross/.sysroot-bullseye-$ARCH (git-ignored)
#        ARCH=armhf cross/sysroot.sh  the same for 32-bit ARMv7 (linux-arm); ARCH defaults to arm64
#        MIRROR=http://… cross/sysroot.sh   overrides the Debian mirror (default: the one apt uses here)
# Prints DIR on standard output; progress goes to standard error. A complete sysroot is reused as is.
#
# How: `debootstrap --download-only` resolves and downloads (signature-checked) the link-time packages and
# their dependencies; only those packages are unpacked with `dpkg-deb -x` (no chroot, no maintainer scripts,
# no qemu). Absolute symlinks (libm.so -> /lib/…/libm.so.6) are made relative so that they resolve inside
# DIR; the glibc linker scripts (libc.so) keep absolute paths, which ld resolves inside --sysroot.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
suite=bullseye
arch="${ARCH:-arm64}"
dir="${1:-$here/cross/.sysroot-$suite-$arch}"
# What the AOT linker needs: crt*.o, libc/libm/libdl/librt/libpthread (libc6, libc6-dev and what its linker
# scripts name), crtbegin.o and libgcc (libgcc-10-dev; bullseye's gcc is 10), kernel headers, zlib.
packages=(libc6 libc6-dev libcrypt1 libcrypt-dev libnsl2 libnsl-dev libtirpc3 libtirpc-dev linux-libc-dev
          libgcc-s1 libgcc-10-dev gcc-10-base zlib1g zlib1g-dev)
stamp="$suite $arch ${packages[*]}"

if [ -f "$dir/.complete" ] && [ "$(cat "$dir/.complete")" = "$stamp" ]; then
  echo "$dir"
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1 || ! dpkg -s debian-archive-keyring >/dev/null 2>&1; then
  echo "sysroot: installing debootstrap" >&2
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq debootstrap debian-archive-keyring >/dev/null
fi

# The host apt's Debian mirror (deb822 "URIs:" or one-line "deb URL suite"), not its security mirror.
apt_mirror() {
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | sed -nE 's#^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)(https?://[^[:space:]]+/debian)/?([[:space:]].*)?$#\3#p' \
    | head -n 1 || true
}
mirror="${MIRROR:-$(apt_mirror)}"
mirror="${mirror:-http://deb.debian.org/debian}"

work="$dir.partial"
rm -rf "$work" "$dir"
mkdir -p "$work/download"
echo "sysroot: downloading $suite/$arch link-time packages from $mirror" >&2
include="$(IFS=,; echo "${packages[*]}")"
if ! debootstrap --arch="$arch" --variant=minbase --download-only --include="$include" \
       "$suite" "$work/download" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -n 20 "$work/debootstrap.log" >&2
  echo "sysroot: debootstrap could not download $suite/$arch from $mirror (set MIRROR=… to use another)" >&2
  exit 1
fi

archives="$work/download/var/cache/apt/archives"
mkdir -p "$work/root"
for p in "${packages[@]}"; do
  deb="$(find "$archives" -maxdepth 1 \( -name "${p}_*_${arch}.deb" -o -name "${p}_*_all.deb" \) | head -n 1)"
  if [ -z "$deb" ]; then
    echo "sysroot: package $p was not downloaded (see $work/debootstrap.log)" >&2
    exit 1
  fi
  dpkg-deb -x "$deb" "$work/root"
done

# Absolute symlinks point into the host; make them relative to their own folder inside the sysroot.
while IFS= read -r -d '' link; do
  target="$(readlink "$link")"
  case "$target" in
    /*) ln -sfn "$(realpath -s -m --relative-to="$(dirname "$link")" "$work/root$target")" "$link" ;;
  esac
done < <(find "$work/root" -type l -print0)

echo "$stamp" > "$work/root/.complete"
mv "$work/root" "$dir"
rm -rf "$work"
echo "sysroot: $dir ($(du -sh "$dir" | cut -f1), glibc $(basename "$(ls "$dir"/lib/*-linux-gnu*/libc-*.so)" .so | cut -d- -f2))" >&2
echo "$dir"
