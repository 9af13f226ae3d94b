#!/usr/bin/env bash
# start.sh DIR — starts the demo backend that setup.sh installed in DIR: PostgreSQL (pg_ctl, log in
# DIR/pg.log), then Medusa (`medusa start` in DIR/app on 127.0.0.1; log in DIR/medusa.log, pid in
# DIR/medusa.pid, port in DIR/medusa.port). Waits until GET /health answers (at most
# MEDUSA_START_TIMEOUT seconds, default 120), then prints exactly one line on stdout:
#   listening on http://127.0.0.1:PORT
# Everything else goes to stderr.
# The port: MEDUSA_PORT if set, else 9000 (Medusa's usual port); taken by another program: exit 1
# with one line saying so. MEDUSA_PORT=0: a free port picked now.
# If Medusa is already running, prints its line again (on the port it runs on, when MEDUSA_PORT is 0
# or that port; another port asked: exit 1).
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

need_dir_arg "$@"
check_node
load_env
TIMEOUT="${MEDUSA_START_TIMEOUT:-120}"
WANT_PORT="${MEDUSA_PORT:-9000}"
[[ "$WANT_PORT" =~ ^[0-9]{1,5}$ ]] && [ "$WANT_PORT" -le 65535 ] \
  || die "MEDUSA_PORT=$WANT_PORT is not a port number (1 to 65535, or 0 for a free one)"
WANT_PORT=$((10#$WANT_PORT))
APP="$DIR/app"
[ -f "$APP/node_modules/@medusajs/medusa/package.json" ] && [ -f "$APP/.env" ] && [ -f "$(PGDATA_DIR)/PG_VERSION" ] \
  || die "$DIR is not set up (or only partly): run deploy/medusa/setup.sh $DIR"

healthy() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null -m 2 "http://127.0.0.1:$1/health" 2>/dev/null
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(2000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$1/health"
  fi
}

if pid="$(medusa_pid)"; then
  port="$(cat "$DIR/medusa.port" 2>/dev/null || true)"
  if [ -n "$port" ] && healthy "$port"; then
    if [ "$WANT_PORT" -ne 0 ] && [ "$WANT_PORT" -ne "$port" ]; then
      die "Medusa is already running on port $port, not $WANT_PORT: stop it first (deploy/medusa/stop.sh $DIR), or use MEDUSA_PORT=$port (or 0: whichever it runs on)"
    fi
    note "Medusa is already running (pid $pid)"
    say "listening on http://127.0.0.1:$port"
    exit 0
  fi
  die "a Medusa process (pid $pid, from $DIR/medusa.pid) is running but does not answer; run deploy/medusa/stop.sh $DIR first"
fi

if [ "$WANT_PORT" -eq 0 ]; then
  PORT="$(free_port)"
else
  PORT="$WANT_PORT"
  hint="set MEDUSA_PORT=another port, or 0 for a free one (and give kioskctl/kiosk --api http://127.0.0.1:PORT)"
  status="$(port_check "$PORT")"
  case "$status" in
    free) ;;
    EADDRINUSE) die "port $PORT is in use; $hint" ;;
    *) die "cannot listen on 127.0.0.1:$PORT ($status); $hint" ;;
  esac
fi

STARTED_PG=0
if ! pg_is_running; then
  pg_start
  STARTED_PG=1
  note "PostgreSQL started on 127.0.0.1:$PG_PORT (log $DIR/pg.log)"
fi

medusa_env
t0="$(now)"
printf '\n=== %s start.sh: medusa start -H 127.0.0.1 -p %s\n' "$(date -Is)" "$PORT" >>"$DIR/medusa.log"
cd "$APP"
# setsid: Medusa leads its own process group, so stop.sh can end it and its children by that id.
NODE_ENV=production setsid ./node_modules/.bin/medusa start -H 127.0.0.1 -p "$PORT" >>"$DIR/medusa.log" 2>&1 </dev/null &
pid=$!
cd /
printf '%s\n' "$pid" >"$DIR/medusa.pid"
printf '%s\n' "$PORT" >"$DIR/medusa.port"

fail() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  rm -f "$DIR/medusa.pid" "$DIR/medusa.port"
  if [ "$STARTED_PG" -eq 1 ]; then pg_stop >/dev/null 2>&1 || true; fi
  tail -n 25 "$DIR/medusa.log" >&2
  die "$1 (log: $DIR/medusa.log)"
}

deadline=$(( $(date +%s) + TIMEOUT ))
until healthy "$PORT"; do
  kill -0 "$pid" 2>/dev/null || fail "Medusa exited during start-up"
  [ "$(date +%s)" -lt "$deadline" ] || fail "Medusa did not answer GET /health within ${TIMEOUT}s"
  sleep 0.5
done
note "Medusa $MEDUSA_VERSION up in $(elapsed "$t0") (pid $pid, log $DIR/medusa.log)"
say "listening on http://127.0.0.1:$PORT"
