#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs the product on the bundled
# demo retailer: the reference central commerce API (central-api) with its generated catalogue,
# and the kiosk on top of it — in a window when there is a display, else a headless walk through
# the main screens whose screenshots land in var/demo-run/.
# The database is created on first run in var/demo.db (20 000 products, about 15 s); the kiosk's
# first start copies the catalogue into its replica (var/kiosk/, about 10 s).
#   KIOSK_DEMO_LISTEN=127.0.0.1:8080   where the API listens
#   KIOSK_DEMO_PRODUCTS=20000          catalogue size when the database is created
#   KIOSK_DEMO_FULLSCREEN=1            fullscreen instead of a window
set -euo pipefail
cd "$(dirname "$0")/.."
listen="${KIOSK_DEMO_LISTEN:-127.0.0.1:8080}"
products="${KIOSK_DEMO_PRODUCTS:-20000}"

./deploy/setup.sh
cmake --preset release -DKIOSK_LAYERS="catalog_client;central_api;render;kiosk" >/dev/null
cmake --build --preset release --target central-api kioskctl kiosk
mkdir -p var
db="var/demo.db"
api=build/release/central_api/central-api
# A database made by an older central-api (another schema) cannot be served: make it anew.
if [ -f "$db" ] && ! "$api" tokens --db "$db" >/dev/null 2>&1; then
  echo "demo: $db is from an older central-api ($("$api" tokens --db "$db" 2>&1 | head -1)); generating it anew, the old one kept as $db.old"
  mv "$db" "$db.old"
  rm -f "$db-wal" "$db-shm" "$db.demo-secrets"
  rm -rf var/kiosk  # its replica, outbox and token belong to the old retailer
fi
if [ ! -f "$db" ]; then
  "$api" generate --db "$db" --products "$products"
fi
"$api" tokens --db "$db" | head -1 | cut -d' ' -f3 > var/kiosk.token
echo "demo: staff and PINs:     $api staff --db $db"
echo "demo: loyalty cards:      $api customers --db $db"
echo "demo: operator tool:      build/release/kiosk/kioskctl --api http://$listen --token-file var/kiosk.token health"

# The API in the background, stopped with this script.
"$api" serve --db "$db" --listen "$listen" > var/central-api.log 2>&1 &
api_pid=$!
trap 'kill $api_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" var/central-api.log 2>/dev/null && break
  kill -0 $api_pid 2>/dev/null || { cat var/central-api.log >&2; exit 1; }
  sleep 0.2
done
echo "demo: the commerce API is on http://$listen (log: var/central-api.log)"

# The demo's receipt printer is a file: var/demo-printer.escpos collects the ESC/POS tickets.
touch var/demo-printer.escpos
kiosk=(build/release/kiosk/kiosk --config deploy/demo.toml --api "http://$listen" --token-file var/kiosk.token
       --replica var/kiosk/replica --outbox var/kiosk/outbox --cache var/kiosk/cache --printer var/demo-printer.escpos)
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  if [ "${KIOSK_DEMO_FULLSCREEN:-0}" = 1 ]; then "${kiosk[@]}" --fullscreen; else "${kiosk[@]}" --windowed; fi
else
  echo "demo: no display: walking through the main screens headless (deploy/tour.json)"
  "${kiosk[@]}" --headless --script deploy/tour.json --out var/demo-run
  echo "demo: screenshots and log.jsonl in var/demo-run/; the API keeps running, Ctrl-C stops it"
  wait $api_pid
fi
