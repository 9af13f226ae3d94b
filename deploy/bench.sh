#!/usr/bin/env bash
# The kiosk's benchmark (issue 5 figures): against a running reference server, the kiosk walks
# every screen, then opens PRODUCTS products of a category one after the other (images
# included), and prints frame build time per screen (p50/p95/p99), cold start to the first
# interactive frame (replica already synced) and resident memory.
#   deploy/bench.sh URL TOKEN_FILE REPLICA_DIR [PRODUCTS=500]
# The replica directory should already hold the synced catalogue (kioskctl sync), so the cold
# start measures a synced kiosk; use a 1 000 000-product retailer for the bar.
set -euo pipefail
cd "$(dirname "$0")/.."
url=$1; token=$2; replica=$3; n=${4:-500}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$n" > "$tmp/bench.json" <<'PY'
import json, sys
n = int(sys.argv[1])
steps = [{"wait": {"screen": "attract", "visible": "attract.start"}, "timeout_ms": 120000},
         {"tap": "attract.start"}, {"tap": "home.category.mode"},
         {"wait": {"screen": "category", "visible": "grid.item.0"}, "timeout_ms": 20000}]
for i in range(n):
    steps += [{"tap": "grid.item.%d" % i},
              {"wait": {"screen": "product", "visible": "product.add_to_cart"}, "timeout_ms": 20000}]
    if i % 50 == 0:
        steps += [{"tap": "product.availability"}, {"tap": "nav.back"}]
    steps += [{"tap": "nav.back"}]
steps += [{"tap": "nav.search"}, {"type": "pull laine"}, {"tap": "nav.cart"}]
json.dump({"viewport": [1920, 1080], "steps": steps}, sys.stdout)
PY
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'), catalogue: $(build/release/kiosk/kioskctl --api "$url" --token-file "$token" --replica "$replica" health 2>/dev/null | grep -i product || true)"
build/release/kiosk/kiosk --api "$url" --token-file "$token" --replica "$replica" --outbox "$tmp/outbox" \
  --cache "$tmp/cache" --headless --script "$tmp/bench.json" --out "$tmp/out" --timings 2>/dev/null
