#!/usr/bin/env bash
# Starts (or stops) the real services the tests use, on loopback, in a scratch directory:
# MariaDB, Redis and s3rver. `start` writes $MOSAIC_SERVICES_DIR/env, which a developer can
# `source` to run a single test project by hand:  source /tmp/mosaic-services/env
set -euo pipefail
cmd=${1:-start}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${MOSAIC_SERVICES_DIR:-/tmp/mosaic-services}
mysql_port=${MOSAIC_TEST_MARIADB_PORT:-3407}
redis_port=${MOSAIC_TEST_REDIS_PORT:-6389}
s3_port=${MOSAIC_TEST_S3_PORT:-4578}
db_password=mosaic-test-pw

wait_for() { # name, seconds, command...
  local name=$1 secs=$2; shift 2
  for _ in $(seq 1 $((secs * 10))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "services: $name did not come up in ${secs}s" >&2; return 1
}

stop() {
  [ -d "$dir" ] || return 0
  for pidfile in "$dir"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 0.5
  rm -rf "$dir"
}

start() {
  stop
  mkdir -p "$dir"/mysql "$dir"/s3
  # MariaDB: a private data dir, TCP on loopback only.
  mariadb-install-db --no-defaults --datadir="$dir/mysql" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/mariadb-install.log" 2>&1
  # max-connections: the suites run test hosts in parallel, each with its own pool and connector processes; the
  # default 151 is a production default, too low for a test server that many short-lived apps share.
  mariadbd --no-defaults --datadir="$dir/mysql" --socket="$dir/mysql.sock" --port="$mysql_port" \
    --bind-address=127.0.0.1 --user="$(id -un)" --pid-file="$dir/mariadb.pid" \
    --log-error="$dir/mariadb.log" --innodb-buffer-pool-size=64M --skip-log-bin \
    --max-connections=600 &
  wait_for MariaDB 60 mariadb --no-defaults -S "$dir/mysql.sock" -uroot -e 'select 1'
  mariadb --no-defaults -S "$dir/mysql.sock" -uroot -e "
    CREATE USER IF NOT EXISTS 'mosaic'@'%' IDENTIFIED BY '$db_password';
    GRANT ALL PRIVILEGES ON *.* TO 'mosaic'@'%' WITH GRANT OPTION; FLUSH PRIVILEGES;"

  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --daemonize yes --logfile "$dir/redis.log"
  wait_for Redis 20 redis-cli -p "$redis_port" ping

  [ -x "$root/tests/tools/node_modules/.bin/s3rver" ] || (cd "$root/tests/tools" && npm ci --no-audit --no-fund >/dev/null)
  # s3rver builds ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only has in its legacy provider.
  NODE_OPTIONS=--openssl-legacy-provider "$root/tests/tools/node_modules/.bin/s3rver" -d "$dir/s3" -p "$s3_port" -a 127.0.0.1 --silent \
    >"$dir/s3rver.log" 2>&1 &
  echo $! >"$dir/s3rver.pid"
  wait_for s3rver 30 curl -sf "http://127.0.0.1:$s3_port/"

  cat >"$dir/env" <<ENV
export MOSAIC_TEST_MARIADB='Server=127.0.0.1;Port=$mysql_port;User=mosaic;Password=$db_password'
export MOSAIC_TEST_REDIS='127.0.0.1:$redis_port'
export MOSAIC_TEST_S3_URL='http://127.0.0.1:$s3_port'
export MOSAIC_TEST_TOOLS='$root/tests/tools/node_modules/.bin'
ENV
  echo "services: MariaDB :$mysql_port, Redis :$redis_port, s3rver :$s3_port (env in $dir/env)"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
