#!/usr/bin/env bash
# Runs the test suites and prints one closing line "N passed, N failed, N skipped" over all of them.
#   build/test.sh unit    unit tests only
#   build/test.sh smoke   the published-binary smoke tests (needs CF_BINARY)
#   build/test.sh all     unit, integration (starts the test environment) and smoke, x64 and arm64 (qemu-user)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mode="${1:-all}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0

run_tests() { # project [filter]
  # Quiet build output; a failing test still prints its message and stack (the console logger at minimal).
  local args=(test "$1" -nologo -v:q --logger "console;verbosity=minimal")
  [ -n "${2:-}" ] && args+=(--filter "$2")
  dotnet "${args[@]}" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
}

unit_projects=(tests/ContainerFactory.Protocol.Tests tests/ContainerFactory.Config.Tests
               tests/ContainerFactory.Runtime.Tests tests/ContainerFactory.Agent.Tests)

case "$mode" in
  unit)
    for p in "${unit_projects[@]}"; do run_tests "$p"; done ;;
  smoke)
    run_tests tests/ContainerFactory.IntegrationTests "Category=Smoke" ;;
  all)
    for p in "${unit_projects[@]}"; do run_tests "$p"; done
    build/env/install.sh || status=1
    build/env/up.sh "$here/.state" || status=1
    build/publish.sh "${RID:-linux-x64}" || status=1
    # linux-arm64 twice (Debian 12 glibc; bullseye glibc 2.31), smoke-tested under qemu-user (Arm64Smoke tests).
    OUT_DIR="$here/out/linux-arm64" build/publish.sh linux-arm64 || status=1
    cross/publish-bullseye.sh "$here/out/linux-arm64-bullseye" || status=1
    CF_ENV_FILE="$here/.state/env.json" CF_BINARY="$here/out/${RID:-linux-x64}/container-factory" \
      CF_ARM64_BINARY="$here/out/linux-arm64/container-factory" \
      CF_ARM64_BULLSEYE_BINARY="$here/out/linux-arm64-bullseye/container-factory" \
      CF_ARM64_BULLSEYE_SYSROOT="$here/cross/.sysroot-bullseye-arm64" \
      run_tests tests/ContainerFactory.IntegrationTests ;;
  *) echo "usage: build/test.sh unit|smoke|all" >&2; exit 2 ;;
esac

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 102, Skipped: 0, Total: 102 ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then status=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
