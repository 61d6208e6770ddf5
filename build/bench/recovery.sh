#!/usr/bin/env bash
# Recovery after a simulated host reboot (issue 6): agent start → every restartable container running again.
#   build/bench/recovery.sh [CONTAINERS] [ROUNDS]   (default 20 and 3; needs build/env up and the AOT binary)
# Runs its own containerd (root, state and socket under a temporary folder; the shared one is untouched) and an agent
# on the test broker with a bridge and subnet of its own. Creates CONTAINERS busybox containers (half always, half
# unless-stopped, bridge network, json-file logs), then per round cuts the power: SIGKILL to the agent, containerd,
# every container process and every shim of that containerd; containerd is started again with its state folder (no
# task survives), and the agent is started with a broker URL nobody listens on (no network, no cloud). The time from
# starting the agent to `ctr tasks ls` showing all CONTAINERS tasks RUNNING (polled every 50 ms) is the round's
# result. Prints every round, the median and the best. Every wait is bounded; everything is removed at the end.
# CF_BINARY overrides the binary (default out/linux-x64/container-factory).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-20}"
rounds="${2:-3}"
# shellcheck source=build/bench/lib.sh
source "$here/build/bench/lib.sh"
bench_env recovery.sh
bin="$(realpath "${CF_BINARY:-$here/out/linux-x64/container-factory}")"
[[ -x $bin ]] || { echo "recovery.sh: $bin missing; run build/publish.sh linux-x64" >&2; exit 2; }

tag=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
work=$(mktemp -d /tmp/cfrbench.XXXXXX) # short: the socket path must fit in 108 bytes
sock=$work/c.sock ns=cfrbench-$tag thing=edge:rbench$tag bridge=cfrb${tag:0:4}
subnet="10.217.$((16#${tag:4:2} % 250 + 1)).0/24"
ctrd_pid="" agent_pid=""

ctr_() { ctr --address "$sock" -n "$ns" "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
running() { ctr_ tasks ls 2>/dev/null | awk 'NR > 1 && $3 == "RUNNING"' | wc -l; }
all_running() { [[ $(running) -eq $count ]]; }
no_containers() { [[ $(ctr_ containers ls -q | wc -l) -eq 0 ]]; }
until_true() { # SECONDS STEP COMMAND...: retries COMMAND until it succeeds, at most SECONDS
  local deadline=$(($(date +%s) + $1)) step=$2
  shift 2
  until "$@"; do
    (($(date +%s) < deadline)) || return 1
    sleep "$step"
  done
}

start_containerd() {
  containerd --config "$work/containerd.toml" >>"$work/containerd.log" 2>&1 &
  ctrd_pid=$!
  until_true 30 0.1 ctr --address "$sock" version >/dev/null 2>&1 || { echo "recovery.sh: containerd did not start" >&2; exit 1; }
}

start_agent() { # BROKER_URL LOG
  jq -n --arg broker "$1" --arg thing "$thing" --arg sock "$sock" --arg ns "$ns" --arg mirror "http://$CF_REGISTRY" \
    --arg bridge "$bridge" --arg subnet "$subnet" --arg work "$work" '{
      mqtt: {broker: $broker, clientId: ("cf-" + $thing)}, identity: {thingId: $thing, tenantId: "bench"},
      containerd: {socket: $sock, namespace: $ns}, registries: {"docker.io": {mirrors: [$mirror]}},
      network: {bridge: $bridge, subnet: $subnet}, paths: {state: ($work + "/state"), run: ($work + "/run")},
      log: {level: "info"}}' >"$work/agent.json"
  "$bin" run --config "$work/agent.json" >>"$2" 2>&1 &
  agent_pid=$!
}

stop_agent() { # SIGTERM, then SIGKILL after 20 s
  [[ -n $agent_pid ]] || return 0
  kill -TERM "$agent_pid" 2>/dev/null || true
  until_true 20 0.1 gone "$agent_pid" || kill -KILL "$agent_pid" 2>/dev/null || true
  wait "$agent_pid" 2>/dev/null || true
  agent_pid=""
}

shims() { # the shims of this containerd: containerd-shim-runc-v2 … -address <sock>
  local dir
  for dir in /proc/[0-9]*; do
    tr '\0' '\n' 2>/dev/null <"$dir/cmdline" | { read -r exe && [[ $exe == *containerd-shim* ]] && grep -qxF -- "$sock"; } &&
      basename "$dir"
  done
  return 0
}

gone() { ! alive "$@"; }

alive() { # PID...: true while one of them exists and is not a zombie
  local pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat && $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]] && return 0
  done
  return 1
}

power_cut() { # SIGKILL to the agent, containerd, every container process, every shim; the state folder stays
  local pids
  kill -KILL "$agent_pid" "$ctrd_pid" 2>/dev/null || true
  wait "$agent_pid" "$ctrd_pid" 2>/dev/null || true
  agent_pid="" ctrd_pid=""
  pids=$(cat /sys/fs/cgroup/memory/"$ns"/*/cgroup.procs 2>/dev/null || true)
  pids="$pids $(shims)"
  # shellcheck disable=SC2086
  [[ -z ${pids// /} ]] || kill -KILL $pids 2>/dev/null || true
  # shellcheck disable=SC2086
  until_true 10 0.1 gone $pids || { echo "recovery.sh: processes survived SIGKILL" >&2; exit 1; }
}

publish() { # OPERATION PATH VALUE
  local rid
  rid="r$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
  jq -cn --arg op "$1" --arg path "$2" --argjson value "$3" --arg topic "${thing/:/\/}/things/live/messages/$1" \
    --arg cid "$rid" '{topic: $topic, headers: {"response-required": false, "content-type": "application/json", "correlation-id": $cid}, path: $path, value: $value}' |
    mosquitto_pub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -i "cf-bench-$rid" -t "command//$thing/req/$rid/$1" -s
}

remove_all() { # through an agent on the test broker, so that it also releases the containers' network attachments
  local id
  stop_agent
  start_agent "$CF_MQTT_BROKER" "$work/agent-cleanup.log"
  until_true 30 0.1 grep -qs "ready: thing" "$work/agent-cleanup.log" || { echo "recovery.sh: cleanup agent not ready" >&2; return 1; }
  for id in $(ctr_ containers ls -q); do
    publish remove "/features/Container:$id/inbox/messages/remove" true
  done
  until_true 60 0.2 no_containers || { echo "recovery.sh: containers left after remove" >&2; return 1; }
}

cleanup() {
  set +e
  [[ -n $ctrd_pid ]] && ! no_containers && remove_all
  stop_agent
  # A clean-session connect with the agent's client id drops the session the broker keeps for it.
  mosquitto_pub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -i "cf-$thing" -t "cf/bench/recovery" -n >/dev/null 2>&1
  if [[ -n $ctrd_pid ]]; then
    for id in $(ctr_ tasks ls -q 2>/dev/null); do ctr_ tasks kill -s SIGKILL "$id" >/dev/null 2>&1; done
    sleep 1
    for id in $(ctr_ tasks ls -q 2>/dev/null); do ctr_ tasks delete -f "$id" >/dev/null 2>&1; done
    for id in $(ctr_ containers ls -q 2>/dev/null); do ctr_ containers rm "$id" >/dev/null 2>&1; done
    for image in $(ctr_ images ls -q 2>/dev/null); do ctr_ images rm --sync "$image" >/dev/null 2>&1; done
    ctr --address "$sock" namespaces rm "$ns" >/dev/null 2>&1
    kill -TERM "$ctrd_pid" 2>/dev/null
    until_true 10 0.1 gone "$ctrd_pid" || kill -KILL "$ctrd_pid" 2>/dev/null
    wait "$ctrd_pid" 2>/dev/null
  fi
  for pid in $(shims); do kill -KILL "$pid" 2>/dev/null; done
  awk -v w="$work/" 'index($5, w) == 1 {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount 2>/dev/null
  ip link delete "$bridge" type bridge 2>/dev/null
  for dir in /sys/fs/cgroup/*/"$ns"; do [[ -d $dir ]] && rmdir "$dir"/* "$dir" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/containerd.toml" <<TOML
version = 2
root = "$work/root"
state = "$work/state-containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$sock"
[ttrpc]
  address = "$sock.ttrpc"
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$work/opt"
TOML

# A loopback port nobody listens on: the broker of the recovering agent.
closed=39517
while ss -ltnH "sport = :$closed" | grep -q . && ((closed < 39600)); do closed=$((closed + 1)); done

start_containerd
start_agent "$CF_MQTT_BROKER" "$work/agent-setup.log"
until_true 30 0.1 grep -qs "ready: thing" "$work/agent-setup.log" || { echo "recovery.sh: agent not ready" >&2; cat "$work/agent-setup.log" >&2; exit 1; }


for ((i = 0; i < count; i++)); do
  policy=$([[ $((i % 2)) -eq 0 ]] && echo always || echo unless-stopped)
  publish createWithConfig /features/ContainerFactory/inbox/messages/createWithConfig "$(jq -cn --arg p "$policy" '{
    imageRef: "docker.io/library/busybox:latest", start: true,
    config: {restartPolicy: {type: $p}, cmd: ["sh", "-c", "while true; do sleep 1; done"]}}')"
done
until_true 120 0.2 all_running ||
  { echo "recovery.sh: only $(running) of $count containers started" >&2; tail -20 "$work/agent-setup.log" >&2; exit 1; }
echo "$count containers running (busybox, bridge $bridge $subnet, half always, half unless-stopped); binary $bin"

times=()
for ((r = 1; r <= rounds; r++)); do
  power_cut
  start_containerd
  [[ $(ctr_ tasks ls -q | wc -l) -eq 0 ]] || { echo "recovery.sh: tasks survived the power cut" >&2; exit 1; }
  t0=$(now_ms)
  start_agent "tcp://127.0.0.1:$closed" "$work/agent-round$r.log"
  until_true 60 0.05 all_running ||
    { echo "recovery.sh: round $r: $(running) of $count running after 60 s" >&2; tail -20 "$work/agent-round$r.log" >&2; exit 1; }
  t=$(($(now_ms) - t0))
  times+=("$t")
  printf 'round %d: agent start -> %d containers running: %d ms\n' "$r" "$count" "$t"
  sleep 2 # what the agent logs right after recovery (a wrong exit, a failed restart) shows here
  grep -E " (warn|fail|crit) " "$work/agent-round$r.log" | grep -vF "cannot connect to tcp://127.0.0.1:$closed" | head -5 >&2 || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "median: $median ms, best: $(printf '%s\n' "${times[@]}" | sort -n | head -1) ms ($count containers, $rounds rounds)"

remove_all
if iptables-save -t nat | grep -qF "${subnet%.0/24}."; then echo "recovery.sh: NAT rules for $subnet left behind" >&2; fi
