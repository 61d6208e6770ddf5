#!/usr/bin/env bash
# RSS of the agent over many create/remove cycles (PRODUCT.md §6: grows ≤ 1 MB after 1000 cycles).
#   build/bench/cycles.sh [BINARY] [CYCLES] [EVERY]   (needs build/env up; defaults out/linux-x64/container-factory, 1000, 100)
# One agent, one MQTT session. Each cycle is a createWithConfig (start, bridge network, one port mapping) of the
# test busybox image, answered 200, then a forced remove, answered 204. The first 20 cycles warm the agent up
# (connections, pools, JIT-free but lazily built tables). Two baselines: the RSS right after them (the samples
# taken while cycling compare with it), and the settled RSS 7 s later, once the agent has gone quiet and returned
# its free heap (the final growth compares with it, measured the same way 7 s after the last cycle).
# CF_CYCLES_WARMUP overrides the 20 warm-up cycles.
# Prints the agent's VmRSS every EVERY cycles, then the settled growth.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(realpath "${1:-$here/out/linux-x64/container-factory}")"
cycles="${2:-1000}"
every="${3:-100}"
warmup="${CF_CYCLES_WARMUP:-20}"
# shellcheck source=build/bench/lib.sh
source "$here/build/bench/lib.sh"
bench_env cycles
work=$(mktemp -d)
run_id=$(date +%s%N | tail -c 9)
thing="edge:cycles-$run_id" ns=cf-cycles
agent="" sub=""
cleanup() {
  [[ -n $sub ]] && kill "$sub" 2>/dev/null || true
  if [[ -n $agent ]]; then
    kill "$agent" 2>/dev/null || true
    wait "$agent" 2>/dev/null || true
  fi
  # whatever a failed cycle left behind: tasks, containers, their network namespaces
  for id in $(ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" containers list -q 2>/dev/null); do
    ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" tasks kill -s SIGKILL "$id" >/dev/null 2>&1 || true
    sleep 0.5
    ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" tasks delete "$id" >/dev/null 2>&1 || true
    ctr --address "$CF_CONTAINERD_SOCKET" -n "$ns" containers delete "$id" >/dev/null 2>&1 || true
  done
  grep -o " $work/run/[^ ]*" /proc/mounts | xargs -r umount 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

bench_agent_config "$work/agent.json" "$thing" "$ns" "$work"
"$bin" run --config "$work/agent.json" 2>"$work/agent.log" &
agent=$!
# Every reply arrives on one subscription, one line each ("topic payload"); a request waits for its line.
mosquitto_sub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -v -t "command//$thing/res/#" >"$work/replies" &
sub=$!
sleep 2
kill -0 "$agent" || { cat "$work/agent.log" >&2; exit 1; }

answered=0
request() { # OPERATION PATH VALUE -> the reply's payload in $reply
  local op=$1 deadline=$((SECONDS + 120))
  jq -cn --arg op "$op" --arg thing "$thing" --arg path "$2" --argjson value "$3" --arg n "$answered" \
    '{topic:"\($thing | sub(":"; "/"))/things/live/messages/\($op)",
      headers:{"response-required":true, "content-type":"application/json", "correlation-id":"cycles-\($n)"},
      path:$path, value:$value}' |
    mosquitto_pub -h "$CF_MQTT_HOST" -p "$CF_MQTT_PORT" -q 1 -t "command//$thing/req//$op" -s
  answered=$((answered + 1))
  until [[ $(wc -l <"$work/replies") -ge $answered ]]; do
    ((SECONDS < deadline)) || { echo "cycles: no reply to $op after 120 s" >&2; tail -20 "$work/agent.log" >&2; exit 1; }
    sleep 0.02
  done
  reply=$(sed -n "${answered}p" "$work/replies" | cut -d' ' -f2-)
}
cycle() { # N
  local value id
  value=$(jq -cn --arg image "$CF_IMAGE_BUSYBOX" --argjson port $((20000 + $1 % 1000)) '{imageRef:$image, start:true,
    config:{cmd:["/bin/sh","-c","trap exit TERM; sleep 3600 & wait"],
            portMappings:[{proto:"tcp", containerPort:80, hostIP:"127.0.0.1", hostPort:$port}]}}')
  request createWithConfig /features/ContainerFactory/inbox/messages/createWithConfig "$value"
  id=$(jq -r 'if .status == 200 then .value else empty end' <<<"$reply")
  [[ -n $id ]] || { echo "cycles: create $1 failed: $reply" >&2; tail -20 "$work/agent.log" >&2; exit 1; }
  request remove "/features/Container:$id/inbox/messages/remove" true
  [[ $(jq -r .status <<<"$reply") == 204 ]] || { echo "cycles: remove $1 failed: $reply" >&2; exit 1; }
}
rss_kib() { awk '$1=="VmRSS:" {print $2}' "/proc/$agent/status"; }
split() { awk '$1=="RssAnon:" {a=$2} $1=="RssFile:" {f=$2} END {printf "anonymous %.1f MiB, file-backed %.1f MiB", a/1024, f/1024}' "/proc/$agent/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

echo "agent $bin ($(stat -c %s "$bin") bytes), $cycles cycles of createWithConfig(start, bridge, port) + remove, $(nproc) cores"
echo "idle          RSS $(mib "$(rss_kib)") MiB"
for ((i = 1; i <= warmup; i++)); do cycle "$i"; done
base=$(rss_kib)
echo "after warm-up RSS $(mib "$base") MiB (baseline while cycling, $warmup cycles)"
sleep 7
settled=$(rss_kib)
echo "settled       RSS $(mib "$settled") MiB (baseline of the growth, 7 s after the warm-up; $(split))"
start=$SECONDS
for ((i = 1; i <= cycles; i++)); do
  cycle $((warmup + i))
  if ((i % every == 0)); then
    now=$(rss_kib)
    printf 'cycle %5d   RSS %s MiB (%+.1f MiB), %.2f s per cycle\n' "$i" "$(mib "$now")" \
      "$(awk -v a="$now" -v b="$base" 'BEGIN { print (a - b) / 1024 }')" \
      "$(awk -v s=$((SECONDS - start)) -v n="$i" 'BEGIN { print s / n }')"
  fi
done
sleep 7
now=$(rss_kib)
printf 'growth after %d cycles: %+.1f MiB (settled RSS %s MiB, 7 s after the last cycle)\n' "$cycles" \
  "$(awk -v a="$now" -v b="$settled" 'BEGIN { print (a - b) / 1024 }')" "$(mib "$now")"
echo "                              ($(split))"
echo "agent warnings and errors:"
sed 's/^/  /' "$work/agent.log" | tail -20
