#!/usr/bin/env bash
# Memory and CPU of the agent as systemd would account them: the numbers behind MemoryMax= and CPUQuota= of
# build/systemd/container-factory.service.
#   build/bench/footprint.sh [BINARY] [LAYER_MIB]   (needs build/env up; default out/linux-x64/container-factory, 64)
# Runs `container-factory run` in a cgroup of its own (v1 memory + cpuacct, or v2), so the numbers include what the
# unit's cgroup holds: the agent, the CNI plugins and iptables it spawns, and page cache it touches. Phases:
#   idle     connected to the broker, nothing to do (30 s)
#   pull     createWithConfig (start, bridge network, one port mapping) of an image with a LAYER_MIB random layer
#   running  the container running (10 s), then remove (force)
# Prints, per phase, the agent's RSS (VmRSS, peak VmHWM, and its anonymous and file-backed parts), the cgroup's memory (current, peak) and CPU (% of one core).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(realpath "${1:-$here/out/linux-x64/container-factory}")"
mib="${2:-64}"
# shellcheck source=build/bench/lib.sh
source "$here/build/bench/lib.sh"
bench_env footprint
work=$(mktemp -d)
# A thing (so a persistent MQTT session) of its own per run: no reply of an earlier run is redelivered.
run_id=$(date +%s%N | tail -c 9)
thing="edge:footprint-$run_id" ns=cf-footprint
agent="" id=""
cleanup() {
  if [[ -n $agent && -n $id ]] && ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" containers info "$id" >/dev/null 2>&1; then
    # remove failed: kill the task, then let the agent remove the container and its network (CNI DEL)
    ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
    sleep 2
    request remove "/features/Container:$id/inbox/messages/remove" true || true
  fi
  if [[ -n $agent ]]; then
    kill "$agent" 2>/dev/null || true
    wait "$agent" 2>/dev/null || true
  fi
  # a container the run left behind keeps its network namespace pinned under paths.run
  grep -o " $work/run/[^ ]*" /proc/mounts | xargs -r umount 2>/dev/null || true
  if [[ -n ${cg_mem:-} ]]; then rmdir "$cg_mem" 2>/dev/null || true; fi
  if [[ -n ${cg_cpu:-} && $cg_cpu != "$cg_mem" ]]; then rmdir "$cg_cpu" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- the image: busybox (sleep) plus one layer of random bytes, pushed to the test registry ---
push_blob() { # FILE -> digest
  local file=$1 digest location sep
  digest="sha256:$(sha256sum "$file" | cut -d' ' -f1)"
  location=$(curl -fsS -X POST -D - -o /dev/null "http://$CF_REGISTRY/v2/$repo/blobs/uploads/" |
    tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
  [[ $location == http* ]] || location="http://$CF_REGISTRY$location"
  [[ $location == *\?* ]] && sep='&' || sep='?'
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$location${sep}digest=$digest" -o /dev/null
  echo "$digest"
}
layer() { # DIR -> appends the layer's descriptor to $layers and its diff id to $diffs
  tar --create --file "$1.tar" --directory "$1" --sort=name --mtime=@0 --numeric-owner .
  diffs+=("sha256:$(sha256sum "$1.tar" | cut -d' ' -f1)")
  gzip -n -1 "$1.tar"
  layers+=("$(jq -cn --arg d "$(push_blob "$1.tar.gz")" --argjson s "$(stat -c %s "$1.tar.gz")" \
    '{mediaType:"application/vnd.oci.image.layer.v1.tar+gzip", digest:$d, size:$s}')")
}
repo="bench/footprint$run_id"
image="$CF_REGISTRY/$repo:latest"
diffs=() layers=()
mkdir -p "$work/base/bin" "$work/data/data"
cp /bin/busybox "$work/base/bin/busybox"
ln -s busybox "$work/base/bin/sh"
head -c $((mib * 1024 * 1024)) /dev/urandom >"$work/data/data/random.bin"
layer "$work/base"
layer "$work/data"
jq -cn --arg d0 "${diffs[0]}" --arg d1 "${diffs[1]}" '{architecture:"amd64", os:"linux",
  config:{Env:["PATH=/bin"], Cmd:["/bin/sh","-c","trap exit TERM; sleep 3600 & wait"]}, rootfs:{type:"layers", diff_ids:[$d0,$d1]}}' >"$work/config.json"
config=$(jq -cn --arg d "$(push_blob "$work/config.json")" --argjson s "$(stat -c %s "$work/config.json")" \
  '{mediaType:"application/vnd.oci.image.config.v1+json", digest:$d, size:$s}')
jq -cn --argjson c "$config" --argjson l0 "${layers[0]}" --argjson l1 "${layers[1]}" \
  '{schemaVersion:2, mediaType:"application/vnd.oci.image.manifest.v1+json", config:$c, layers:[$l0,$l1]}' >"$work/manifest.json"
curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' --data-binary "@$work/manifest.json" \
  "http://$CF_REGISTRY/v2/$repo/manifests/latest" -o /dev/null

# --- a cgroup of its own: memory and CPU as the unit would see them ---
if [[ -d /sys/fs/cgroup/memory ]]; then # v1
  cg_mem="/sys/fs/cgroup/memory$(awk -F: '$2=="memory" {print $3}' /proc/self/cgroup)/cf-footprint-$$"
  cg_cpu="/sys/fs/cgroup/cpuacct$(awk -F: '$2 ~ /cpuacct/ {print $3}' /proc/self/cgroup | sed 's#^/$##')/cf-footprint-$$"
  mkdir -p "$cg_mem" "$cg_cpu"
  mem_now() { cat "$cg_mem/memory.usage_in_bytes"; }
  mem_peak() { cat "$cg_mem/memory.max_usage_in_bytes"; }
  mem_reset_peak() { echo 0 >"$cg_mem/memory.max_usage_in_bytes"; }
  cpu_ns() { cat "$cg_cpu/cpuacct.usage"; }
else # v2
  cg_mem="/sys/fs/cgroup$(awk -F: '$1=="0" {print $3}' /proc/self/cgroup | sed 's#^/$##')/cf-footprint-$$"
  cg_cpu=$cg_mem
  mkdir -p "$cg_mem"
  mem_now() { cat "$cg_mem/memory.current"; }
  mem_peak() { cat "$cg_mem/memory.peak"; }
  mem_reset_peak() { echo r >"$cg_mem/memory.peak" 2>/dev/null || true; }
  cpu_ns() { echo $(($(awk '$1=="usage_usec" {print $2}' "$cg_cpu/cpu.stat") * 1000)); }
fi

# --- the agent ---
bench_agent_config "$work/agent.json" "$thing" "$ns" "$work"
# The shell joins the cgroups, then becomes the agent: every child it spawns is accounted there too.
bash -c 'for g in "${@:2}"; do echo $$ >"$g/cgroup.procs"; done; exec "$0" run --config "$1"' \
  "$bin" "$work/agent.json" "$cg_mem" "$cg_cpu" 2>"$work/agent.log" &
agent=$!
sleep 3
kill -0 "$agent" || { cat "$work/agent.log" >&2; exit 1; }

mib_of() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
rss() { awk -v k="$1:" '$1==k {printf "%.1f", $2 / 1024}' "/proc/$agent/status"; }
phase() { # NAME SECONDS_ELAPSED CPU_NS_USED
  printf '%-8s %5.1f s  RSS %5s MiB (peak %5s; anon %5s, file %5s)  cgroup %5s MiB (peak %5s)  CPU %5.1f %%\n' "$1" "$2" \
    "$(rss VmRSS)" "$(rss VmHWM)" "$(rss RssAnon)" "$(rss RssFile)" "$(mib_of "$(mem_now)")" "$(mib_of "$(mem_peak)")" \
    "$(awk -v c="$3" -v s="$2" 'BEGIN { print c / (s * 1e7) }')"
}
measure() { # NAME COMMAND… : runs COMMAND, then prints the phase's numbers
  local name=$1 start_ns start_cpu
  shift
  mem_reset_peak
  start_ns=$(date +%s%N) start_cpu=$(cpu_ns)
  "$@"
  phase "$name" "$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')" $(($(cpu_ns) - start_cpu))
}
request() { # OPERATION PATH VALUE -> the reply's value
  local op=$1 topic="command//$thing/req//$1"
  mosquitto_sub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -C 1 -W 300 -t "command//$thing/res/#" >"$work/reply.json" &
  local sub=$!
  sleep 0.3
  jq -cn --arg op "$op" --arg thing "$thing" --arg path "$2" --argjson value "$3" '{topic:"\($thing | sub(":"; "/"))/things/live/messages/\($op)",
    headers:{"response-required":true, "content-type":"application/json", "correlation-id":"footprint-\($op)-\(now)"},
    path:$path, value:$value}' | mosquitto_pub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -t "$topic" -s
  wait "$sub"
}

echo "agent $bin ($(stat -c %s "$bin") bytes), image $image (${mib} MiB random layer), $(nproc) cores"
measure idle sleep 30
value=$(jq -cn --arg image "$image" '{imageRef:$image, start:true,
  config:{portMappings:[{proto:"tcp", containerPort:80, hostIP:"127.0.0.1", hostPort:18089}]}}')
measure pull request createWithConfig /features/ContainerFactory/inbox/messages/createWithConfig "$value"
id=$(jq -r 'if (.status // 0) < 300 then .value else empty end' "$work/reply.json")
[[ -n $id ]] || { echo "footprint: create failed: $(cat "$work/reply.json")" >&2; cat "$work/agent.log" >&2; exit 1; }
measure running sleep 10
measure remove request remove "/features/Container:$id/inbox/messages/remove" true
jq -e '(.status // 0) < 300' "$work/reply.json" >/dev/null || echo "footprint: remove failed: $(cat "$work/reply.json")" >&2
echo "agent warnings and errors:"
sed 's/^/  /' "$work/agent.log"
ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" images rm --sync "$image" >/dev/null 2>&1 || true
