#!/usr/bin/env bash
# Cold-pull benchmark (PRODUCT.md §6: agent vs `ctr image pull`, budget ratio ≤ 1.1).
#   build/bench/pull.sh [ROUNDS]     (default 7; needs build/env up and the AOT binary)
# Builds a ~5 MiB image of random (incompressible) bytes that nothing else uses (layers of 4 MiB + 1 MiB plus a
# config), pushes it to the test registry, then per round pulls it with the agent into namespace cfbench-agent and
# with ctr into cfbench-ctr, alternating which goes first. Between pulls `ctr images rm --sync` removes the image and
# collects its blobs and snapshots, so every pull downloads and unpacks everything (checked). Wall time includes
# process start. Prints every round, the medians and the ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-7}"
# shellcheck source=build/bench/lib.sh
source "$here/build/bench/lib.sh"
bench_env pull.sh
bin="${CF_BINARY:-$here/out/linux-x64/container-factory}"
[[ -x $bin ]] || "$here/build/publish.sh" linux-x64 >/dev/null
sock=$CF_CONTAINERD_SOCKET
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# push_blob FILE -> digest (monolithic upload: POST a session, PUT the bytes with ?digest=)
push_blob() {
  local file=$1 digest location
  digest="sha256:$(sha256sum "$file" | cut -d' ' -f1)"
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$CF_REGISTRY/v2/$repo/blobs/uploads/" |
    tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  [[ $location == http* ]] || location="http://$CF_REGISTRY$location"
  [[ $location == *\?* ]] && sep='&' || sep='?'
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" \
    "$location${sep}digest=$digest" -o /dev/null
  echo "$digest"
}

descriptor() { # media-type file digest
  jq -cn --arg mt "$1" --arg d "$3" --argjson s "$(stat -c %s "$2")" '{mediaType:$mt, digest:$d, size:$s}'
}

repo="bench/pull$(date +%s%N | tail -c 9)"
image="$CF_REGISTRY/$repo:latest"
layers=() diffs=()
for mib in 4 1; do
  mkdir -p "$work/l$mib/data"
  head -c $((mib * 1024 * 1024)) /dev/urandom >"$work/l$mib/data/random.bin"
  tar --create --file "$work/l$mib.tar" --directory "$work/l$mib" --sort=name --mtime=@0 --numeric-owner data
  diffs+=("sha256:$(sha256sum "$work/l$mib.tar" | cut -d' ' -f1)")
  gzip -n -1 "$work/l$mib.tar"
  layers+=("$(descriptor application/vnd.oci.image.layer.v1.tar+gzip "$work/l$mib.tar.gz" "$(push_blob "$work/l$mib.tar.gz")")")
done
jq -cn --arg d0 "${diffs[0]}" --arg d1 "${diffs[1]}" \
  '{architecture:"amd64", os:"linux", config:{Env:["PATH=/bin"]}, rootfs:{type:"layers", diff_ids:[$d0,$d1]}}' >"$work/config.json"
config=$(descriptor application/vnd.oci.image.config.v1+json "$work/config.json" "$(push_blob "$work/config.json")")
jq -cn --argjson c "$config" --argjson l0 "${layers[0]}" --argjson l1 "${layers[1]}" \
  '{schemaVersion:2, mediaType:"application/vnd.oci.image.manifest.v1+json", config:$c, layers:[$l0,$l1]}' >"$work/manifest.json"
curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$work/manifest.json" \
  "http://$CF_REGISTRY/v2/$repo/manifests/latest" -o /dev/null
layer0=$(jq -r .digest <<<"${layers[0]}")
size=$(jq '[.config.size] + [.layers[].size] | add' "$work/manifest.json")
echo "image $image ($size bytes of blobs), $rounds rounds, binary $bin ($(stat -c %s "$bin") bytes)"

forget() { # namespace: remove the image, collect garbage, check the big layer is gone from every namespace
  ctr --address "$sock" -n "$1" images rm --sync "$image" >/dev/null 2>&1 || true
  if ctr --address "$sock" -n "$1" content ls -q | grep -q "$layer0"; then
    echo "pull.sh: $layer0 survived garbage collection in $1; the pull would not be cold" >&2
    exit 1
  fi
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

pull_agent() {
  local start out
  start=$(now_ms)
  out=$("$bin" pull --containerd-socket "$sock" --namespace cfbench-agent "$image" 2>&1 >/dev/null)
  echo $(($(now_ms) - start))
  grep -q "layer ${layer0:0:19}: downloaded" <<<"$out" || { echo "pull.sh: agent did not download: $out" >&2; exit 1; }
}

pull_ctr() {
  local start
  start=$(now_ms)
  ctr --address "$sock" -n cfbench-ctr image pull "$image" >/dev/null
  echo $(($(now_ms) - start))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

forget cfbench-agent
forget cfbench-ctr
pull_agent >/dev/null; forget cfbench-agent # warm-up: page cache, registry
pull_ctr >/dev/null; forget cfbench-ctr
agent_times=() ctr_times=()
for ((i = 1; i <= rounds; i++)); do
  if ((i % 2)); then
    a=$(pull_agent); forget cfbench-agent
    c=$(pull_ctr); forget cfbench-ctr
  else
    c=$(pull_ctr); forget cfbench-ctr
    a=$(pull_agent); forget cfbench-agent
  fi
  agent_times+=("$a") ctr_times+=("$c")
  printf 'round %d: agent %4d ms   ctr %4d ms\n' "$i" "$a" "$c"
done
ma=$(printf '%s\n' "${agent_times[@]}" | median)
mc=$(printf '%s\n' "${ctr_times[@]}" | median)
ratio=$(awk -v a="$ma" -v c="$mc" 'BEGIN {printf "%.2f", a / c}')
echo "median: agent $ma ms, ctr image pull $mc ms, ratio $ratio (budget <= 1.1)"
ba=$(printf '%s\n' "${agent_times[@]}" | sort -n | head -1)
bc=$(printf '%s\n' "${ctr_times[@]}" | sort -n | head -1)
echo "best:   agent $ba ms, ctr image pull $bc ms, ratio $(awk -v a="$ba" -v c="$bc" 'BEGIN {printf "%.2f", a / c}')"
curl -fsS -X DELETE "http://$CF_REGISTRY/v2/$repo/manifests/$(sha256sum "$work/manifest.json" | awk '{print "sha256:" $1}')" -o /dev/null || true
ctr --address "$sock" namespaces rm cfbench-agent cfbench-ctr >/dev/null 2>&1 || true
