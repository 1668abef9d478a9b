#!/usr/bin/env bash
# Browser tests: starts `pantau serve --demo` on SQLite and on PostgreSQL (a fresh database each), runs the node
# tests against each in Debian's Chromium, and stops the servers. Installs Chromium and playwright-core when missing.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
bin="${PANTAU_BIN:-$root/target/debug/pantau}"
[ -x "$bin" ] || (cd "$root" && cargo build -p pantau)

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

mkdir -p screenshots
work=$(mktemp -d)
server=""
pg_db=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  [ -n "$pg_db" ] && psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_against() {
  local engine=$1 url=$2 port
  port=$(free_port)
  "$bin" serve --demo --database-url "$url" --listen "127.0.0.1:$port" --search-dir "$work/search-$engine" --public-rate-per-minute 1000 >"$work/$engine.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$server" 2>/dev/null || { cat "$work/$engine.log"; exit 1; }
    sleep 0.2
  done
  echo "--- browser tests on $engine (port $port)"
  PANTAU_E2E_URL="http://127.0.0.1:$port" PANTAU_E2E_ENGINE="$engine" npm test --silent || { tail -n 50 "$work/$engine.log"; exit 1; }
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

run_against sqlite "sqlite://$work/e2e.db"
if [ -n "${PANTAU_TEST_PG_URL:-}" ]; then
  pg_db="pantau_e2e_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pg_db" >/dev/null
  run_against postgres "postgres://postgres@127.0.0.1:5432/$pg_db"
elif [ "${CI:-}" = "true" ]; then
  echo "PANTAU_TEST_PG_URL is unset but CI=true: the PostgreSQL browser run must happen in CI" >&2
  exit 1
else
  echo "SKIPPED (PANTAU_TEST_PG_URL unset): browser tests on PostgreSQL"
fi
