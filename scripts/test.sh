#!/usr/bin/env bash
# The one test command (README, .ci/run). On a fresh Debian machine it installs what the tests
# need, starts MariaDB, Redis and s3rver on loopback, runs every suite, and stops them again.
# A missing service fails the run; nothing is skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
command -v mariadbd >/dev/null || need+=(mariadb-server mariadb-client)
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
command -v curl >/dev/null || need+=(curl)
if [ "${MOSAIC_CONTAINER_TEST:-0}" = 1 ]; then # scripts/container-test.sh's tools
  for tool in podman runc debootstrap docker-compose; do command -v $tool >/dev/null || need+=($tool); done
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error)
if [ -f web/package.json ]; then (cd web && npm ci --no-audit --no-fund --loglevel=error); fi

export MOSAIC_SERVICES_DIR=${MOSAIC_SERVICES_DIR:-$(mktemp -d /tmp/mosaic-test.XXXXXX)}
trap 'scripts/services.sh stop' EXIT
scripts/services.sh start
# shellcheck disable=SC1091
source "$MOSAIC_SERVICES_DIR/env"

results="$MOSAIC_SERVICES_DIR/results"
mkdir -p "$results"
failed=0
timings=()
step() { # label, then a command: runs it, records how long it took and whether it failed
  local label=$1 start=$SECONDS; shift
  echo "== $label"
  "$@" || { failed=1; echo "== $label FAILED"; }
  timings+=("$(printf '%-16s %4ss' "$label" $((SECONDS - start)))")
}
dotnet_test() { # label, then the dotnet test arguments
  local label=$1; shift
  dotnet test "$@" -c Release --no-build --nologo --logger "trx;LogFilePrefix=$label" --results-directory "$results"
}
step lint scripts/lint.sh
step build dotnet build Mosaic.slnx -c Release -nologo -v quiet

# The container image (Dockerfile, compose.yaml) on stand-in base images, when asked for (.ci/run asks): built in the
# background while the suites below run, since the build is mostly compiling and the suites mostly waiting. JIT
# connectors unless MOSAIC_CONTAINER_AOT=true: the AOT image takes far longer to build (docs/deploy.md).
container=
if [ "${MOSAIC_CONTAINER_TEST:-0}" = 1 ]; then
  container_start=$SECONDS
  (MOSAIC_CONTAINER_AOT=${MOSAIC_CONTAINER_AOT:-false} scripts/container-test.sh >"$results/container.log" 2>&1) &
  container=$!
fi

# The graded evaluation (bench/eval): the demo's Offline answers to the Acme questions, held above bench/eval/floors.json;
# with the load benchmark's own checks (bench/load: its statistics and report; the benchmark itself is run by hand).
eval_all() { node --test bench/eval/ bench/load/ && bench/eval/run.sh offline --floor bench/eval/floors.json; }
step eval eval_all

step connectors dotnet_test connectors tests/Mosaic.Connectors.Tests
# Each database run in one connector isolation mode, so every server test passes in both (docs/deploy.md#connector-isolation).
server_sqlite() { MOSAIC_TEST_DB=sqlite MOSAIC_TEST_ISOLATION=shared dotnet_test server-sqlite tests/Mosaic.Server.Tests; }
server_mariadb() { MOSAIC_TEST_DB=mariadb MOSAIC_TEST_ISOLATION=process dotnet_test server-mariadb tests/Mosaic.Server.Tests; }
step server-sqlite server_sqlite
step server-mariadb server_mariadb
# The faults an operator meets (docs/deploy.md#what-it-survives), against the built server as a real process, once:
# a private MariaDB stopped under load, a frozen connector, a killed server, a full disk (a tmpfs: root), backups.
step faults dotnet_test faults tests/Mosaic.Faults.Tests
# The UI: component tests, then Playwright driving Debian's Chromium against the demo server.
web_unit() { (cd web && npm test); }
web_e2e() { (cd web && npm run e2e:all); }
step web web_unit
step e2e web_e2e

if [ -n "$container" ]; then
  echo "== container"
  wait "$container" || { failed=1; echo "== container FAILED"; }
  cat "$results/container.log"
  timings+=("$(printf '%-16s %4ss (in the background from after the build)' container $((SECONDS - container_start)))")
fi

echo "== time per step"
printf '  %s\n' "${timings[@]}"
# One closing line over every .NET suite.
passed=0; fails=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9); passed=$((passed + ${p:-0}))
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9); fails=$((fails + ${f:-0}))
done
echo "dotnet: $passed passed, $fails failed"
[ "$passed" -gt 0 ] || { echo "test.sh: no test ran" >&2; exit 1; }
exit $failed
