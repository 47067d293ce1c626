#!/usr/bin/env bash
# Load benchmark (bench/load/README.md): for each isolation mode, a fresh --demo server from the published build on
# loopback, U registered users with Sandbox credentials for every source, then K active users at a time asking a mix
# of single-source and all-sources questions for S seconds; both modes in one run, compared.
#   bench/load/run.sh [--users U] [--active K,K,…] [--seconds S] [--modes shared,process] [--write-results]
#                     [--max-sessions N] [--result-cache SECONDS] [--all-share F] [--seed N] [--baseline N]
#                     [--shopify-budget plus|standard]
#                     [--think-min S] [--think-max S] [--min-free-mb MB]
# Defaults: 1000 users, active 10,20,50,100, 60 s, both modes, MCP_MAX_SESSIONS 256, result cache 1 s.
# Needs the published build: scripts/publish.sh (MOSAIC_PUBLISHED=<dir> for another one). Builds nothing.
# Bounded: every request times out (180 s), every step stops after S seconds plus the answers in flight, the whole
# run is killed after a limit computed from the parameters, and the servers are stopped on any exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
users=1000 active=10,20,50,100 seconds=60 modes=shared,process write=0 max_sessions=256 result_cache=1
extra=()
command="bench/load/run.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift ;;
    --active) active=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --modes) modes=$2; shift ;;
    --max-sessions) max_sessions=$2; shift ;;
    --result-cache) result_cache=$2; shift ;;
    --all-share | --seed | --baseline | --think-min | --think-max | --min-free-mb | --shopify-budget) extra+=("$1" "$2"); shift ;;
    --write-results) write=1 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done

published=${MOSAIC_PUBLISHED:-$root/artifacts/mosaic}
sandbox_dll="$published/connectors/Mosaic.Sandbox/Mosaic.Sandbox.dll"
[ -f "$published/Mosaic.Server.dll" ] && [ -f "$sandbox_dll" ] ||
  { echo "no published build in $published: run scripts/publish.sh first" >&2; exit 1; }
aot=$(find "$published/connectors" -mindepth 2 -maxdepth 2 -type f -executable -name 'Mosaic.Connectors.*' | wc -l)
note="Published build: $aot connectors Native AOT, the rest JIT (scripts/publish.sh)."

# The demo's S3 source needs s3rver: the repository's test tools (installed once, as bench/connectors does).
s3rver=${MOSAIC_S3RVER:-$root/tests/tools/node_modules/.bin/s3rver}
[ -x "$s3rver" ] || (cd "$root/tests/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
mkdir -p "$root/bench/results/tmp"
server_pid=
load_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap '[ -n "$load_pid" ] && kill -TERM "$load_pid" 2>/dev/null; stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

server_note="MOSAIC_LLM_PROVIDER=offline, RATE_LIMIT_ENABLED=false, MCP_MAX_SESSIONS=$max_sessions"
server_note+=", MCP_RESULT_CACHE_SECONDS=$result_cache, other settings the demo's defaults"
steps=$(tr ',' '\n' <<<"$active" | grep -c .)
limit=$((900 + users / 2 + steps * (seconds + 240))) # setup, baseline, and every step with its answers in flight
results=()
for mode in ${modes//,/ }; do
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  base="http://127.0.0.1:$port"
  password="load-$(node -e "console.log(require('crypto').randomBytes(9).toString('hex'))")"
  mkdir -p "$work/$mode"
  # A clean server whatever the caller's shell has set: no model keys, no developer connectors dir, embedded stores.
  server_env=()
  for name in $(env | grep -oE '^(LOCAL_MYSQL_|REDIS_URL|ANTHROPIC_|OPENAI_|LLM_|MOSAIC_|MCP_)[A-Za-z0-9_]*' || true); do
    server_env+=(-u "$name")
  done
  server_env+=(
    ENVIRONMENT=development BACKEND_HOST=127.0.0.1 BACKEND_PORT="$port" MOSAIC_DATA_DIR="$work/$mode/data"
    MOSAIC_DEMO_PASSWORD="$password" BCRYPT_WORK_FACTOR=4 RATE_LIMIT_ENABLED=false LOG_LEVEL=WARNING
    MOSAIC_LLM_PROVIDER=offline MOSAIC_CONNECTOR_ISOLATION="$mode" MOSAIC_S3RVER="$s3rver"
    MCP_MAX_SESSIONS="$max_sessions" MCP_RESULT_CACHE_SECONDS="$result_cache"
  )
  echo "[$mode] starting the demo from $published on $base…" >&2
  (cd "$work/$mode" && exec env "${server_env[@]}" dotnet "$published/Mosaic.Server.dll" --demo >server.log 2>&1) &
  server_pid=$!
  sandbox=
  for _ in $(seq 1 240); do
    sandbox=$(grep -oE 'Sandbox at http://[0-9.:]+' "$work/$mode/server.log" | head -1 | cut -d' ' -f3 || true)
    [ -n "$sandbox" ] && curl -sf "$base/api/health/live" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$sandbox" ] || { echo "[$mode] the demo did not start:" >&2; tail -30 "$work/$mode/server.log" >&2; exit 1; }
  s3=$(grep -oE 's3rver at http://[0-9.:]+' "$work/$mode/server.log" | head -1 | cut -d' ' -f3 || true)
  # The credentials the demo itself gives its demo account: the Sandbox's --print-env for this Sandbox (and s3rver).
  dotnet "$sandbox_dll" --urls "$sandbox" --print-env ${s3:+--s3-url "$s3"} >"$work/$mode/env.json"

  out="$root/bench/results/tmp/load-$mode.json"
  # In the background with wait, so an interrupt stops the run at once (bash runs traps only between commands).
  timeout --signal=TERM "$limit" node "$here/load.mjs" --base "$base" --admin-password "$password" --server-pid "$server_pid" \
    --mode "$mode" --env "$work/$mode/env.json" --sandbox-url "$sandbox" --users "$users" --active "$active" \
    --seconds "$seconds" --out "$out" "${extra[@]}" &
  load_pid=$!
  wait "$load_pid" ||
    { echo "[$mode] the load run failed; the server's last lines:" >&2; tail -20 "$work/$mode/server.log" >&2; exit 1; }
  load_pid=
  results+=("$out")
  stop_server
done

node "$here/report.mjs" --command "$command" --note "$note" --server "$server_note" --load "$load_at_start" \
  "${results[@]}" >"$work/results.md"
cat "$work/results.md"
if [ "$write" = 1 ]; then
  cp "$work/results.md" "$here/results.md"
  echo "wrote bench/load/results.md" >&2
fi
