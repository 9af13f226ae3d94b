#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs the product on the bundled
# demo retailer: the reference central commerce API (central-api) with its generated catalogue.
# The database is created on first run in var/demo.db (20 000 products, about 15 s).
#   KIOSK_DEMO_LISTEN=127.0.0.1:8080   where the API listens
#   KIOSK_DEMO_PRODUCTS=20000          catalogue size when the database is created
set -euo pipefail
cd "$(dirname "$0")/.."
listen="${KIOSK_DEMO_LISTEN:-127.0.0.1:8080}"
products="${KIOSK_DEMO_PRODUCTS:-20000}"

./deploy/setup.sh
cmake --preset release -DKIOSK_LAYERS="catalog_client;central_api;render;kiosk" >/dev/null
cmake --build --preset release --target central-api kioskctl
mkdir -p var
db="var/demo.db"
api=build/release/central_api/central-api
if [ ! -f "$db" ]; then
  "$api" generate --db "$db" --products "$products"
fi
echo "demo: kiosk tokens:       $api tokens --db $db"
echo "demo: staff and PINs:     $api staff --db $db"
echo "demo: loyalty cards:      $api customers --db $db"
echo "demo: try it:             curl -H \"Authorization: Bearer \$($api tokens --db $db | head -1 | cut -d' ' -f3)\" http://$listen/v1/kiosks/me"
"$api" tokens --db "$db" | head -1 | cut -d' ' -f3 > var/kiosk.token
echo "demo: operator tool:      build/release/kiosk/kioskctl --api http://$listen --token-file var/kiosk.token sync   (then search, stock, health...)"
echo "demo: the kiosk UI is not built yet (issue 5): this runs the reference API; Ctrl-C stops it"
exec "$api" serve --db "$db" --listen "$listen"
