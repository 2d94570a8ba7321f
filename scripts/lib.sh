# shellcheck shell=bash
# Shared helpers for scripts that start a throw-away Partner Hub server.
# Source it from bash:  . "$(dirname "$0")/lib.sh"
#
#   start_server BIN WORKDIR [EXTRA_ENV=VALUE ...]
#       Starts `BIN serve` on 127.0.0.1 with PORT=0 and a fresh SQLite database
#       under WORKDIR, waits for the `listening on http://HOST:PORT` line and for
#       /readyz to answer 200. Sets SERVER_PID, SERVER_URL and SERVER_LOG.
#   stop_server
#       Stops it (SIGTERM, then SIGKILL after 10 s). Safe to call twice.

SERVER_PID=""
SERVER_URL=""
SERVER_LOG=""

server_env() {
  local work=$1
  # Everything the server reads, pinned, so the caller's environment cannot leak in.
  echo "DATABASE_URL=sqlite://$work/partner-hub.db"
  echo "DATA_DIR=$work/data"
  echo "EMAIL_OUTBOX_DIR=$work/outbox"
  echo "HOST=127.0.0.1"
  echo "PORT=0"
  echo "APP_ENV=development"
  echo "RUST_LOG=${RUST_LOG:-info}"
}

start_server() {
  local bin=$1 work=$2
  shift 2
  local -a envs
  mapfile -t envs < <(server_env "$work")
  envs+=("$@")
  mkdir -p "$work/data" "$work/outbox"
  SERVER_LOG="$work/server.log"
  : >"$SERVER_LOG"
  env -u SMTP_URL -u PUBLIC_BASE_URL -u JWT_SECRET -u APP_ENCRYPTION_KEY -u APP_CLOCK \
    "${envs[@]}" "$bin" serve >>"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!

  local deadline=$((SECONDS + 60)) line=""
  while [ $SECONDS -lt $deadline ]; do
    line=$(grep -m1 -o 'listening on http://[^ ]*' "$SERVER_LOG" || true)
    [ -n "$line" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server exited before listening; log:" >&2
      sed 's/^/    /' "$SERVER_LOG" >&2
      SERVER_PID=""
      return 1
    fi
    sleep 0.2
  done
  if [ -z "$line" ]; then
    echo "server did not print 'listening on http://…' within 60 s; log:" >&2
    sed 's/^/    /' "$SERVER_LOG" >&2
    return 1
  fi
  SERVER_URL=${line#listening on }
  SERVER_URL=${SERVER_URL%/}

  deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null "$SERVER_URL/readyz"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "server at $SERVER_URL never became ready; log:" >&2
      sed 's/^/    /' "$SERVER_LOG" >&2
      return 1
    fi
    sleep 0.3
  done
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# run_cli BIN WORKDIR ARGS...: run a CLI subcommand against the same database as start_server.
run_cli() {
  local bin=$1 work=$2
  shift 2
  local -a envs
  mapfile -t envs < <(server_env "$work")
  mkdir -p "$work/data" "$work/outbox"
  env -u SMTP_URL -u PUBLIC_BASE_URL -u JWT_SECRET -u APP_ENCRYPTION_KEY -u APP_CLOCK \
    "${envs[@]}" "$bin" "$@"
}
