#!/usr/bin/env bash
# API fuzzing: schemathesis generates requests from Pantau's own OpenAPI document (/api/openapi.json) and sends them
# to `pantau serve --demo` for a bounded time, as an anonymous client and as two signed-in roles; any 5xx answer
# fails the run. Installs schemathesis (pinned) into fuzz-venv in cargo's target directory from PyPI when missing. A request the client
# could not send because the server had just closed an idle keep-alive connection (--header-timeout-seconds) is
# retried, as browsers do. One worker: CPython 3.11 builds ASTs with a per-interpreter recursion counter that two
# threads can corrupt (cpython#106905), and hypothesis parses its strategies' lambdas on each worker thread — CI once
# failed on "AST constructor recursion depth mismatch" with two workers.
#
# Usage: scripts/fuzz-api.sh [sqlite|postgres]        (default sqlite)
#   PANTAU_BIN              the server binary (default target/debug/pantau, built with cargo when missing)
#   PANTAU_FUZZ_SECONDS     time budget of each of the three passes (default 45)
# postgres needs a server at postgres://postgres@127.0.0.1:5432; a fresh database pantau_fuzz_<pid> is created and
# dropped at the end.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
bin="${PANTAU_BIN:-$root/target/debug/pantau}"
[ -x "$bin" ] || (cd "$root" && cargo build -p pantau)
engine="${1:-sqlite}"
seconds="${PANTAU_FUZZ_SECONDS:-45}"
case "$engine" in sqlite | postgres) ;; *) echo "usage: $0 [sqlite|postgres]" >&2; exit 2 ;; esac

venv="${CARGO_TARGET_DIR:-$root/target}/fuzz-venv"
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "4\.32\.5"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5
fi

work=$(mktemp -d)
server=""
pg_db=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true
  [ -n "$pg_db" ] && psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" \
    >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$engine" = postgres ]; then
  pg_db="pantau_fuzz_$$"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pg_db" >/dev/null
  url="postgres://postgres@127.0.0.1:5432/$pg_db"
else
  url="sqlite://$work/fuzz.db"
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$bin" serve --demo --database-url "$url" --listen "127.0.0.1:$port" --search-dir "$work/search" \
  --public-rate-per-minute 10000 --rate-per-second 10000 --max-connections-per-address 0 --no-feed-polling \
  >"$work/server.log" 2>&1 &
server=$!
# The first start loads the demo year, which can take more than 30 s on PostgreSQL when the disk is busy.
healthy=""
for _ in $(seq 1 600); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && { healthy=1; break; }
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
[ -n "$healthy" ] || { cat "$work/server.log"; echo "FAILED: server not healthy after 120 s" >&2; exit 1; }

# Signs in through the login form and prints the headers a browser session would send.
session_headers() {
  local jar="$work/jar-$1" csrf session
  curl -fsS -c "$jar" -o /dev/null "$base/masuk"
  csrf=$(awk '$6 == "pantau_csrf" {print $7}' "$jar")
  curl -fsS -b "$jar" -c "$jar" -o /dev/null -X POST "$base/masuk" \
    --data "_csrf=$csrf&username=$1&password=pantau-demo-2026"
  csrf=$(awk '$6 == "pantau_csrf" {print $7}' "$jar")
  session=$(awk '$6 == "pantau_session" {print $7}' "$jar")
  [ -n "$session" ] || { echo "could not sign in as $1" >&2; exit 1; }
  printf 'Cookie: pantau_session=%s; pantau_csrf=%s\nX-CSRF-Token: %s\n' "$session" "$csrf" "$csrf"
}

# The three passes run at once against the one server (each its own client and session), so a pass costs the
# engine `seconds` of wall time rather than three times that; each writes its log and exit code.
fuzz() {
  local who=$1; shift
  local rc=0
  "$venv/bin/schemathesis" run "$base/api/openapi.json" --checks not_a_server_error --max-time "$seconds" \
    --workers 1 --seed 20261207 --request-timeout 30 --request-retries 2 "$@" >"$work/fuzz-$who.log" 2>&1 || rc=$?
  echo "$rc" >"$work/fuzz-$who.rc"
}

status=0
report() {
  local who=$1 log="$work/fuzz-$1.log"
  echo "--- fuzzed the API on $engine as $who for ${seconds}s"
  if [ "$(cat "$work/fuzz-$who.rc" 2>/dev/null || echo missing)" != 0 ]; then
    status=1
    # What failed, and any error of the run itself (a timeout, a refused connection).
    sed -n '/^=* \(ERRORS\|FAILURES\) =*$/,/^=* SUMMARY =*$/p' "$log" | head -n 120
  fi
  grep -E "^  [0-9]+ generated|Server error|⚠|^=+ .* in " "$log" | tail -n 8
}

declare -A signed_in
for user in admin bkpsdm; do signed_in[$user]=$(session_headers "$user"); done
passes=()
fuzz anonymous &
passes+=($!)
for user in admin bkpsdm; do
  headers=()
  while IFS= read -r line; do headers+=(-H "$line"); done <<<"${signed_in[$user]}"
  fuzz "$user" "${headers[@]}" &
  passes+=($!)
done
# The passes only: a bare `wait` would wait for the server too.
wait "${passes[@]}"
for who in anonymous admin bkpsdm; do report "$who"; done
if [ "$status" -ne 0 ]; then
  grep -E "ERROR|panicked" "$work/server.log" | tail -n 20
  echo "FAILED: the API answered 5xx or the run itself failed (above)" >&2
fi
exit "$status"
