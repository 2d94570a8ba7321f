#!/usr/bin/env bash
# The schemathesis gate: fuzz the running API against its own OpenAPI spec.
#
# Starts a throw-away server (fresh database, APP_CLOCK=manual, free port),
# creates an admin and a support account, registers a freelancer who never
# applies, an ELIGIBLE freelancer (applied, approved, profile, terms; see
# scripts/schemathesis_users.py) and a customer, and runs schemathesis once per
# token. Fails on any 5xx, any response that breaks the spec (status, content
# type, headers, body schema) and any accepted invalid input. Exits non-zero on
# any failure and prints a summary.
#
# The database is a fresh SQLite file, or, with SCHEMATHESIS_DATABASE_URL set to a
# PostgreSQL URL (one that may CREATE DATABASE), a fresh PostgreSQL database created
# for the run and dropped after it (`make test-schemathesis-pg`).
#
# Environment (all optional):
#   PARTNER_HUB_BIN            server binary (default: target/debug/partner-hub)
#   SCHEMATHESIS               schemathesis executable (default: .venv/bin/schemathesis)
#   SCHEMATHESIS_MAX_EXAMPLES  test cases per operation and phase (default: 30)
#   SCHEMATHESIS_SEED          seed for reproducible runs (default: 1; "random" for a new one)
#   SCHEMATHESIS_WORKERS       concurrent workers (default: 1: CPython 3.11's ast module is not
#                              thread-safe and hypothesis trips over it with more)
#   SCHEMATHESIS_RUN_TIMEOUT   hard wall-clock limit per run, seconds (default: 300)
#   SCHEMATHESIS_REPORT_DIR    where logs and JUnit reports go (default: target/schemathesis)
#   SCHEMATHESIS_ROLES         which runs to do (default:
#                              "freelancer eligible customer support admin clock")
#   SCHEMATHESIS_DATABASE_URL  postgres://… to run on a fresh PostgreSQL database (unset: SQLite)
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
RUN_TIMEOUT=${SCHEMATHESIS_RUN_TIMEOUT:-300}
REPORT_DIR=${SCHEMATHESIS_REPORT_DIR:-$ROOT/target/schemathesis}
ROLES=${SCHEMATHESIS_ROLES:-freelancer eligible customer support admin clock}
PG_ADMIN_URL=${SCHEMATHESIS_DATABASE_URL:-}

case "$BIN" in /*) ;; *) BIN=$ROOT/$BIN ;; esac
[ -x "$BIN" ] || { echo "schemathesis gate: no server binary at $BIN (run 'make backend-debug')" >&2; exit 1; }
[ -x "$ST" ] || { echo "schemathesis gate: no schemathesis at $ST (run 'make venv')" >&2; exit 1; }
[ -x "$PY" ] || PY=python3

WORK=$(mktemp -d "${TMPDIR:-/tmp}/partner-hub-schemathesis.XXXXXX")
PG_DB=""
cleanup() {
  local rc=$?
  stop_server
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qtAc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null \
      || echo "schemathesis gate: could not drop database $PG_DB" >&2
  fi
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
SUPPORT_EMAIL=support@example.test
SUPPORT_PASSWORD='Support-Passw0rd!'

# The database: lib.sh pins a SQLite file under $WORK; a PostgreSQL URL given here
# overrides it (a later VAR=value wins in env(1)).
DB_ENV=()
ENGINE=sqlite
if [ -n "$PG_ADMIN_URL" ]; then
  case "$PG_ADMIN_URL" in postgres://*|postgresql://*) ;; *) echo "SCHEMATHESIS_DATABASE_URL must be a postgres:// URL" >&2; exit 2 ;; esac
  command -v psql >/dev/null || { echo "schemathesis gate: psql is needed for SCHEMATHESIS_DATABASE_URL" >&2; exit 1; }
  PG_DB="ph_schemathesis_$(date +%s)_$$"
  psql "$PG_ADMIN_URL" -v ON_ERROR_STOP=1 -qtAc "CREATE DATABASE $PG_DB" >/dev/null
  DB_ENV=("DATABASE_URL=$("$PY" -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$PG_ADMIN_URL" "$PG_DB")")
  ENGINE="postgresql (database $PG_DB)"
fi

# cli ARGS...: a CLI subcommand against the run's database.
cli() {
  local -a envs
  mapfile -t envs < <(server_env "$WORK")
  mkdir -p "$WORK/data" "$WORK/outbox"
  env -u SMTP_URL -u PUBLIC_BASE_URL -u JWT_SECRET -u APP_ENCRYPTION_KEY -u APP_CLOCK \
    "${envs[@]}" "${DB_ENV[@]}" "$BIN" "$@"
}

echo "==> schemathesis gate: $("$ST" --version), binary $BIN, database: $ENGINE"
for staff in "admin $ADMIN_EMAIL $ADMIN_PASSWORD" "support $SUPPORT_EMAIL $SUPPORT_PASSWORD"; do
  read -r role email password <<<"$staff"
  cli admin create --email "$email" --password "$password" --role "$role" >"$WORK/$role-create.log" 2>&1 \
    || { echo "admin create --role $role failed:" >&2; cat "$WORK/$role-create.log" >&2; exit 1; }
done

setup_started=$SECONDS
start_server "$BIN" "$WORK" APP_CLOCK=manual "${DB_ENV[@]}"
echo "    server $SERVER_URL (pid $SERVER_PID, log $SERVER_LOG)"

declare -A TOKEN
while IFS='=' read -r role token; do
  TOKEN[$role]=$token
done < <("$PY" "$ROOT/scripts/schemathesis_users.py" "$SERVER_URL" "$WORK/outbox" \
  "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$SUPPORT_EMAIL" "$SUPPORT_PASSWORD")
for role in freelancer eligible customer support admin; do
  [ -n "${TOKEN[$role]:-}" ] || { echo "schemathesis gate: no $role account (see above)" >&2; exit 1; }
done
echo "    accounts ready in $((SECONDS - setup_started))s: ${!TOKEN[*]}"

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

# Users first, staff after them (admin routes may change those users), the clock
# run last.
for role in $ROLES; do
  case "$role" in
    freelancer|eligible|customer|support|admin)
      run_one "$role" "${TOKEN[$role]}" "${EXCLUDE_ALWAYS[@]}" --exclude-path "$CLOCK_PATH" || break ;;
    clock)
      if grep -qE "^ *$CLOCK_PATH:" "$WORK/openapi.yaml"; then
        run_one clock "${TOKEN[admin]}" --include-path "$CLOCK_PATH" || break
      else
        RESULT[clock]="skipped (route not in spec)"
      fi ;;
    *) echo "unknown role '$role' in SCHEMATHESIS_ROLES" >&2; exit 2 ;;
  esac
done

echo
echo "==> schemathesis gate summary ($ENGINE, seed $SEED, max examples $MAX_EXAMPLES, $((SECONDS - started))s in all)"
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
