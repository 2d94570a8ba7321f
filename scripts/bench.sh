#!/usr/bin/env bash
# A short, bounded load test of the release build on this machine only.
#
# Starts the server on a fresh SQLite database and a free loopback port, then
# runs wrk for BENCH_DURATION (default 10s) against each path in BENCH_PATHS
# and prints requests per second. Traffic goes to 127.0.0.1 only.
#
# Environment: PARTNER_HUB_BIN (default target/release/partner-hub),
# BENCH_DURATION (10s), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_PATHS ("/livez /readyz").
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

BIN=${PARTNER_HUB_BIN:-$ROOT/target/release/partner-hub}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
PATHS=${BENCH_PATHS:-/livez /readyz}

[ -x "$BIN" ] || { echo "bench: no binary at $BIN (run 'make build')" >&2; exit 1; }
"$ROOT/scripts/apt-ensure.sh" /usr/bin/wrk wrk

WORK=$(mktemp -d "${TMPDIR:-/tmp}/partner-hub-bench.XXXXXX")
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Request logging at info would measure the logger; keep warnings only.
RUST_LOG=${RUST_LOG:-warn} start_server "$BIN" "$WORK"
echo "==> bench: $BIN at $SERVER_URL, $DURATION per path, $CONNECTIONS connections, $THREADS wrk threads"

declare -a summary
for path in $PATHS; do
  out=$(timeout 120 wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$SERVER_URL$path")
  echo "$out"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  summary+=("$(printf '%-12s %12s req/s   p99 %-9s non-2xx %s' "$path" "${rps:-?}" "${p99:-?}" "${non2xx:-0}")")
done

echo
echo "==> bench summary"
printf '    %s\n' "${summary[@]}"
