#!/usr/bin/env bash
# Crash test: a receipt that reached a citizen always maps to a stored complaint.
#
# Pantau signs and sends a receipt only after the complaint's transaction committed (SQLite in WAL mode with
# synchronous=FULL, or PostgreSQL). This script proves it from the outside: it starts `pantau serve --demo` on a fresh
# database, files complaints from 16 threads through the JSON API, kills the server with SIGKILL after a random
# 1.5-3 s of load (requests in flight), restarts it on the same database, and follows every receipt a client received
# in full (201 + parsed JSON) through `POST /api/v1/complaints/track`: each must answer 200 with the same number and
# title. It also runs `pantau audit verify` after each restart (the hash chain must survive the crash). Requests cut
# by the kill are expected and are never counted as receipts. The load/kill/restart/verify round repeats ROUNDS times
# (earlier receipts are checked again after every later crash).
#
# Usage: scripts/crash-test.sh [sqlite|postgres] [ROUNDS]      (defaults: sqlite 2)
#   PANTAU_BIN                  the server binary (default target/debug/pantau, built with cargo when missing)
#   PANTAU_CRASH_WORKERS        client threads (default 16)
#   PANTAU_CRASH_MIN_RECEIPTS   fewest receipts a round must collect before its kill (default 20)
# postgres needs a server at postgres://postgres@127.0.0.1:5432 (as PANTAU_TEST_PG_URL); a fresh database
# pantau_crash_<pid> is created with psql and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
root=$(cd .. && pwd)
bin="${PANTAU_BIN:-$root/target/debug/pantau}"
[ -x "$bin" ] || (cd "$root" && cargo build -p pantau)

engine="${1:-sqlite}"
rounds="${2:-2}"
workers="${PANTAU_CRASH_WORKERS:-16}"
min_receipts="${PANTAU_CRASH_MIN_RECEIPTS:-20}"
case "$engine" in sqlite | postgres) ;; *) echo "usage: $0 [sqlite|postgres] [ROUNDS]" >&2; exit 2 ;; esac
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "ROUNDS must be 1-99, got $rounds" >&2; exit 2; }

work=$(mktemp -d)
server=""
loader=""
pg_db=""
cleanup() {
  [ -n "$loader" ] && { kill "$loader" 2>/dev/null; wait "$loader" 2>/dev/null; } || true
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true
  [ -n "$pg_db" ] && psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
fail() { echo "FAIL: $*" >&2; exit 1; }

case "$engine" in
  sqlite) url="sqlite://$work/crash.db" ;;
  postgres)
    pg_db="pantau_crash_$$"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pg_db" >/dev/null
    url="postgres://postgres@127.0.0.1:5432/$pg_db"
    ;;
esac

# Starts the server on the database (`--demo` loads the demo Pemda only while the database holds no tenant, so it is
# a no-op on restarts) and waits for /healthz, up to 120 s: the first start loads the demo year, which takes longer
# than 30 s on PostgreSQL when CI's disk is busy; this test is about durability, not start-up time. Sets $server
# and $port.
start_server() {
  local log="$work/server.$1.log"
  port=$(free_port)
  "$bin" serve --demo --database-url "$url" --listen "127.0.0.1:$port" --public-rate-per-minute 10000 >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; fail "server exited during start ($1)"; }
    sleep 0.2
  done
  cat "$log" >&2
  fail "server not healthy after 120 s ($1)"
}

stored_count() {
  case "$engine" in
    sqlite) python3 "$here/crash_test.py" count --sqlite-file "$work/crash.db" ;;
    postgres) psql -h 127.0.0.1 -U postgres -d "$pg_db" -tAc "SELECT count(*) FROM complaint" ;;
  esac
}

json_field() {
  python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(v if not isinstance(v, dict) else
    (", ".join(f"{n} x {k}" for k, n in sorted(v.items())) or "none"))' "$1" "$2"
}

all="$work/receipts.jsonl"
: >"$all"
total_sent=0
run_tag="crash$$"
echo "=== crash test on $engine: $rounds round(s), $workers client threads, binary $bin"
start_server start
for round in $(seq 1 "$rounds"); do
  out="$work/receipts.r$round.jsonl"
  : >"$out"
  python3 "$here/crash_test.py" load --url "http://127.0.0.1:$port" --out "$out" --round "$round" \
    --run "$run_tag" --workers "$workers" --max-seconds 45 >"$work/load.r$round.json" &
  loader=$!
  # The random delay starts once the server has issued its first receipt of the round.
  for _ in $(seq 1 200); do [ -s "$out" ] && break; sleep 0.05; done
  [ -s "$out" ] || fail "round $round: no receipt within 10 s of load"
  delay=$(python3 -c 'import random; print(f"{random.uniform(1.5, 3.0):.2f}")')
  sleep "$delay"
  kill -9 "$server" 2>/dev/null || fail "round $round: the server died before the kill"
  wait "$server" 2>/dev/null || true
  server=""
  wait "$loader" || fail "round $round: load client failed"
  loader=""
  stats=$(cat "$work/load.r$round.json")
  got=$(wc -l <"$out")
  sent=$(json_field "$stats" sent)
  total_sent=$((total_sent + sent))
  cat "$out" >>"$all"
  echo "--- round $round: SIGKILL after ${delay}s of load: sent $sent, receipts $got," \
    "refused at connect $(json_field "$stats" refused_connect), cut mid-request $(json_field "$stats" cut_mid_request)," \
    "other answers $(json_field "$stats" other_status)"
  [ "$(json_field "$stats" cut_mid_request)" -gt 0 ] || echo "    warning: no request was in flight at the kill"
  [ "$(json_field "$stats" other_status)" = none ] ||
    echo "    warning: some submissions got no receipt while the server was up (answers above); not a durability" \
      "failure, but worth a look"
  [ "$got" -ge "$min_receipts" ] || fail "round $round: only $got receipts before the kill (need $min_receipts)"

  start_server "restart$round"
  result=$(python3 "$here/crash_test.py" verify --url "http://127.0.0.1:$port" --receipts "$all") || {
    echo "$result"
    echo "server log after restart:" >&2
    tail -n 30 "$work/server.restart$round.log" >&2
    [ -n "$result" ] || fail "round $round: the verifier crashed"
    if [ "$(json_field "$result" missing)" -gt 0 ] || [ "$(json_field "$result" mismatch)" -gt 0 ]; then
      fail "round $round: a receipt that reached a client has no stored complaint (see MISSING/MISMATCH above)"
    fi
    fail "round $round: could not check every receipt (see ERROR above)"
  }
  echo "    after restart: receipts so far $(json_field "$result" receipts), verified $(json_field "$result" verified)," \
    "missing $(json_field "$result" missing), stored complaints $(stored_count)"
  "$bin" audit verify --database-url "$url" >"$work/audit.r$round.log" 2>&1 || {
    cat "$work/audit.r$round.log" >&2
    fail "round $round: audit chain broken after the crash"
  }
  echo "    audit verify: ok"
done
kill "$server"
wait "$server" 2>/dev/null || true
server=""
echo "=== PASS ($engine): sent $total_sent, receipts received $(wc -l <"$all"), verified $(wc -l <"$all"), missing 0"
