#!/usr/bin/env bash
# Runs the Acme evaluation against a --demo server started here on loopback (its own data directory, a free port):
#   bench/eval/run.sh [offline|model|configured] [--write-results] [grade.mjs options, e.g. --floor bench/eval/floors.json]
# offline: no model (MOSAIC_LLM_PROVIDER=offline). model: the browser tests' scripted OpenAI-compatible model
# (web/e2e/fakeModel.mjs), which proves the model path through the grader. configured: the model your shell configures
# (ANTHROPIC_API_KEY, or OPENAI_BASE_URL for any OpenAI-compatible or local server, and their model variables).
# --write-results puts the run's section into bench/eval/results.md.
# Builds nothing: build src/Mosaic.Server first (CONFIGURATION, default Release).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mode=offline
write=0
grade_args=()
for arg in "$@"; do
  case "$arg" in
    offline | model | configured) mode=$arg ;;
    --write-results) write=1 ;;
    *) grade_args+=("$arg") ;;
  esac
done
config=${CONFIGURATION:-Release}
dll="$root/src/Mosaic.Server/bin/$config/net10.0/Mosaic.Server.dll"
[ -f "$dll" ] || { echo "build the server first: dotnet build src/Mosaic.Server -c $config" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
model_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$model_pid" ] && kill -TERM "$model_pid" 2>/dev/null && wait "$model_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
base="http://127.0.0.1:$port"
password="eval-$(node -e "console.log(require('crypto').randomBytes(9).toString('hex'))")"

# A clean, self-contained server whatever the caller's shell has set: embedded SQLite and cache, no model keys.
server_env=()
keep='^(LOCAL_MYSQL_|REDIS_URL|ANTHROPIC_|OPENAI_|LLM_|MOSAIC_LLM_)[A-Za-z0-9_]*'
[ "$mode" = configured ] && keep='^(LOCAL_MYSQL_|REDIS_URL)[A-Za-z0-9_]*' # the model settings are the point
for name in $(env | grep -oE "$keep" || true); do
  server_env+=(-u "$name")
done
server_env+=(
  ENVIRONMENT=development BACKEND_HOST=127.0.0.1 BACKEND_PORT="$port" MOSAIC_DATA_DIR="$work/data"
  MOSAIC_DEMO_PASSWORD="$password" BCRYPT_WORK_FACTOR=4 RATE_LIMIT_ENABLED=false LOG_LEVEL=WARNING
)
if [ "$mode" = model ]; then
  node "$root/bench/eval/fake-model.mjs" >"$work/model.out" 2>&1 &
  model_pid=$!
  for _ in $(seq 1 50); do [ -s "$work/model.out" ] && break; sleep 0.1; done
  model_url=$(head -1 "$work/model.out")
  case "$model_url" in http://*) ;; *) echo "the scripted model did not start: $(cat "$work/model.out")" >&2; exit 1 ;; esac
  server_env+=(MOSAIC_LLM_PROVIDER=openai OPENAI_BASE_URL="$model_url" OPENAI_API_KEY=test-key OPENAI_MODEL=fake-model)
elif [ "$mode" = offline ]; then
  server_env+=(MOSAIC_LLM_PROVIDER=offline)
fi

# cwd = the temp dir so no developer .env is picked up.
(cd "$work" && exec env "${server_env[@]}" dotnet "$dll" --demo >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 180); do
  curl -sf "$base/api/health/live" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
curl -sf "$base/api/health/live" >/dev/null 2>&1 || { echo "the demo server did not start:" >&2; tail -30 "$work/server.log" >&2; exit 1; }

status=0
label=model; [ "$mode" = offline ] && label=offline # the report's label; the server says which model it used
node "$root/bench/eval/grade.mjs" --base "$base" --email demo@mosaic.local --password "$password" --mode "$label" \
  --json "$work/result.json" --markdown "$work/section.md" "${grade_args[@]}" || status=$?
if [ "$write" = 1 ] && [ -s "$work/section.md" ]; then
  node "$root/bench/eval/merge-results.mjs" "$root/bench/eval/results.md" "$work/section.md" "$mode"
  echo "wrote the $mode section of bench/eval/results.md"
fi
exit $status
