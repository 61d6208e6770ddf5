#!/usr/bin/env bash
# Agent start, idle footprint and create+start benchmark (PRODUCT.md §6), side by side in one run:
#   build/bench/create.sh [ROUNDS]     (default 10; needs build/env up and the AOT binary, CF_BINARY overrides it)
# 1. process start -> subscribed: STARTS starts of `container-factory run` (identity configured, local broker); the time
#    from just before exec to the timestamp of the agent's ready line (printed once subscribed). Median.
# 2. idle RSS: VmRSS (and VmHWM) from /proc/<pid>/status after 10 s connected and idle.
# 3. create+start of a cached image: the agent (createWithConfig with start:true over MQTT, host network, timed from
#    just before mosquitto_pub to the reply's arrival at a subscriber, which the agent sends once the task started)
#    vs `ctr run -d` of the same image (timed around the ctr process). Rounds alternate which goes first; medians.
#    The same is then done with the agent's default bridge network (CNI on a test bridge), reported separately:
#    ctr run has no CNI, so that row is not like for like.
# The agent uses its own thing id, MQTT client id and containerd namespaces on the build/env broker and containerd.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-10}"
starts="${STARTS:-10}"
# shellcheck source=build/bench/lib.sh
source "$here/build/bench/lib.sh"
bench_env create.sh
bin="$(realpath "${CF_BINARY:-$here/out/linux-x64/container-factory}")"
[[ -x $bin ]] || { echo "create.sh: $bin missing; run build/publish.sh linux-x64" >&2; exit 2; }
sock=$CF_CONTAINERD_SOCKET
run_id=$(date +%s%N | tail -c 9)
thing="bench:create-$run_id" ditto_thing="bench/create-$run_id"
ns_agent=cfbench-create-agent ns_ctr=cfbench-create-ctr
bridge="cfb${run_id:0:4}" subnet="10.215.250.0/24"
work=$(mktemp -d)
agent="" sub=""

ctr_() { ctr --address "$sock" "$@"; }

cleanup() {
  local p
  for p in $agent $sub; do
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  for ns in $ns_agent $ns_ctr; do
    for c in $(ctr_ -n "$ns" containers ls -q 2>/dev/null); do
      ctr_ -n "$ns" tasks delete -f "$c" >/dev/null 2>&1 || true
      ctr_ -n "$ns" containers rm "$c" >/dev/null 2>&1 || true
    done
    for i in $(ctr_ -n "$ns" images ls -q 2>/dev/null); do ctr_ -n "$ns" images rm --sync "$i" >/dev/null 2>&1 || true; done
    ctr_ namespaces rm "$ns" >/dev/null 2>&1 || true
  done
  grep -o " $work/run/[^ ]*" /proc/mounts | xargs -r umount 2>/dev/null || true
  ip link delete "$bridge" type bridge 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/config.json" <<JSON
{
  "mqtt": { "broker": "$CF_MQTT_BROKER", "clientId": "cfbench-create-$run_id" },
  "identity": { "thingId": "$thing", "tenantId": "bench" },
  "containerd": { "socket": "$sock", "namespace": "$ns_agent" },
  "registries": { "docker.io": { "mirrors": ["http://$CF_REGISTRY"] } },
  "network": { "bridge": "$bridge", "subnet": "$subnet" },
  "paths": { "state": "$work/state", "run": "$work/run" },
  "log": { "level": "info" }
}
JSON

now_ns() { date +%s%N; }
mib() { echo "$(($1 / 1024)).$((($1 % 1024) * 10 / 1024)) MiB"; }
rss_of() { # PID -> "VmRSS x MiB (anon y, file z), VmHWM w"
  local f=/proc/$1/status
  echo "VmRSS $(mib "$(awk '/^VmRSS/ {print $2}' "$f")") (anon $(mib "$(awk '/^RssAnon/ {print $2}' "$f")"), file $(mib "$(awk '/^RssFile/ {print $2}' "$f")")), VmHWM $(mib "$(awk '/^VmHWM/ {print $2}' "$f")")"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# start_agent: starts the agent, waits (<= 30 s) for its ready line; sets start_ms (exec -> ready line's timestamp)
start_agent() {
  : >"$work/agent.log"
  local t0 ready=""
  t0=$(now_ns)
  "$bin" run --config "$work/config.json" >>"$work/agent.log" 2>&1 </dev/null &
  agent=$!
  for _ in $(seq 300); do
    ready=$(grep -m1 ' ready: thing ' "$work/agent.log" || true)
    [[ -n $ready ]] && break
    sleep 0.1
  done
  [[ -n $ready ]] || { echo "create.sh: the agent did not get ready: $(cat "$work/agent.log")" >&2; exit 1; }
  start_ms=$((($(date -d "${ready%% *}" +%s%N) - t0) / 1000000))
}

stop_agent() { kill "$agent"; wait "$agent" || true; agent=""; }

# --- 1. process start -> subscribed ---------------------------------------------------------------------------
start_agent; stop_agent # warm-up: page cache, persistent session created
start_times=()
for ((i = 1; i <= starts; i++)); do
  start_agent
  start_times+=("$start_ms")
  stop_agent
done
echo "start -> subscribed (ready line): ${start_times[*]} ms; median $(printf '%s\n' "${start_times[@]}" | median) ms (budget <= 50)"

# --- 2. idle RSS -----------------------------------------------------------------------------------------------
start_agent
sleep 10
echo "idle RSS after 10 s connected: $(rss_of "$agent") (budget <= 16 MB)"

# --- 3. create+start --------------------------------------------------------------------------------------------
mosquitto_sub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -t "command//$thing/res/#" -F '%U %t' >"$work/replies" </dev/null &
sub=$!
sleep 0.5 # subscribed

# request OP PATH VALUE -> prints "<ms from publish to reply> <status>"
request() {
  local rid t0 line
  rid="q$(now_ns)" # unique: callers run in subshells, a counter would not advance
  local envelope="{\"topic\":\"$ditto_thing/things/live/messages/$1\",\"headers\":{\"response-required\":true,\"content-type\":\"application/json\",\"correlation-id\":\"$run_id-$rid\"},\"path\":\"$2\",\"value\":$3}"
  t0=$(now_ns)
  mosquitto_pub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -t "command//$thing/req/$rid/$1" -m "$envelope"
  for _ in $(seq 3000); do
    line=$(grep -m1 " command//$thing/res/$rid/" "$work/replies" || true)
    [[ -n $line ]] && break
    sleep 0.01
  done
  [[ -n $line ]] || { echo "create.sh: no reply to $1 ($rid)" >&2; exit 1; }
  local at=${line%% *}
  echo "$(((${at/./} - t0) / 1000000)) ${line##*/}"
}

create_agent() { # NETWORK_MODE -> ms
  local out ms status
  out=$(request createWithConfig /features/ContainerFactory/inbox/messages/createWithConfig \
    "{\"imageRef\":\"docker.io/library/hello-world:latest\",\"start\":true,\"config\":{\"networkMode\":\"$1\"}}")
  read -r ms status <<<"$out"
  [[ $status == 200 ]] || { echo "create.sh: createWithConfig answered $status" >&2; exit 1; }
  echo "$ms"
}

remove_agent() { # removes the agent's containers through the agent (force: hello-world may still be running)
  local out id
  for id in $(ctr_ -n "$ns_agent" containers ls -q); do
    out=$(request remove "/features/Container:$id/inbox/messages/remove" true)
    [[ ${out##* } == 204 ]] || { echo "create.sh: remove answered ${out##* }" >&2; exit 1; }
  done
}

run_ctr() { # -> ms
  local t0 t1
  t0=$(now_ns)
  ctr_ -n "$ns_ctr" run -d "$CF_IMAGE_HELLO" "bench-$(now_ns)" >/dev/null
  t1=$(now_ns)
  echo $(((t1 - t0) / 1000000))
}

remove_ctr() {
  local c
  for c in $(ctr_ -n "$ns_ctr" containers ls -q); do
    ctr_ -n "$ns_ctr" tasks delete -f "$c" >/dev/null 2>&1 || true
    ctr_ -n "$ns_ctr" containers rm "$c" >/dev/null
  done
}

ctr_ -n "$ns_ctr" images pull --plain-http "$CF_IMAGE_HELLO" >/dev/null
compare() { # NETWORK_MODE
  create_agent "$1" >/dev/null; remove_agent # warm-up: the agent's namespace pulls the image once
  run_ctr >/dev/null; remove_ctr
  local agent_times=() ctr_times=() a c
  for ((i = 1; i <= rounds; i++)); do
    if ((i % 2)); then
      a=$(create_agent "$1"); remove_agent
      c=$(run_ctr); remove_ctr
    else
      c=$(run_ctr); remove_ctr
      a=$(create_agent "$1"); remove_agent
    fi
    agent_times+=("$a") ctr_times+=("$c")
    printf '  round %2d (%s): agent %4d ms   ctr run -d %4d ms\n' "$i" "$1" "$a" "$c"
  done
  local ma mc
  ma=$(printf '%s\n' "${agent_times[@]}" | median)
  mc=$(printf '%s\n' "${ctr_times[@]}" | median)
  echo "create+start ($1 network), median of $rounds: agent $ma ms, ctr run -d $mc ms, ratio $(awk -v a="$ma" -v c="$mc" 'BEGIN {printf "%.2f", a / c}') (budget <= 1.2)"
}

compare host
compare bridge
echo "RSS after $((4 * rounds + 4)) create/remove commands: $(rss_of "$agent")"
