#!/usr/bin/env bash
# up.sh [STATE_DIR]   (default: <repo>/.state)
# Starts a private containerd, two docker-registry instances (anonymous and
# htpasswd basic auth), and mosquitto, all listening on loopback only with their
# state under STATE_DIR; builds and pushes the test images; writes
# STATE_DIR/env.sh and STATE_DIR/env.json; prints env.sh on stdout.
# Idempotent: healthy services are kept, pushed images are only checked.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STATE=$(resolve_state_dir "${1:-}")
AUTH_USER=cfuser
AUTH_PASSWORD=cfpass

[[ $(id -u) -eq 0 ]] || die "must run as root (containerd, runc and overlay mounts need it)"
for c in containerd ctr runc containerd-shim-runc-v2 docker-registry mosquitto mosquitto_pub \
  skopeo busybox jq htpasswd ss curl setsid flock gzip tar; do
  command -v "$c" >/dev/null || die "$c not found: run build/env/install.sh first"
done

mkdir -p "$STATE"/{pids,logs,ports,containerd,registry,mosquitto,images,cni}
lock_state 300 || die "another up.sh/down.sh holds $STATE/.lock"

# --- containerd -------------------------------------------------------------------
CTRD_DIR=$STATE/containerd
CTRD_SOCK=$CTRD_DIR/containerd.sock
CTRD_ROOT=$CTRD_DIR/root
CTRD_STATE=$CTRD_DIR/state
# sun_path is 108 bytes; the ttrpc socket is the longest path we create.
((${#CTRD_SOCK} + 6 < 108)) || die "state dir too long for a unix socket path: $CTRD_SOCK.ttrpc"

containerd_healthy() {
  pid_alive containerd containerd && ctr --address "$CTRD_SOCK" version >/dev/null 2>&1
}

write_containerd_config() {
  # No CRI plugin: nothing else of containerd's host-wide defaults is used.
  # The runtime (io.containerd.runc.v2, containerd-shim-runc-v2 on PATH) is
  # chosen per container by the client; without CRI there is no runtime table.
  cat >"$CTRD_DIR/config.toml" <<TOML
version = 2
root = "$CTRD_ROOT"
state = "$CTRD_STATE"
disabled_plugins = ["io.containerd.grpc.v1.cri"]

[grpc]
  address = "$CTRD_SOCK"

[ttrpc]
  address = "$CTRD_SOCK.ttrpc"

[debug]
  address = "$CTRD_DIR/debug.sock"
  level = "info"

[metrics]
  address = ""

[plugins."io.containerd.internal.v1.opt"]
  path = "$CTRD_DIR/opt"
TOML
}

start_containerd() {
  if containerd_healthy; then
    log "containerd already running (pid $(<"$STATE/pids/containerd"))"
    return
  fi
  stop_pid containerd containerd
  write_containerd_config
  rm -f "$CTRD_SOCK" "$CTRD_SOCK.ttrpc" "$CTRD_DIR/debug.sock"
  start_daemon containerd "$STATE/logs/containerd.log" containerd --config "$CTRD_DIR/config.toml"
  wait_until 30 containerd_healthy ||
    die "containerd did not come up; see $STATE/logs/containerd.log"
  log "containerd started (pid $(<"$STATE/pids/containerd")), socket $CTRD_SOCK"
}

# --- registries -------------------------------------------------------------------
# registry_healthy NAME EXPECTED_HTTP_CODE
registry_healthy() {
  local name=$1 code=$2 port
  [[ -s $STATE/ports/$name ]] || return 1
  port=$(<"$STATE/ports/$name")
  pid_alive "$name" docker-registry || return 1
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/v2/") == "$code" ]]
}

# start_registry NAME AUTH(0|1) -> sets REGISTRY_PORT
start_registry() {
  local name=$1 auth=$2 dir=$STATE/registry/$1 code=200 port
  ((auth)) && code=401
  if registry_healthy "$name" "$code"; then
    port=$(<"$STATE/ports/$name")
    CF_PICKED_PORTS[$port]=$name
    log "$name already running on 127.0.0.1:$port"
    REGISTRY_PORT=$port
    return
  fi
  stop_pid "$name" docker-registry
  port=$(pick_port "$name")
  mkdir -p "$dir/data"
  [[ -s $dir/http.secret ]] || head -c 24 /dev/urandom | base64 >"$dir/http.secret"
  {
    echo "version: 0.1"
    echo "log: {level: info, accesslog: {disabled: false}}"
    echo "storage:"
    echo "  filesystem: {rootdirectory: \"$dir/data\"}"
    echo "  delete: {enabled: true}"
    echo "  cache: {blobdescriptor: inmemory}"
    echo "http:"
    echo "  addr: 127.0.0.1:$port"
    echo "  secret: \"$(<"$dir/http.secret")\""
    echo "  headers: {X-Content-Type-Options: [nosniff]}"
    if ((auth)); then
      # distribution 2.8.2 accepts htpasswd auth (bcrypt entries only) over
      # plain HTTP: 401 + `WWW-Authenticate: Basic realm="cf-registry"`, no TLS.
      htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" >"$dir/htpasswd"
      echo "auth:"
      echo "  htpasswd: {realm: cf-registry, path: \"$dir/htpasswd\"}"
    fi
  } >"$dir/config.yml"
  start_daemon "$name" "$STATE/logs/$name.log" docker-registry serve "$dir/config.yml"
  wait_until 20 registry_healthy "$name" "$code" ||
    die "$name did not come up; see $STATE/logs/$name.log"
  log "$name started on 127.0.0.1:$port (pid $(<"$STATE/pids/$name"))"
  REGISTRY_PORT=$port
}

# --- mosquitto --------------------------------------------------------------------
mosquitto_healthy() {
  [[ -s $STATE/ports/mosquitto ]] || return 1
  pid_alive mosquitto mosquitto || return 1
  mosquitto_pub -h 127.0.0.1 -p "$(<"$STATE/ports/mosquitto")" -i cf-env-health -t cf-env/health -m up
}

start_mosquitto() {
  local dir=$STATE/mosquitto port user=root
  if mosquitto_healthy; then
    MQTT_PORT=$(<"$STATE/ports/mosquitto")
    CF_PICKED_PORTS[$MQTT_PORT]=mosquitto
    log "mosquitto already running on 127.0.0.1:$MQTT_PORT"
    return
  fi
  stop_pid mosquitto mosquitto
  port=$(pick_port mosquitto)
  mkdir -p "$dir/data"
  # mosquitto drops privileges to `user` right after reading its config; no
  # pid_file (it would be written after the drop): up.sh records $! instead.
  if id mosquitto >/dev/null 2>&1; then
    user=mosquitto
    chown mosquitto: "$dir/data"
  fi
  cat >"$dir/mosquitto.conf" <<CONF
per_listener_settings false
allow_anonymous true
listener $port 127.0.0.1
persistence true
persistence_location $dir/data/
log_dest stdout
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
log_timestamp_format %Y-%m-%dT%H:%M:%S
user $user
CONF
  start_daemon mosquitto "$STATE/logs/mosquitto.log" mosquitto -c "$dir/mosquitto.conf"
  wait_until 20 mosquitto_healthy || die "mosquitto did not come up; see $STATE/logs/mosquitto.log"
  MQTT_PORT=$port
  log "mosquitto started on 127.0.0.1:$port (pid $(<"$STATE/pids/mosquitto"))"
}

# --- images ------------------------------------------------------------------------
LAYOUT=$STATE/images/layout
SKOPEO_POLICY=$STATE/images/policy.json
ACCEPT='application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.docker.distribution.manifest.v2+json'

build_images() {
  local stamp
  stamp="$(sha256_of "$(readlink -f "$(command -v busybox)")") $(cat "$CF_ENV_DIR/images.sh" "$CF_ENV_DIR/lib.sh" | sha256sum | cut -d' ' -f1)"
  if [[ -s $LAYOUT/digests.env && -s $LAYOUT.stamp && $(<"$LAYOUT.stamp") == "$stamp" ]]; then
    log "OCI layout cached at $LAYOUT"
  else
    "$CF_ENV_DIR/images.sh" "$LAYOUT"
    echo "$stamp" >"$LAYOUT.stamp"
  fi
  printf '{"default":[{"type":"insecureAcceptAnything"}]}\n' >"$SKOPEO_POLICY"
  # shellcheck source=/dev/null
  source "$LAYOUT/digests.env"
}

# remote_digest HOSTPORT NAME:TAG [USER:PASS] -> Docker-Content-Digest or nothing
remote_digest() {
  local hostport=$1 repo=${2%:*} tag=${2##*:} creds=${3:-}
  local -a auth=()
  [[ -n $creds ]] && auth=(-u "$creds")
  curl -s -I --max-time 5 "${auth[@]}" -H "Accept: $ACCEPT" "http://$hostport/v2/$repo/manifests/$tag" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" {print $2}'
}

# push KEY SRC_REF HOSTPORT NAME:TAG [USER:PASS] [skopeo args...]
# Copies oci:LAYOUT:SRC_REF to the registry unless it already serves the digest
# recorded by the previous push. Sets PUSHED[KEY] = manifest (or index) digest.
declare -A PUSHED=()
push() {
  local key=$1 src=$2 hostport=$3 dest=$4 creds=${5:-}
  shift 5
  local rec=$STATE/images/pushed/$key current
  mkdir -p "$STATE/images/pushed"
  current=$(remote_digest "$hostport" "$dest" "$creds")
  if [[ -s $rec && -n $current && $(<"$rec") == "$current" ]]; then
    PUSHED[$key]=$current
    return
  fi
  local -a cred_args=()
  [[ -n $creds ]] && cred_args=(--dest-creds "$creds")
  log "pushing $src -> $hostport/$dest $*"
  skopeo --policy "$SKOPEO_POLICY" copy --quiet --dest-tls-verify=false "${cred_args[@]}" \
    --digestfile "$rec.tmp" "$@" "oci:$LAYOUT:$src" "docker://$hostport/$dest" >>"$STATE/logs/skopeo.log" 2>&1 ||
    die "skopeo copy to $hostport/$dest failed; see $STATE/logs/skopeo.log"
  mv "$rec.tmp" "$rec"
  PUSHED[$key]=$(<"$rec")
}

push_images() {
  local reg=127.0.0.1:$REGISTRY_ANON_PORT areg=127.0.0.1:$REGISTRY_AUTH_PORT
  local creds=$AUTH_USER:$AUTH_PASSWORD arch
  arch=$(jq -r '.manifests[-1].platform.architecture' "$LAYOUT/blobs/sha256/${DIGEST_MULTI#sha256:}")
  # OCI pushes keep the layout's bytes (--preserve-digests fails rather than
  # rewriting a manifest), so the env digests equal the layout's digests.
  push hello hello "$reg" library/hello-world:latest "" --preserve-digests
  push busybox busybox "$reg" library/busybox:latest "" --preserve-digests
  push web web "$reg" test/web:latest "" --preserve-digests
  push user user "$reg" test/user:latest "" --preserve-digests
  push multi multi "$reg" test/multi:latest "" --all --preserve-digests
  push multi-host multi-host "$reg" "test/multi:$arch" "" --preserve-digests
  # Docker schema 2 conversions (new manifest and config digests, same layers).
  push web-docker web "$reg" test/web:docker "" --format v2s2
  push multi-docker multi "$reg" test/multi:docker "" --all --format v2s2
  # The basic-auth registry.
  push auth-busybox busybox "$areg" library/busybox:latest "$creds" --preserve-digests
  push auth-hello hello "$areg" library/hello-world:latest "$creds" --preserve-digests
}

# --- env files -----------------------------------------------------------------------
cni_bin_dir() {
  local f
  f=$(dpkg -L containernetworking-plugins 2>/dev/null | grep -m1 '/bridge$') || true
  [[ -n $f ]] && dirname "$f"
}

write_env() {
  local reg=127.0.0.1:$REGISTRY_ANON_PORT areg=127.0.0.1:$REGISTRY_AUTH_PORT
  local -a kv=(
    CF_ENV_FILE "$STATE/env.json"
    CF_STATE_DIR "$STATE"
    CF_LOG_DIR "$STATE/logs"
    CF_CONTAINERD_SOCKET "$CTRD_SOCK"
    CF_CONTAINERD_ROOT "$CTRD_ROOT"
    CF_CONTAINERD_STATE "$CTRD_STATE"
    CF_CONTAINERD_SNAPSHOTTER overlayfs
    CF_CONTAINERD_RUNTIME io.containerd.runc.v2
    CF_REGISTRY "$reg"
    CF_AUTH_REGISTRY "$areg"
    CF_AUTH_USER "$AUTH_USER"
    CF_AUTH_PASSWORD "$AUTH_PASSWORD"
    CF_MQTT_BROKER "tcp://127.0.0.1:$MQTT_PORT"
    CF_MQTT_HOST 127.0.0.1
    CF_MQTT_PORT "$MQTT_PORT"
    CF_CNI_BIN_DIR "$(cni_bin_dir)"
    CF_CNI_STATE_DIR "$STATE/cni"
    CF_OCI_LAYOUT "$LAYOUT"
    CF_HELLO_LINE "$HELLO_LINE"
    CF_WEB_LINE "$WEB_LINE"
    CF_IMAGE_HELLO "$reg/library/hello-world:latest"
    CF_IMAGE_HELLO_DIGEST "${PUSHED[hello]}"
    CF_IMAGE_BUSYBOX "$reg/library/busybox:latest"
    CF_IMAGE_BUSYBOX_DIGEST "${PUSHED[busybox]}"
    CF_IMAGE_WEB "$reg/test/web:latest"
    CF_IMAGE_WEB_DIGEST "${PUSHED[web]}"
    CF_IMAGE_WEB_DOCKER "$reg/test/web:docker"
    CF_IMAGE_WEB_DOCKER_DIGEST "${PUSHED[web-docker]}"
    CF_IMAGE_USER "$reg/test/user:latest"
    CF_IMAGE_USER_DIGEST "${PUSHED[user]}"
    CF_IMAGE_MULTI "$reg/test/multi:latest"
    CF_IMAGE_MULTI_DIGEST "${PUSHED[multi]}"
    CF_IMAGE_MULTI_AMD64_DIGEST "$DIGEST_MULTI_AMD64"
    CF_IMAGE_MULTI_ARM64_DIGEST "$DIGEST_MULTI_ARM64"
    CF_IMAGE_MULTI_DOCKER "$reg/test/multi:docker"
    CF_IMAGE_MULTI_DOCKER_DIGEST "${PUSHED[multi-docker]}"
    CF_IMAGE_AUTH_BUSYBOX "$areg/library/busybox:latest"
    CF_IMAGE_AUTH_BUSYBOX_DIGEST "${PUSHED[auth-busybox]}"
    CF_IMAGE_AUTH_HELLO "$areg/library/hello-world:latest"
    CF_IMAGE_AUTH_HELLO_DIGEST "${PUSHED[auth-hello]}"
  )
  local i
  local -a jq_args=()
  : >"$STATE/env.sh.tmp"
  for ((i = 0; i < ${#kv[@]}; i += 2)); do
    printf 'export %s=%q\n' "${kv[i]}" "${kv[i + 1]}" >>"$STATE/env.sh.tmp"
    jq_args+=(--arg "${kv[i]}" "${kv[i + 1]}")
  done
  # One flat object, every value a string, in the order above.
  jq -n '$ARGS.named' "${jq_args[@]}" >"$STATE/env.json.tmp"
  mv "$STATE/env.sh.tmp" "$STATE/env.sh"
  mv "$STATE/env.json.tmp" "$STATE/env.json"
}

# --- main --------------------------------------------------------------------------------
start_containerd
start_registry registry-anon 0
REGISTRY_ANON_PORT=$REGISTRY_PORT
start_registry registry-auth 1
REGISTRY_AUTH_PORT=$REGISTRY_PORT
start_mosquitto
build_images
push_images
write_env
log "environment ready: source $STATE/env.sh  (or read $STATE/env.json)"
cat "$STATE/env.sh"
