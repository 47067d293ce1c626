#!/usr/bin/env bash
# Regenerates the web UI's API contract after a server change: web/src/api/openapi.json (what the server serves
# at /openapi/v1.json, written by the server test that otherwise checks it) and web/src/api/schema.d.ts
# (openapi-typescript over it). Commit both; the server test and src/api/schema.test.ts fail while they are stale.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
MOSAIC_SKIP_WEB=1 dotnet build tests/Mosaic.Server.Tests -nologo -v quiet
MOSAIC_UPDATE_OPENAPI=1 dotnet test tests/Mosaic.Server.Tests --no-build --nologo \
  --filter "FullyQualifiedName~Mosaic.Server.Tests.Infrastructure.OpenApiDocumentTests"
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm run openapi:types)
