#!/usr/bin/env bash
# up.sh BUILD_DIR — the ctest fixture medusa.up: installs the demo Medusa backend in BUILD_DIR/medusa
# (deploy/medusa/setup.sh: about 3 minutes the first time, 10 s when nothing changed), starts it on a
# free port (MEDUSA_PORT=0 deploy/medusa/start.sh) and writes its URL, http://127.0.0.1:PORT, to
# BUILD_DIR/medusa/url. medusa.down (down.sh) stops it.
# A backend left running by an interrupted run is stopped first, so the tests always meet the
# current project files. Missing or too old Node.js: setup.sh's one-line message, exit 1 (no skip).
set -euo pipefail
[ "$#" -eq 1 ] && [ -d "$1" ] || { echo "usage: $(basename "$0") BUILD_DIR (an existing directory)" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$(cd "$1" && pwd -P)"
DIR="$BUILD/medusa"
t0=$(date +%s)

# As root, PostgreSQL runs as the system user medusa-demo, who must reach DIR; and the cluster's
# socket path must fit in 107 bytes. When BUILD_DIR does not allow either (e.g. under /root, or too
# deep), DIR becomes a link to a directory of our own in /var/tmp.
if [ -L "$DIR" ] && [ ! -e "$DIR" ]; then rm -f "$DIR"; fi
if [ ! -e "$DIR" ]; then
  reachable=1
  if [ "$(id -u)" -eq 0 ] && ! runuser -u nobody -- test -x "$BUILD" 2>/dev/null; then reachable=0; fi
  # 22: the length of /pg/run/.s.PGSQL.65535
  if [ "$reachable" -eq 1 ] && [ $(( ${#DIR} + 22 )) -le 107 ]; then
    mkdir -m 755 "$DIR"
  else
    target="$(mktemp -d /var/tmp/kiosk-medusa.XXXXXX)"
    chmod 755 "$target"
    ln -s "$target" "$DIR"
    echo "medusa.up: $BUILD is not usable for PostgreSQL (closed to other users or too deep); $DIR -> $target"
  fi
fi

if [ -f "$DIR/medusa.pid" ]; then
  echo "medusa.up: a backend was left running in $DIR by an earlier run; stopping it first"
  "$ROOT/deploy/medusa/stop.sh" "$DIR" </dev/null
fi
rm -f "$DIR/url"

"$ROOT/deploy/medusa/setup.sh" "$DIR" </dev/null
t1=$(date +%s)
line="$(MEDUSA_PORT=0 "$ROOT/deploy/medusa/start.sh" "$DIR" </dev/null)"
if [[ ! "$line" =~ ^listening\ on\ (http://127\.0\.0\.1:[0-9]+)$ ]]; then
  echo "medusa.up: start.sh printed '$line', not 'listening on http://127.0.0.1:PORT'" >&2
  exit 1
fi
printf '%s\n' "${BASH_REMATCH[1]}" >"$DIR/url"
# The seeded stock again for every run: the orders of earlier runs gave their units back (the tests
# pick SKUs by their stock, but the kiosk's scripted journey orders one known variant). Medusa reads
# the raw_ (BigNumber) columns; the numeric ones are kept equal.
"$ROOT/tests/medusa/psql.sh" "$DIR" "DELETE FROM reservation_item; UPDATE inventory_level SET reserved_quantity = 0, raw_reserved_quantity = jsonb_build_object('value', '0', 'precision', 20) WHERE reserved_quantity <> 0 OR raw_reserved_quantity->>'value' <> '0'" >/dev/null
echo "medusa.up: ${BASH_REMATCH[1]} (url in $DIR/url); setup $((t1 - t0)) s, start $(( $(date +%s) - t1 )) s"
