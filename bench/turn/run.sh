#!/usr/bin/env bash
# bench/turn: the host's cost of a chat turn, the agent's wall/slowest-source ratio, hub/direct, memory per held stream.
# Usage: bench/turn/run.sh [--write before|after] [--quick] [--rounds N] [--agent N] [--streams N] [--no-build]
# Prints the report; --write puts it into bench/turn/results.md's Before or After section. See bench/turn/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done
echo "bench/turn: before: $(uptime)" >&2
if [ $build = 1 ]; then
  # Release; the web UI is not needed (MOSAIC_SKIP_WEB). Builds the server, the connectors and the Sandbox with it.
  MOSAIC_SKIP_WEB=1 dotnet build bench/turn/TurnBench/TurnBench.csproj -c Release -nologo -v quiet >&2
fi
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")
dotnet bench/turn/TurnBench/bin/Release/net10.0/Mosaic.Bench.Turn.dll --commit "$commit" --results bench/turn/results.md "${args[@]}"
echo "bench/turn: after: $(uptime)" >&2
