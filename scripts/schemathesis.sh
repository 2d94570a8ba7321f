#!/usr/bin/env bash
# The schemathesis gate: fuzz the running API against its own OpenAPI spec.
#
# Starts a throw-away server (fresh SQLite database, APP_CLOCK=manual, free
# port), creates an admin, registers a freelancer and a customer, and runs
# schemathesis once per token. Fails on any 5xx, any response that breaks the
# spec (status, content type, headers, body schema) and any accepted invalid
# input. Exits non-zero on any failure and prints a summary.
#
# Environment (all optional):
#   PARTNER_HUB_BIN            server binary (default: target/debug/partner-hub)
#   SCHEMATHESIS               schemathesis executable (default: .venv/bin/schemathesis)
#   SCHEMATHESIS_MAX_EXAMPLES  test cases per operation and phase (default: 30)
#   SCHEMATHESIS_SEED          seed for reproducible runs (default: 1; "random" for a new one)
#   SCHEMATHESIS_WORKERS       concurrent workers (default: 1: CPython 3.11's ast module is not
#                              thread-safe and hypothesis trips over it with more)
#   SCHEMATHESIS_RUN_TIMEOUT   hard wall-clock limit per run, seconds (default: 150)
#   SCHEMATHESIS_REPORT_DIR    where logs and JUnit reports go (default: target/schemathesis)
#   SCHEMATHESIS_ROLES         which runs to do (default: "freelancer customer admin clock")
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

BIN=${PARTNER_HUB_BIN:-$ROOT/target/debug/partner-hub}
ST=${SCHEMATHESIS:-$ROOT/.venv/bin/schemathesis}
PY=$(dirname "$ST")/python
MAX_EXAMPLES=${SCHEMATHESIS_MAX_EXAMPLES:-30}
SEED=${SCHEMATHESIS_SEED:-1}
WORKERS=${SCHEMATHESIS_WORKERS:-1}
RUN_TIMEOUT=${SCHEMATHESIS_RUN_TIMEOUT:-150}
REPORT_DIR=${SCHEMATHESIS_REPORT_DIR:-$ROOT/target/schemathesis}
ROLES=${SCHEMATHESIS_ROLES:-freelancer customer admin clock}

case "$BIN" in /*) ;; *) BIN=$ROOT/$BIN ;; esac
[ -x "$BIN" ] || { echo "schemathesis gate: no server binary at $BIN (run 'make backend-debug')" >&2; exit 1; }
[ -x "$ST" ] || { echo "schemathesis gate: no schemathesis at $ST (run 'make venv')" >&2; exit 1; }
[ -x "$PY" ] || PY=python3

WORK=$(mktemp -d "${TMPDIR:-/tmp}/partner-hub-schemathesis.XXXXXX")
cleanup() {
  local rc=$?
  stop_server
  if [ "$rc" -ne 0 ] && [ -f "$WORK/server.log" ]; then
    mkdir -p "$REPORT_DIR"
    cp "$WORK/server.log" "$REPORT_DIR/server.log" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$REPORT_DIR"
mkdir -p "$REPORT_DIR"

started=$SECONDS
ADMIN_EMAIL=admin@example.test
ADMIN_PASSWORD='Admin-Passw0rd!'
USER_PASSWORD='Fuzz-Passw0rd-123'

echo "==> schemathesis gate: $("$ST" --version), binary $BIN"
run_cli "$BIN" "$WORK" admin create --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --role admin >"$WORK/admin-create.log" 2>&1 \
  || { echo "admin create failed:" >&2; cat "$WORK/admin-create.log" >&2; exit 1; }

start_server "$BIN" "$WORK" APP_CLOCK=manual
echo "    server $SERVER_URL (pid $SERVER_PID, log $SERVER_LOG)"

# post_json PATH JSON: POST and print the body; fail loudly on a non-2xx.
post_json() {
  local path=$1 body=$2 out status
  out=$(mktemp "$WORK/resp.XXXXXX")
  status=$(curl -sS -o "$out" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data "$body" "$SERVER_URL$path")
  if [ "${status:0:1}" != 2 ]; then
    echo "POST $path -> $status: $(cat "$out")" >&2
    return 1
  fi
  cat "$out"
}
access_token() { "$PY" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'; }

FREELANCER_TOKEN=$(post_json /api/v1/auth/register \
  "{\"email\":\"freelancer@example.test\",\"password\":\"$USER_PASSWORD\",\"full_name\":\"Fuzz Freelancer\",\"role\":\"freelancer\"}" | access_token)
CUSTOMER_TOKEN=$(post_json /api/v1/auth/register \
  "{\"email\":\"customer@example.test\",\"password\":\"$USER_PASSWORD\",\"full_name\":\"Fuzz Customer\",\"role\":\"customer\"}" | access_token)
ADMIN_TOKEN=$(post_json /api/v1/auth/login \
  "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | access_token)

SPEC_URL="$SERVER_URL/api/v1/openapi.yaml"
curl -fsS -o "$WORK/openapi.yaml" "$SPEC_URL" || { echo "cannot fetch $SPEC_URL" >&2; exit 1; }
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,negative_data_rejection

seed_args=()
[ "$SEED" = random ] || seed_args=(--seed "$SEED")

# Exclusions, kept minimal:
# - POST /api/v1/auth/logout revokes the very session whose token the run uses;
#   everything after it would only test the 401 path.
# - POST /api/v1/admin/clock/advance moves the manual clock for the whole app
#   (fuzzed values can jump years and expire every token), so it gets its own
#   last run ("clock") instead of being mixed into the others.
EXCLUDE_ALWAYS=(--exclude-path /api/v1/auth/logout)
CLOCK_PATH=/api/v1/admin/clock/advance

declare -A RESULT CASES TIMES
failed=0
total_cases=0

run_one() {
  local name=$1 token=$2
  shift 2
  local log="$REPORT_DIR/$name.log" t0=$SECONDS rc=0
  echo "==> schemathesis run '$name' (max $MAX_EXAMPLES examples per operation, timeout ${RUN_TIMEOUT}s)"
  (
    cd "$WORK"   # schemathesis keeps its example database and crash files in the cwd
    timeout --kill-after=10 "$RUN_TIMEOUT" "$ST" --config-file "$ROOT/scripts/schemathesis.toml" run "$SPEC_URL" \
      --header "Authorization: Bearer $token" \
      --checks "$CHECKS" \
      --max-examples "$MAX_EXAMPLES" \
      --workers "$WORKERS" \
      "${seed_args[@]}" \
      --request-timeout 10 \
      --no-color \
      --report junit --report-junit-path "$REPORT_DIR/$name.junit.xml" \
      "$@"
  ) 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
  local cases
  cases=$(grep -oE '^ +[0-9]+ generated' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  cases=${cases:-0}
  CASES[$name]=$cases
  TIMES[$name]=$((SECONDS - t0))
  total_cases=$((total_cases + cases))
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    RESULT[$name]="TIMEOUT after ${RUN_TIMEOUT}s"
    failed=1
  elif [ "$rc" -ne 0 ]; then
    # schemathesis' closing line, e.g. "2 failures in 9.1s" or "Warnings fail the run in 7.3s"
    local why
    why=$(grep -E '^=+ .+ =+$' "$log" | tail -1 | sed -E 's/^=+ (.*) =+$/\1/; s/ in [0-9.]+s$//' || true)
    RESULT[$name]="FAILED (${why:-exit $rc})"
    failed=1
  elif [ "$cases" -eq 0 ]; then
    RESULT[$name]="FAILED (no test cases generated)"
    failed=1
  else
    RESULT[$name]=passed
  fi
  # A crashed server fails everything after it; say so instead of fuzzing a corpse.
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "server died during run '$name'; last log lines:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    RESULT[$name]="${RESULT[$name]}; SERVER DIED"
    failed=1
    return 1
  fi
}

# Freelancer and customer first, admin after them (admin routes may change those
# users), the clock run last.
for role in $ROLES; do
  case "$role" in
    freelancer) run_one freelancer "$FREELANCER_TOKEN" "${EXCLUDE_ALWAYS[@]}" --exclude-path "$CLOCK_PATH" || break ;;
    customer)   run_one customer "$CUSTOMER_TOKEN" "${EXCLUDE_ALWAYS[@]}" --exclude-path "$CLOCK_PATH" || break ;;
    admin)      run_one admin "$ADMIN_TOKEN" "${EXCLUDE_ALWAYS[@]}" --exclude-path "$CLOCK_PATH" || break ;;
    clock)
      if grep -qE "^ *$CLOCK_PATH:" "$WORK/openapi.yaml"; then
        run_one clock "$ADMIN_TOKEN" --include-path "$CLOCK_PATH" || break
      else
        RESULT[clock]="skipped (route not in spec)"
      fi ;;
    *) echo "unknown role '$role' in SCHEMATHESIS_ROLES" >&2; exit 2 ;;
  esac
done

echo
echo "==> schemathesis gate summary (seed $SEED, max examples $MAX_EXAMPLES, $((SECONDS - started))s in all)"
for role in $ROLES; do
  [ -n "${RESULT[$role]:-}" ] || RESULT[$role]="not run"
  printf '    %-11s %-44s %6s cases %5ss\n' "$role" "${RESULT[$role]}" "${CASES[$role]:-0}" "${TIMES[$role]:-0}"
done
echo "    total: $total_cases test cases; logs and JUnit reports in ${REPORT_DIR#"$ROOT"/}"
if [ "$failed" -ne 0 ]; then
  echo "schemathesis gate: FAILED" >&2
  exit 1
fi
echo "schemathesis gate: passed"
