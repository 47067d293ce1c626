#!/usr/bin/env bash
# Proves the container image and compose file on a machine that cannot pull from a container registry (issue 17):
#  1. installs podman, runc, debootstrap and docker-compose when missing; podman runs with runc and host networking
#     (crun fails on these machines' cgroup layout; /etc/containers/containers.conf gets default_ulimits = []);
#  2. validates compose.yaml (both profiles) with docker-compose;
#  3. builds stand-in base images (scripts/container-images.sh) and the real Dockerfile on them;
#  4. checks the image: production without keys stops with the server's own message; with MariaDB and Redis on
#     loopback it signs up, saves the Sandbox's Slack credentials (a Sandbox run from the image itself), answers the
#     demo question; a new container on the same data still has the history and answers; it runs as a non-root user;
#     its HEALTHCHECK says healthy; --demo (the compose demo profile) answers on SQLite in its /data volume.
# Uses the test services' MariaDB and Redis when $MOSAIC_TEST_MARIADB / $MOSAIC_TEST_REDIS are set (scripts/test.sh),
# else starts its own (scripts/services.sh). Needs root. Prints each step's time and the image size.
#   MOSAIC_CONTAINER_AOT=false   JIT connectors (the Dockerfile's CONNECTORS_AOT): a quicker build
#   MOSAIC_CONTAINER_CACHE       where the Debian rootfs is kept between runs (default /var/cache/mosaic-container)
#   MOSAIC_CONTAINER_PORT        first of two free loopback ports (default 18700)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "$(id -u)" -eq 0 ] || { echo "container-test: run as root (podman and debootstrap need it)" >&2; exit 1; }
aot=${MOSAIC_CONTAINER_AOT:-true}
port=${MOSAIC_CONTAINER_PORT:-18700}
sandbox_port=$((port + 1))
name=mosaic-ct-$$
image=localhost/mosaic:container-test
podman=(podman --runtime runc)
prefix=localhost/mosaic-standin
started=$SECONDS
timings=()
timed() { # label, then the command; records how long it took
  local label=$1 t=$SECONDS
  shift
  "$@"
  timings+=("$(printf '  %-52s %5d s' "$label" $((SECONDS - t)))")
}
fail() { echo "container-test: FAILED: $*" >&2; exit 1; }

cleanup() {
  "${podman[@]}" rm -f -t 2 "$name" "$name-sandbox" "$name-demo" >/dev/null 2>&1 || true
  "${podman[@]}" volume rm -f "$name-data" "$name-demo-data" >/dev/null 2>&1 || true
  if [ -n "${database:-}" ]; then drop_database >/dev/null 2>&1 || true; fi
  if [ -n "${own_services:-}" ]; then scripts/services.sh stop || true; fi
  rm -rf "${work:-}"
}
trap cleanup EXIT
work=$(mktemp -d)

# 1. Tools.
need=()
for tool in podman runc debootstrap docker-compose; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ -z "${MOSAIC_TEST_MARIADB:-}" ]; then
  command -v mariadbd >/dev/null || need+=(mariadb-server mariadb-client)
  command -v redis-server >/dev/null || need+=(redis-server)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "container-test: installing ${need[*]}"
  apt-get update -qq
  timed "apt-get install ${need[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
conf=/etc/containers/containers.conf
[ -f "$conf" ] || { mkdir -p /etc/containers && printf '[containers]\ndefault_ulimits = []\n' >"$conf"; }

# 2. compose.yaml, both profiles, with the variables .env.example lists.
docker-compose --env-file .env.example -f compose.yaml config -q || fail "compose.yaml does not validate"
docker-compose --env-file .env.example -f compose.yaml --profile demo config -q || fail "compose.yaml (demo) does not validate"
echo "container-test: compose.yaml validates (default and demo profiles)"

# 3. Stand-in bases, then the Dockerfile on them.
timed "stand-in base images (debootstrap when not cached)" scripts/container-images.sh
node_major=$(node -p 'process.versions.node.split(".")[0]')
build_args=(--build-arg "SDK_IMAGE=$prefix/sdk:10.0" --build-arg "RUNTIME_IMAGE=$prefix/aspnet:10.0"
  --build-arg "NODE_IMAGE=$prefix/node:$node_major" --build-arg "CONNECTORS_AOT=$aot")
[ -z "${NUGET_CERT_REVOCATION_MODE:-}" ] || build_args+=(--build-arg "NUGET_CERT_REVOCATION_MODE=$NUGET_CERT_REVOCATION_MODE")
echo "container-test: building the Dockerfile (connectors AOT: $aot)…"
# --format docker: the OCI format has no HEALTHCHECK.
# The machine's NuGet and npm caches are lent to the build (as a CI cache would be), so restore and npm ci read what
# scripts/test.sh already fetched instead of downloading it again; the image's layers are the same either way.
caches=()
nuget_cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
[ -d "$nuget_cache" ] && caches+=(-v "$nuget_cache:/root/.nuget/packages")
[ -d "$HOME/.npm" ] && caches+=(-v "$HOME/.npm:/root/.npm")
timed "image build (CONNECTORS_AOT=$aot)" "${podman[@]}" build --pull=never --network host --format docker \
  "${caches[@]}" "${build_args[@]}" -t "$image" . >"$work/build.log" 2>&1 || { tail -60 "$work/build.log" >&2; fail "the image did not build"; }
size=$("${podman[@]}" image inspect --format '{{.Size}}' "$image")
base_size=$("${podman[@]}" image inspect --format '{{.Size}}' "$prefix/aspnet:10.0")
# Podman without systemd says (on stderr, harmlessly) that it cannot schedule the periodic health checks: kept in
# podman.log; the check below runs the HEALTHCHECK itself.
run() { "${podman[@]}" run --network host "$@"; }

# 4a. Production without keys: the server's own message, and no start.
if out=$(timeout 120 "${podman[@]}" run --rm --no-healthcheck --network host -e BACKEND_PORT="$port" "$image" 2>&1); then
  fail "the image started in production without keys"
fi
grep -q "JWT_SECRET_KEY is required when ENVIRONMENT=production" <<<"$out" || fail "no key message; it said: $out"
echo "container-test: without keys it stops with: $(grep -o 'JWT_SECRET_KEY is required[^.]*\.' <<<"$out" | head -1)"

# 4b. MariaDB and Redis on loopback: the test services', or our own.
if [ -z "${MOSAIC_TEST_MARIADB:-}" ]; then
  export MOSAIC_SERVICES_DIR=$work/services MOSAIC_TEST_MARIADB_PORT=$((port + 10)) MOSAIC_TEST_REDIS_PORT=$((port + 11))
  export MOSAIC_TEST_S3_PORT=$((port + 12))
  own_services=1
  scripts/services.sh start
  # shellcheck disable=SC1091
  source "$MOSAIC_SERVICES_DIR/env"
fi
field() { tr ';' '\n' <<<"$MOSAIC_TEST_MARIADB" | sed -n "s/^$1=//p"; }
db_host=$(field Server) db_port=$(field Port) db_user=$(field User) db_password=$(field Password)
database=mosaic_ct_$$ # the server creates it; dropped at the end
drop_database() { mariadb --no-defaults -h "$db_host" -P "$db_port" -u "$db_user" -p"$db_password" -e "DROP DATABASE IF EXISTS $database"; }

# A Sandbox from the image itself, for the Slack credentials the server's connector will use.
run -d --no-healthcheck --name "$name-sandbox" --workdir /app/connectors/Mosaic.Sandbox --entrypoint dotnet "$image" \
  Mosaic.Sandbox.dll --urls "http://127.0.0.1:$sandbox_port" >/dev/null
run --rm --no-healthcheck --workdir /app/connectors/Mosaic.Sandbox --entrypoint dotnet "$image" \
  Mosaic.Sandbox.dll --print-env --urls "http://127.0.0.1:$sandbox_port" >"$work/sandbox-env.json"

jwt=$(run --rm --no-healthcheck "$image" generate-key)
key=$(run --rm --no-healthcheck "$image" generate-key)
start_mosaic() {
  run -d --name "$name" -v "$name-data:/data" -e BACKEND_PORT="$port" -e JWT_SECRET_KEY="$jwt" -e ENCRYPTION_KEY="$key" \
    -e LOCAL_MYSQL_HOST="$db_host" -e LOCAL_MYSQL_PORT="$db_port" -e LOCAL_MYSQL_USER="$db_user" \
    -e LOCAL_MYSQL_PASSWORD="$db_password" -e LOCAL_MYSQL_DATABASE="$database" \
    -e REDIS_URL="redis://$MOSAIC_TEST_REDIS" -e REDIS_KEY_PREFIX="$name:" \
    -e MOSAIC_EGRESS_ALLOW="127.0.0.1:$sandbox_port" -e TRUSTED_PROXIES=127.0.0.1 "$image" >/dev/null 2>>"$work/podman.log"
}
wait_ready() { # url, container
  for _ in $(seq 1 240); do
    curl -sf "$1/api/health/ready" >/dev/null 2>&1 && return 0
    [ "$("${podman[@]}" inspect --format '{{.State.Running}}' "$2")" = true ] || break
    sleep 0.5
  done
  "${podman[@]}" logs --tail 40 "$2" >&2 || true
  fail "$2 did not become ready"
}
base=http://127.0.0.1:$port
t=$SECONDS
start_mosaic
wait_ready "$base" "$name"
timings+=("$(printf '  %-52s %5d s' "server start on MariaDB (migrations)" $((SECONDS - t)))")
node scripts/container-check.mjs first "$base" "$work/state.json" "$work/sandbox-env.json" || fail "first run"

uid=$("${podman[@]}" exec "$name" id -u)
[ "$uid" != 0 ] || fail "the container runs as root"
echo "container-test: runs as UID $uid ($("${podman[@]}" exec "$name" id -un))"
"${podman[@]}" healthcheck run "$name" >/dev/null || fail "HEALTHCHECK is not healthy"
echo "container-test: HEALTHCHECK: $("${podman[@]}" inspect --format '{{.State.Health.Status}}' "$name")"

# A new container on the same data: what was saved is still there.
"${podman[@]}" rm -f -t 10 "$name" >/dev/null 2>>"$work/podman.log"
start_mosaic
wait_ready "$base" "$name"
node scripts/container-check.mjs again "$base" "$work/state.json" || fail "after the restart"

# 4c. --demo (compose's demo profile): SQLite in the /data volume, the Sandbox started inside.
"${podman[@]}" rm -f -t 10 "$name" "$name-sandbox" >/dev/null 2>>"$work/podman.log"
demo_password=Demo-$$-container-check
run -d --name "$name-demo" -v "$name-demo-data:/data" -e ENVIRONMENT=development -e BACKEND_PORT="$port" \
  -e MOSAIC_DEMO_PASSWORD="$demo_password" "$image" --demo >/dev/null 2>>"$work/podman.log"
wait_ready "$base" "$name-demo"
node scripts/container-check.mjs demo "$base" "$demo_password" || fail "--demo"
"${podman[@]}" exec "$name-demo" test -O /data/mosaic.db || fail "--demo's database is not the app user's file in /data"

echo "container-test: passed"
echo "Timings:"
printf '%s\n' "${timings[@]}"
printf '  %-52s %5d s\n' "total" $((SECONDS - started))
echo "Image $image: $((size / 1000000)) MB ($((base_size / 1000000)) MB of it the runtime stand-in base; connectors AOT: $aot)"
