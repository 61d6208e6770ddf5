#!/usr/bin/env bash
# `make run`: the agent in the foreground next to the local test stack (containerd, registry, mosquitto) that
# build/env/up.sh started under STATE. docker.io is served by the local registry as a mirror, so the published
# API examples work offline. Prints a ready-to-paste mosquitto_pub line for the published create example.
# Usage: build/run.sh STATE BINARY
set -euo pipefail
state="${1:?state folder}"
binary="${2:?agent binary}"
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=/dev/null
source "$state/env.sh"

config="$state/agent/config.json"
mkdir -p "$state/agent"
cat > "$config" <<JSON
{
  "mqtt":       { "broker": "$CF_MQTT_BROKER" },
  "identity":   { "thingId": "edge:device", "tenantId": "local" },
  "containerd": { "socket": "$CF_CONTAINERD_SOCKET", "namespace": "kanto-cm" },
  "registries": { "docker.io": { "mirrors": ["http://$CF_REGISTRY"] } },
  "paths":      { "state": "$state/agent/state", "run": "$state/agent/run" }
}
JSON

cat <<TEXT

container-factory is starting with $config
Serving thing edge:device; docker.io images come from the local registry $CF_REGISTRY.

Create the published example's hello-world container (paste in another terminal):

  mosquitto_pub -h $CF_MQTT_HOST -p $CF_MQTT_PORT -q 1 -t 'command//edge:device/req//create' -f $here/tests/testdata/examples/create.request.json

Watch the replies and the twin:

  mosquitto_sub -h $CF_MQTT_HOST -p $CF_MQTT_PORT -v -t 'command//edge:device/res/#' -t 'e/#'

Stop the agent with Ctrl-C (containers keep running); 'make env-down' stops the stack.

TEXT
exec "$binary" run --config "$config"
