#!/usr/bin/env bash
# down.sh [--purge] [STATE_DIR]   (default: <repo>/.state)
# Stops what up.sh started: first every task in every namespace of the private
# containerd (all of its namespaces belong to us), then containerd, the
# registries and mosquitto; then unmounts whatever is still mounted under
# STATE_DIR (container rootfs overlays, pinned netns files). State is kept so
# the next up.sh is fast; --purge removes STATE_DIR.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=0
dir_arg=
for a in "$@"; do
  case $a in
    --purge) purge=1 ;;
    -*) die "usage: down.sh [--purge] [STATE_DIR]" ;;
    *) dir_arg=$a ;;
  esac
done
STATE=$(resolve_state_dir "$dir_arg")
[[ $(id -u) -eq 0 ]] || die "must run as root"
if [[ ! -d $STATE ]]; then
  log "nothing to do: $STATE does not exist"
  exit 0
fi
# A daemon of an older up.sh might still hold the lock: carry on after a while.
lock_state 30 || log "warning: $STATE/.lock is held; continuing without it"

CTRD_SOCK=$STATE/containerd/containerd.sock

ctr_() { timeout 30 ctr --address "$CTRD_SOCK" "$@"; }

kill_tasks() {
  local ns task
  pid_alive containerd containerd && ctr_ version >/dev/null 2>&1 || return 0
  for ns in $(ctr_ namespaces ls -q); do
    for task in $(ctr_ -n "$ns" tasks ls -q); do
      log "removing task $ns/$task"
      ctr_ -n "$ns" tasks kill -s SIGKILL --all "$task" >/dev/null 2>&1 || true
      ctr_ -n "$ns" tasks rm -f "$task" >/dev/null 2>&1 ||
        log "warning: could not remove task $ns/$task"
    done
  done
}

# descendants PID -> PID's descendants, deepest last.
descendants() {
  local child
  # shellcheck disable=SC2013 # the children files are space-separated pids
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# Shims of this containerd that survived (containerd died earlier, or a task
# could not be removed): kill their containers' processes, then the shims.
# They are found by their `-address <our socket>` argument, never by name only.
kill_orphan_shims() {
  local p cmd pids
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' <"$p/cmdline" 2>/dev/null) || continue
    [[ $cmd == *containerd-shim*" -address $CTRD_SOCK "* || $cmd == *containerd-shim*" -address $CTRD_SOCK" ]] || continue
    pids="$(descendants "${p#/proc/}") ${p#/proc/}"
    log "killing orphaned shim ${p#/proc/} and its processes"
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
  done
}

unmount_all() {
  local t
  # Deepest first; findmnt -r escapes blanks as \x20.
  while read -r t; do
    t=$(printf '%b' "$t")
    log "unmounting $t"
    umount "$t" 2>/dev/null || umount -l "$t" || log "warning: could not unmount $t"
  done < <(findmnt -rn -o TARGET | awk -v s="$STATE/" 'index($0, s) == 1' | sort -r)
}

kill_tasks
kill_orphan_shims
stop_pid containerd containerd 15
stop_pid registry-anon docker-registry
stop_pid registry-auth docker-registry
stop_pid mosquitto mosquitto
sleep 0.2
unmount_all
rm -f "$STATE"/containerd/*.sock "$STATE"/containerd/*.sock.ttrpc

if ((purge)); then
  exec 9>&-
  rm -rf -- "$STATE" && log "removed $STATE"
else
  log "stopped; state kept in $STATE (down.sh --purge removes it)"
fi
