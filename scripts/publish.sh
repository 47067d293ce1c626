#!/usr/bin/env bash
# Publishes Mosaic ready to run from one folder (docs/deploy.md):
#   scripts/publish.sh [out-dir]          (default artifacts/mosaic)
# <out>/Mosaic.Server.dll                         the server, Release, with the web UI (MOSAIC_SKIP_WEB=1: API only)
# <out>/connectors/<Name>/<Name>                  Slack, Jira, S3, MySql, GoogleWorkspace, Shopify: Native AOT (linux-x64)
# <out>/connectors/Mosaic.Connectors.GitHub/*.dll GitHub: framework-dependent JIT (Octokit is not AOT-safe)
# <out>/connectors/Mosaic.Sandbox/*.dll           the Sandbox that --demo starts (JIT)
# BuiltInConnectorLocator finds all of them beside the server, so `cd <out> && dotnet Mosaic.Server.dll --demo` uses them.
# Idempotent: each connector folder is replaced whole; the server's files are overwritten (the folder is not emptied,
# since an operator may keep data or a .env beside it). MOSAIC_RID overrides linux-x64. MOSAIC_CONNECTORS_AOT=false
# publishes the six AOT connectors as JIT too (a quicker build, e.g. for CI's container image).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/artifacts/mosaic}")
rid=${MOSAIC_RID:-linux-x64}
aot=(Slack Jira S3 MySql GoogleWorkspace Shopify)
jit=(Connectors.GitHub Sandbox)
if [ "${MOSAIC_CONNECTORS_AOT:-true}" = false ]; then
  jit=("${aot[@]/#/Connectors.}" "${jit[@]}")
  aot=()
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
quiet=(-v quiet -nologo)

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$out/connectors"

# Publishes one project into a scratch folder, then swaps it in, so a failed publish leaves the last good copy.
place() {
  local name=$1
  shift
  echo "publishing $name ($*)…"
  dotnet publish "$root/src/$name" -c Release -o "$staging/$name" "${quiet[@]}" "$@" >"$staging/$name.log" 2>&1 ||
    { tail -40 "$staging/$name.log" >&2; echo "publish of $name failed" >&2; exit 1; }
  # Native AOT leaves the native debug symbols (*.dbg, several times the binary) beside it: not needed to run.
  find "$staging/$name" -name '*.dbg' -delete
  rm -rf "${out:?}/connectors/$name"
  mv "$staging/$name" "$out/connectors/$name"
}

echo "publishing Mosaic.Server into $out…"
dotnet publish "$root/src/Mosaic.Server" -c Release -o "$out" "${quiet[@]}" >"$staging/server.log" 2>&1 ||
  { tail -40 "$staging/server.log" >&2; echo "publish of Mosaic.Server failed" >&2; exit 1; }
for name in "${aot[@]}"; do
  place "Mosaic.Connectors.$name" -r "$rid" -p:PublishAot=true
done
for name in "${jit[@]}"; do
  # No apphost: the locator runs a .dll with the dotnet that runs the server, wherever .NET is installed.
  place "Mosaic.$name" -p:UseAppHost=false
done

mb() { du -sm --exclude=connectors "$1" | cut -f1; }
echo
echo "Published into $out:"
printf '  %-46s %6s MB  %s\n' "Mosaic.Server (folder, without connectors/)" "$(mb "$out")" \
  "$([ -f "$out/wwwroot/index.html" ] && echo 'with web UI' || echo 'API only (no wwwroot)')"
for name in "${aot[@]}"; do
  bin="$out/connectors/Mosaic.Connectors.$name/Mosaic.Connectors.$name"
  printf '  %-46s %6s MB  %s\n' "connectors/Mosaic.Connectors.$name" "$(mb "$bin")" "Native AOT $rid"
done
for name in "${jit[@]}"; do
  printf '  %-46s %6s MB  %s\n' "connectors/Mosaic.$name" "$(mb "$out/connectors/Mosaic.$name")" "JIT (dotnet Mosaic.$name.dll)"
done
echo "Run: cd $out && dotnet Mosaic.Server.dll [--demo]"
