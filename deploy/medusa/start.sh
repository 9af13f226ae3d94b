#!/usr/bin/env bash
# start.sh DIR — starts the demo backend that setup.sh installed in DIR: PostgreSQL (pg_ctl, log in
# DIR/pg.log), then Medusa (`medusa start` in DIR/app on 127.0.0.1 and a free port picked now; log in
# DIR/medusa.log, pid in DIR/medusa.pid, port in DIR/medusa.port). Waits until GET /health answers
# (at most MEDUSA_START_TIMEOUT seconds, default 120), then prints exactly one line on stdout:
#   listening on http://127.0.0.1:PORT
# Everything else goes to stderr. If Medusa is already running, prints its line again.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

need_dir_arg "$@"
check_node
load_env
TIMEOUT="${MEDUSA_START_TIMEOUT:-120}"
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
    note "Medusa is already running (pid $pid)"
    say "listening on http://127.0.0.1:$port"
    exit 0
  fi
  die "a Medusa process (pid $pid, from $DIR/medusa.pid) is running but does not answer; run deploy/medusa/stop.sh $DIR first"
fi

STARTED_PG=0
if ! pg_is_running; then
  pg_start
  STARTED_PG=1
  note "PostgreSQL started on 127.0.0.1:$PG_PORT (log $DIR/pg.log)"
fi

medusa_env
PORT="$(free_port)"
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
