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
echo "== lint"
scripts/lint.sh || failed=1
dotnet build Mosaic.slnx -c Release -nologo -v quiet

run() { # label, then the dotnet test arguments
  local label=$1; shift
  echo "== $label"
  dotnet test "$@" -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=$label" --results-directory "$results" || failed=1
}

# The graded evaluation (bench/eval): the demo's Offline answers to the Acme questions, held above bench/eval/floors.json;
# with the load benchmark's own checks (bench/load: its statistics and report; the benchmark itself is run by hand).
echo "== eval"
node --test bench/eval/ bench/load/ && bench/eval/run.sh offline --floor bench/eval/floors.json || failed=1

run connectors tests/Mosaic.Connectors.Tests
# Each database run in one connector isolation mode, so every server test passes in both (docs/deploy.md#connector-isolation).
MOSAIC_TEST_DB=sqlite MOSAIC_TEST_ISOLATION=shared run server-sqlite tests/Mosaic.Server.Tests
MOSAIC_TEST_DB=mariadb MOSAIC_TEST_ISOLATION=process run server-mariadb tests/Mosaic.Server.Tests
# The UI: component tests, then Playwright driving Debian's Chromium against the demo server.
echo "== web"
(cd web && npm test) || failed=1
echo "== e2e"
(cd web && npm run e2e:all) || failed=1

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
