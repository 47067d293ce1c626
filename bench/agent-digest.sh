#!/usr/bin/env bash
# Measures the multi-source agent's fan-out (wall time vs the sum of the per-source times) and the
# digest's cold and warm latency, against a --demo server started here on loopback (Offline mode).
# Usage: bench/agent-digest.sh [runs]   (builds nothing: build src/Mosaic.Server first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
config=${CONFIGURATION:-Debug}
dll="$root/src/Mosaic.Server/bin/$config/net10.0/Mosaic.Server.dll"
[ -f "$dll" ] || { echo "build the server first: dotnet build src/Mosaic.Server -c $config" >&2; exit 1; }
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
MOSAIC_DATA_DIR="$work" MOSAIC_DEMO_PASSWORD=bench-password-123 MOSAIC_LLM_PROVIDER=offline ENVIRONMENT=development \
  ASPNETCORE_URLS="$base" dotnet "$dll" --demo >"$work/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do curl -sf "$base/api/health/live" >/dev/null && break; sleep 1; done
curl -sf "$base/api/health/live" >/dev/null || { tail -30 "$work/server.log"; exit 1; }

python3 - "$base" "$runs" <<'PY'
import http.cookiejar, json, statistics, sys, time, urllib.request
base, runs = sys.argv[1], int(sys.argv[2])
jar = http.cookiejar.CookieJar()
op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
def call(method, path, body=None):
    xsrf = next((c.value for c in jar if c.name == "XSRF-TOKEN"), None)
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None,
                                 headers={"content-type": "application/json", **({"X-XSRF-TOKEN": xsrf} if xsrf else {})})
    t = time.perf_counter(); r = op.open(req, timeout=300); data = r.read(); return json.loads(data or b"null"), (time.perf_counter() - t) * 1000
call("POST", "/api/auth/login", {"email": "demo@mosaic.local", "password": "bench-password-123"}); call("GET", "/api/auth/me")
q = {"query": "What is going on with the checkout double-charge bug?"}
call("POST", "/api/agent/query", q)  # connector processes start here; not measured
walls, sums, slowest = [], [], []
for _ in range(runs):
    res, ms = call("POST", "/api/agent/query", q)
    d = [r["duration_ms"] for r in res["source_results"]]
    walls.append(ms); sums.append(sum(d)); slowest.append(max(d))
print(f"agent fan-out ({len(d)} sources, {runs} runs, median): wall {statistics.median(walls):.0f} ms, "
      f"slowest source {statistics.median(slowest):.0f} ms, sum of sources {statistics.median(sums):.0f} ms")
cold, warm = [], []
for _ in range(runs):
    _, ms = call("GET", "/api/digest?hours=72&refresh=true"); cold.append(ms)
    _, ms = call("GET", "/api/digest?hours=72"); warm.append(ms)
print(f"digest (7 sources, {runs} runs, median): cold {statistics.median(cold):.0f} ms, warm {statistics.median(warm):.1f} ms")
PY
