# Shared helpers for up.sh / down.sh / images.sh. Sourced, never executed.
# shellcheck shell=bash

CF_ENV_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CF_REPO_ROOT=$(cd "$CF_ENV_DIR/../.." && pwd)

log() { printf '[cf-env] %s\n' "$*" >&2; }
die() { printf '[cf-env] error: %s\n' "$*" >&2; exit 1; }

# resolve_state_dir [DIR] -> absolute path (default <repo>/.state)
resolve_state_dir() {
  local dir=${1:-$CF_REPO_ROOT/.state}
  dir=$(realpath -m -- "$dir")
  # mosquitto's and containerd's config files take the paths unquoted or as-is.
  [[ $dir != *[[:space:]\"]* ]] || die "state dir must not contain blanks or quotes: $dir"
  echo "$dir"
}

# proc_running PID -> 0 when PID exists and is not a zombie (an exited daemon
# stays a zombie until init, which may be slow, reaps it).
proc_running() {
  local stat
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# pid_alive NAME EXE -> 0 when STATE/pids/NAME holds a live pid whose executable
# basename is EXE (guards against pid reuse after a reboot or crash).
pid_alive() {
  local file=$STATE/pids/$1 exe=$2 pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  proc_running "$pid" || return 1
  [[ $(basename "$(readlink "/proc/$pid/exe" 2>/dev/null)") == "$exe" ]]
}

# stop_pid NAME EXE [TIMEOUT_S]: SIGTERM, wait, then SIGKILL; removes the pid file.
stop_pid() {
  local name=$1 exe=$2 timeout=${3:-10} pid i
  if pid_alive "$name" "$exe"; then
    pid=$(<"$STATE/pids/$name")
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do
      proc_running "$pid" || break
      sleep 0.1
    done
    if proc_running "$pid"; then
      log "$name did not exit after ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -f "$STATE/pids/$name"
}

# port_free PORT -> 0 when nothing listens on PORT (TCP, any address).
port_free() {
  [[ -z $(ss -Hltn "( sport = :$1 )" 2>/dev/null) ]]
}

# pick_port NAME -> prints a free loopback port, reusing the one recorded for NAME
# in STATE/ports/ when it is still free, so image references stay stable across
# down/up cycles. Ports handed out during this run are never handed out twice.
declare -A CF_PICKED_PORTS=()
pick_port() {
  local name=$1 file=$STATE/ports/$1 p i
  if [[ -s $file ]]; then
    p=$(<"$file")
    if [[ -z ${CF_PICKED_PORTS[$p]:-} ]] && port_free "$p"; then
      CF_PICKED_PORTS[$p]=$name
      echo "$p"
      return
    fi
  fi
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 20000))
    if [[ -z ${CF_PICKED_PORTS[$p]:-} ]] && port_free "$p"; then
      CF_PICKED_PORTS[$p]=$name
      mkdir -p "$STATE/ports"
      echo "$p" >"$file"
      echo "$p"
      return
    fi
  done
  die "no free port found for $name"
}

# wait_until TIMEOUT_S CMD... : polls CMD every 0.1 s until it succeeds.
wait_until() {
  local timeout=$1 i
  shift
  for ((i = 0; i < timeout * 10; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  return 1
}

# start_daemon NAME LOGFILE CMD... : starts CMD in its own session (so that a
# Ctrl-C or hang-up of the caller's terminal does not reach it), stdin closed,
# output to LOGFILE, and records its pid in STATE/pids/NAME.
start_daemon() {
  local name=$1 logfile=$2
  shift 2
  mkdir -p "$STATE/pids" "$(dirname "$logfile")"
  # A background child of a non-interactive shell is not a process-group leader,
  # so setsid execs in place and $! is the daemon's own pid.
  # fd 9 is the state dir lock (see lock_state): never let a daemon inherit it.
  setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  echo $! >"$STATE/pids/$name"
}

# lock_state TIMEOUT_S: serialises up.sh/down.sh runs on one state dir (fd 9).
lock_state() {
  exec 9>"$STATE/.lock"
  flock -w "$1" 9
}

# sha256 of a file, hex only.
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
