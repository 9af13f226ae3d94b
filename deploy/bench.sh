#!/usr/bin/env bash
# The kiosk's benchmark (issue 5 figures): against a running reference server, the kiosk walks
# every screen, then opens PRODUCTS products of a category one after the other (images
# included), and prints frame build time per screen (p50/p95/p99), cold start to the first
# interactive frame (replica already synced) and resident memory (in the session after the last
# product, and once the session ended: the kiosk's state between shoppers; the breakdown line is
# taken at the end).
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
# The memory in the session, then once it ended by itself (idle warning, then the countdown):
# the kiosk hands the heap's free pages back between shoppers.
steps += [{"frames": 5}, {"probe": "session"}, {"advance_s": 61}, {"frames": 5}, {"advance_s": 11},
          {"wait": {"screen": "attract"}, "timeout_ms": 20000}, {"frames": 5}, {"probe": "attract"}]
json.dump({"viewport": [1920, 1080], "steps": steps}, sys.stdout)
PY
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'), catalogue: $(build/release/kiosk/kioskctl --api "$url" --token-file "$token" --replica "$replica" health 2>/dev/null | grep -i product || true)"
build/release/kiosk/kiosk --api "$url" --token-file "$token" --replica "$replica" --outbox "$tmp/outbox" \
  --cache "$tmp/cache" --headless --script "$tmp/bench.json" --out "$tmp/out" --timings 2>/dev/null
python3 - "$tmp/out/log.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    step = json.loads(line)
    if step.get("kind") == "probe":
        p = step["process"]
        label = {"session": "in the session, after the last product", "attract": "once the session ended (attract loop)"}[step["args"]]
        print("resident memory %s: %.0f MB (peak %.0f MB)" % (label, p["rss_kb"] / 1024, p["peak_rss_kb"] / 1024))
PY
