#!/usr/bin/env bash
# Connector benchmark: cold start (spawn → initialize → tools/list) and resident memory of every
# connector, JIT (`dotnet X.dll`, Release) and Native AOT (published linux-x64 binary), next to the
# reference @modelcontextprotocol/server-everything on Node, all measured in the same run.
# Writes results.md beside this script. usage: bench/connectors/run.sh [runs=7]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-7}"
tools="$root/tests/tools"
[ -x "$tools/node_modules/.bin/mcp-server-everything" ] || (cd "$tools" && npm ci --no-audit --no-fund >/dev/null)
node="$tools/node_modules/.bin/node"   # Node 22 from tests/tools
aot_dir="${AOT_DIR:-$root/artifacts/aot}"

load="$(cut -d' ' -f1-3 /proc/loadavg)"
connectors=(S3:s3 MySql:mysql GitHub:github Slack:slack Jira:jira Shopify:shopify GoogleWorkspace:google_workspace)

dotnet build "$root/src/Mosaic.Sandbox" -c Release -v q --nologo >/dev/null
env_json="$(cd "$root/src/Mosaic.Sandbox" && dotnet bin/Release/net10.0/Mosaic.Sandbox.dll --urls http://127.0.0.1:9 --print-env)"
env_for() { ID="$1" JSON="$env_json" "$node" -e 'console.log(JSON.stringify(JSON.parse(process.env.JSON)[process.env.ID] || {}))'; }

measure() { "$node" "$here/coldstart.mjs" "$runs" "$@" 2>/dev/null || echo '{"error":"did not start"}'; }
field() { "$node" -e 'const o=JSON.parse(process.argv[1]); console.log(o[process.argv[2]] ?? "–")' "$1" "$2"; }

rows=()
for entry in "${connectors[@]}"; do
  project="${entry%%:*}"; id="${entry##*:}"
  dotnet build "$root/src/Mosaic.Connectors.$project" -c Release -v q --nologo >/dev/null 2>&1 || { rows+=("| $id | build failed | | | | | |"); continue; }
  env="$(env_for "$id")"
  jit="$(measure "$env" dotnet "$root/src/Mosaic.Connectors.$project/bin/Release/net10.0/Mosaic.Connectors.$project.dll")"
  native="$aot_dir/$project/Mosaic.Connectors.$project"
  if [ "${SKIP_AOT:-}" != 1 ] && [ ! -x "$native" ]; then
    dotnet publish "$root/src/Mosaic.Connectors.$project" -c Release -r linux-x64 -p:PublishAot=true -o "$aot_dir/$project" -v q --nologo >/dev/null 2>&1 || true
  fi
  aot='{"error":"not published"}'
  [ -x "$native" ] && aot="$(measure "$env" "$native")"
  rows+=("| $id | $(field "$jit" tools) | $(field "$jit" coldStartMs) | $(field "$jit" rssMb) | $(field "$aot" coldStartMs) | $(field "$aot" rssMb) | $( [ -x "$native" ] && du -m "$native" | cut -f1 || echo –) |")
done
everything="$(measure '{}' "$node" "$tools/node_modules/@modelcontextprotocol/server-everything/dist/index.js" stdio)"

{
  echo "# Connector cold start and memory"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), .NET $(dotnet --version), Node $("$node" --version); median of $runs runs."
  echo "Cold start = spawn → \`initialize\` answered → \`tools/list\` answered. RSS = resident memory 0.3 s after that."
  echo "Load average when the run started: $load (other work on the machine inflates the times; compare rows of one run)."
  echo "AOT \"–\": no Native AOT binary (GitHub: Octokit does not support AOT; others: not published for this run). See README.md."
  echo
  echo "| connector | tools | JIT cold start (ms) | JIT RSS (MB) | AOT cold start (ms) | AOT RSS (MB) | AOT binary (MB) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "| server-everything (Node) | $(field "$everything" tools) | $(field "$everything" coldStartMs) | $(field "$everything" rssMb) | | | |"
} > "$here/results.md"
cat "$here/results.md"
