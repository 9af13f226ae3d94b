#!/usr/bin/env bash
# stop.sh DIR — stops the demo backend started by start.sh: Medusa (SIGTERM to its process group,
# SIGKILL after MEDUSA_STOP_TIMEOUT seconds, default 30), then PostgreSQL (pg_ctl stop -m fast).
# Stopping what is not running is not an error.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

need_dir_arg "$@"
load_env
TIMEOUT="${MEDUSA_STOP_TIMEOUT:-30}"

if pid="$(medusa_pid)"; then
  # start.sh ran Medusa under setsid: its pid is its process group's id.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  deadline=$(( $(date +%s) + TIMEOUT ))
  while kill -0 -- "-$pid" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      note "Medusa (pid $pid) ignored SIGTERM for ${TIMEOUT}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  say "medusa: stopped (pid $pid)"
else
  say "medusa: not running"
fi
rm -f "$DIR/medusa.pid" "$DIR/medusa.port"

if pg_stop; then
  say "postgresql: stopped"
else
  say "postgresql: not running"
fi
