#!/usr/bin/env bash
# images.sh OUT_DIR
# Builds the test images from the host's busybox-static into one OCI image layout
# (https://github.com/opencontainers/image-spec/blob/main/image-layout.md) at
# OUT_DIR, written by hand: deterministic tar layers (sorted, mtime 0, numeric
# owners), gzip -n, JSON written with jq -c. Same busybox binary => same digests.
#
# Refs in OUT_DIR/index.json (org.opencontainers.image.ref.name):
#   hello   prints HELLO_LINE and exits 0                         layers: base
#   busybox plain busybox, Cmd sh                                 layers: base, etc
#   web     busybox httpd -f -p 80 -h /www (index.html = WEB_LINE) layers: base, etc, www
#   user    ENTRYPOINT sh -c 'id; pwd; echo args: $*', CMD default-arg,
#           USER cfuser (uid 1000, gid 1000, also in group cfextra 2000),
#           WORKDIR /home/cfuser                                  layers: base, etc
#   multi   OCI index: the host platform's manifest (Env PLATFORM=<arch>) and a
#           foreign one (same layers, other config); the foreign one is listed
#           FIRST so a client that takes manifests[0] picks the wrong one.
#   multi-host  the host platform's manifest of `multi` on its own
# Also writes OUT_DIR/digests.env (shell assignments of the manifest digests).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HELLO_LINE='Hello from container-factory!'
WEB_LINE='cf-web-ok: served by busybox httpd'
PATH_ENV='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
CREATED='2024-01-01T00:00:00Z'

MT_MANIFEST=application/vnd.oci.image.manifest.v1+json
MT_INDEX=application/vnd.oci.image.index.v1+json
MT_CONFIG=application/vnd.oci.image.config.v1+json
MT_LAYER_GZ=application/vnd.oci.image.layer.v1.tar+gzip

out=${1:?usage: images.sh OUT_DIR}
work=$(mktemp -d "${out%/}.build.XXXXXX")
trap 'rm -rf "$work"' EXIT
layout=$work/layout
mkdir -p "$layout/blobs/sha256" "$work/tmp"

# OCI platform of the host (busybox-static is a native binary).
host_platform() {
  case $(dpkg --print-architecture) in
    amd64) echo 'amd64 ' ;;
    arm64) echo 'arm64 v8' ;;
    armhf) echo 'arm v7' ;;
    i386) echo '386 ' ;;
    *) die "unsupported host architecture $(dpkg --print-architecture)" ;;
  esac
}
read -r HOST_ARCH HOST_VARIANT <<<"$(host_platform)"
if [[ $HOST_ARCH == amd64 ]]; then FOREIGN_ARCH=arm64 FOREIGN_VARIANT=v8; else FOREIGN_ARCH=amd64 FOREIGN_VARIANT=; fi

# add_blob FILE MEDIA_TYPE -> moves FILE into the layout, prints its descriptor (JSON).
add_blob() {
  local file=$1 mt=$2 hex size
  hex=$(sha256_of "$file")
  size=$(stat -c %s "$file")
  mv -f "$file" "$layout/blobs/sha256/$hex"
  jq -cn --arg mt "$mt" --arg d "sha256:$hex" --argjson s "$size" '{mediaType:$mt, digest:$d, size:$s}'
}

# make_layer NAME ROOT: tar ROOT deterministically, gzip it, add it as a blob.
# Sets LAYER_DESC[NAME] (descriptor JSON) and LAYER_DIFF[NAME] (sha256 of the tar).
declare -A LAYER_DESC=() LAYER_DIFF=()
make_layer() {
  local name=$1 root=$2 tarfile=$work/tmp/$1.tar
  local -a entries
  # shellcheck disable=SC2012 # our own plain file names
  mapfile -t entries < <(cd "$root" && ls -A | LC_ALL=C sort)
  tar --create --file "$tarfile" --directory "$root" --format=gnu --sort=name \
    --mtime=@0 --numeric-owner --no-acls --no-xattrs --no-selinux -- "${entries[@]}"
  LAYER_DIFF[$name]=sha256:$(sha256_of "$tarfile")
  gzip -n -9 "$tarfile"
  LAYER_DESC[$name]=$(add_blob "$tarfile.gz" "$MT_LAYER_GZ")
}

# add_config ARCH VARIANT CONFIG_JSON LAYER... -> config descriptor JSON.
add_config() {
  local arch=$1 variant=$2 cfg=$3
  shift 3
  local diffs='[]' l file=$work/tmp/config.json
  for l in "$@"; do diffs=$(jq -cn --argjson a "$diffs" --arg d "${LAYER_DIFF[$l]}" '$a + [$d]'); done
  jq -cn --arg created "$CREATED" --arg arch "$arch" --arg variant "$variant" \
    --argjson cfg "$cfg" --argjson diffs "$diffs" \
    '{created:$created, architecture:$arch}
     + (if $variant == "" then {} else {variant:$variant} end)
     + {os:"linux", config:$cfg, rootfs:{type:"layers", diff_ids:$diffs}}' >"$file"
  add_blob "$file" "$MT_CONFIG"
}

# add_manifest CONFIG_DESC LAYER... -> manifest descriptor JSON.
add_manifest() {
  local cfgdesc=$1 layers='[]' l file=$work/tmp/manifest.json
  shift
  for l in "$@"; do layers=$(jq -cn --argjson a "$layers" --argjson d "${LAYER_DESC[$l]}" '$a + [$d]'); done
  jq -cn --arg mt "$MT_MANIFEST" --argjson c "$cfgdesc" --argjson ls "$layers" \
    '{schemaVersion:2, mediaType:$mt, config:$c, layers:$ls}' >"$file"
  add_blob "$file" "$MT_MANIFEST"
}

# image_config CMD_JSON [EXTRA_JSON] -> the "config" object of an image config.
image_config() {
  jq -cn --arg path "$PATH_ENV" --argjson cmd "$1" --argjson extra "${2:-{\}}" \
    '{Env:[$path], Cmd:$cmd, WorkingDir:"/", Labels:{"org.example.cf":"test-image"}} * $extra'
}

platform_json() { # ARCH VARIANT
  jq -cn --arg a "$1" --arg v "$2" '{architecture:$a, os:"linux"} + (if $v == "" then {} else {variant:$v} end)'
}

# --- layers -------------------------------------------------------------------
build_rootfs_base() {
  local r=$work/rootfs/base p
  mkdir -p "$r"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,root,tmp,var,home}
  chmod 0755 "$r" "$r"/{bin,sbin,usr,usr/bin,usr/sbin,dev,proc,sys,var,home}
  chmod 0700 "$r/root"
  chmod 1777 "$r/tmp"
  install -m 0755 "$(readlink -f "$(command -v busybox)")" "$r/bin/busybox"
  while read -r p; do
    [[ $p == */* && $p != bin/busybox ]] || continue
    ln -s /bin/busybox "$r/$p"
  done < <(busybox --list-full)
  make_layer base "$r"
}

build_rootfs_etc() {
  local r=$work/rootfs/etc
  mkdir -p "$r/etc" "$r/home/cfuser"
  chmod 0755 "$r" "$r/etc" "$r/home"
  cat >"$r/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
cfuser:x:1000:1000:container-factory test user:/home/cfuser:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
P
  cat >"$r/etc/group" <<'G'
root:x:0:
daemon:x:1:
cfuser:x:1000:
cfextra:x:2000:cfuser
nogroup:x:65534:
G
  chmod 0644 "$r/etc/passwd" "$r/etc/group"
  chown 1000:1000 "$r/home/cfuser"
  chmod 0750 "$r/home/cfuser"
  make_layer etc "$r"
}

build_rootfs_www() {
  local r=$work/rootfs/www
  mkdir -p "$r/www"
  chmod 0755 "$r" "$r/www"
  printf '%s\n' "$WEB_LINE" >"$r/www/index.html"
  chmod 0644 "$r/www/index.html"
  make_layer www "$r"
}

build_rootfs_base
build_rootfs_etc
build_rootfs_www

# --- images -------------------------------------------------------------------
declare -A REF_DESC=()
single() { # REF CONFIG_JSON LAYER...
  local ref=$1 cfg=$2
  shift 2
  REF_DESC[$ref]=$(add_manifest "$(add_config "$HOST_ARCH" "$HOST_VARIANT" "$cfg" "$@")" "$@")
}

single hello "$(image_config "$(jq -cn --arg l "$HELLO_LINE" '["/bin/echo", $l]')")" base
single busybox "$(image_config '["sh"]')" base etc
single web "$(image_config '["httpd","-f","-p","80","-h","/www"]' '{"ExposedPorts":{"80/tcp":{}}}')" base etc www
single user "$(image_config '["default-arg"]' \
  '{"Entrypoint":["/bin/sh","-c","id; pwd; echo args: $*","sh"],"User":"cfuser","WorkingDir":"/home/cfuser"}')" base etc

# shellcheck disable=SC2016 # $PLATFORM is expanded by the container's shell
multi_cfg() { image_config '["/bin/sh","-c","echo platform=$PLATFORM"]' "$(jq -cn --arg p "PLATFORM=$1" --arg path "$PATH_ENV" '{Env:[$path,$p]}')"; }
host_m=$(add_manifest "$(add_config "$HOST_ARCH" "$HOST_VARIANT" "$(multi_cfg "$HOST_ARCH")" base etc)" base etc)
foreign_m=$(add_manifest "$(add_config "$FOREIGN_ARCH" "$FOREIGN_VARIANT" "$(multi_cfg "$FOREIGN_ARCH")" base etc)" base etc)
REF_DESC[multi-host]=$host_m
jq -cn --arg mt "$MT_INDEX" \
  --argjson f "$foreign_m" --argjson fp "$(platform_json "$FOREIGN_ARCH" "$FOREIGN_VARIANT")" \
  --argjson h "$host_m" --argjson hp "$(platform_json "$HOST_ARCH" "$HOST_VARIANT")" \
  '{schemaVersion:2, mediaType:$mt, manifests:[$f + {platform:$fp}, $h + {platform:$hp}]}' >"$work/tmp/index.json"
REF_DESC[multi]=$(add_blob "$work/tmp/index.json" "$MT_INDEX")

# --- layout ---------------------------------------------------------------------
printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
manifests='[]'
for ref in hello busybox web user multi multi-host; do
  manifests=$(jq -cn --argjson a "$manifests" --argjson d "${REF_DESC[$ref]}" --arg r "$ref" \
    '$a + [$d + {annotations:{"org.opencontainers.image.ref.name":$r}}]')
done
jq -cn --argjson m "$manifests" '{schemaVersion:2, manifests:$m}' >"$layout/index.json"

digest_of() { jq -r .digest <<<"$1"; }
{
  for ref in hello busybox web user multi; do
    printf 'DIGEST_%s=%s\n' "${ref^^}" "$(digest_of "${REF_DESC[$ref]}")"
  done
  printf 'DIGEST_MULTI_%s=%s\n' "${HOST_ARCH^^}" "$(digest_of "$host_m")" "${FOREIGN_ARCH^^}" "$(digest_of "$foreign_m")"
  printf 'HELLO_LINE=%q\nWEB_LINE=%q\n' "$HELLO_LINE" "$WEB_LINE"
} >"$layout/digests.env"

rm -rf "$out"
mv "$layout" "$out"
log "built OCI layout $out ($(du -sh "$out" | cut -f1))"
