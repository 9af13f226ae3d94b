#!/usr/bin/env bash
# Makes the README's screenshots: a reference server with a fresh 2 000-product demo retailer on
# a free loopback port, the kiosk walking deploy/tour.json headless, the PNGs into docs/screenshots/.
# Needs a release build (./deploy/test.sh or ./deploy/demo.sh made one).
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/release
tmp=$(mktemp -d)
trap 'kill $api_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$B/central_api/central-api" serve --db "$tmp/demo.db" --products 2000 --listen 127.0.0.1:0 > "$tmp/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 300); do grep -q "listening on" "$tmp/api.log" && break; sleep 0.2; done
url=$(grep -o "http://[0-9.:]*" "$tmp/api.log" | head -1)
"$B/central_api/central-api" tokens --db "$tmp/demo.db" | grep '^paris-rivoli ' | cut -d' ' -f3 > "$tmp/token"
touch "$tmp/printer"  # the receipt printer: a file standing for its device
"$B/kiosk/kiosk" --config deploy/demo.toml --api "$url" --token-file "$tmp/token" --replica "$tmp/replica" \
  --outbox "$tmp/outbox" --cache "$tmp/cache" --printer "$tmp/printer" --headless --script deploy/tour.json --out "$tmp/out"
mkdir -p docs/screenshots
cp "$tmp"/out/*.png docs/screenshots/
echo "screenshots: docs/screenshots/ ($(ls "$tmp"/out/*.png | wc -l) files)"
