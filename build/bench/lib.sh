# Shared by the benchmark scripts (sourced, not run).

# bench_env NAME: sources the test environment's env.sh from $CF_STATE_DIR (default .state), or stops naming NAME.
bench_env() {
  local state="${CF_STATE_DIR:-$here/.state}"
  [[ -f $state/env.sh ]] || { echo "$1: $state/env.sh missing; run build/env/up.sh first" >&2; exit 2; }
  # shellcheck source=/dev/null
  source "$state/env.sh"
}

# bench_agent_config FILE THING NS WORK: an agent config for the local stack (broker, containerd namespace NS),
# with its state and run folders under WORK and warnings only.
bench_agent_config() {
  cat >"$1" <<JSON
{
  "mqtt":       { "broker": "$CF_MQTT_BROKER" },
  "identity":   { "thingId": "$2", "tenantId": "local" },
  "containerd": { "socket": "$CF_CONTAINERD_SOCKET", "namespace": "$3" },
  "paths":      { "state": "$4/state", "run": "$4/run" },
  "log":        { "level": "warn" }
}
JSON
}
