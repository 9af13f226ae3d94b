#!/usr/bin/env bash
# Soak benchmark (issue 10): one kiosk process runs SESSIONS complete shopper sessions in a row,
# headless, against a fresh reference server on loopback: browse a category, open a product,
# search, scan a barcode, order (pickup, phone number typed on the on-screen keyboard, pay at
# the till), then leave and let the idle wipe end the session. It prints resident memory,
# threads and open files at the start and at the end (they should stay flat), the orders the
# server received (exactly SESSIONS), and whether the shopper's phone number is left anywhere
# under the kiosk's directories (it must not be).
#   deploy/soak.sh [SESSIONS=500] [PRESET=release]
# PRESET asan runs the same under AddressSanitizer: LeakSanitizer checks for leaks at exit
# (use fewer sessions, e.g. 50: it is ~10x slower).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
preset="${2:-release}"
case "$preset" in release|debug|asan) ;; *) echo "soak.sh: unknown preset '$preset' (release, debug, asan)" >&2; exit 2;; esac

./deploy/setup.sh >/dev/null
cmake --preset "$preset" -DKIOSK_LAYERS="catalog_client;central_api;render;kiosk" >/dev/null
cmake --build --preset "$preset" --target central-api kiosk >/dev/null
api="build/$preset/central_api/central-api"
kiosk="build/$preset/kiosk/kiosk"
tmp=$(mktemp -d)
api_pid=""
cleanup() { [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
# Copies of the programs: a rebuild during a long run does not change them under it.
cp "$api" "$tmp/central-api"; cp "$kiosk" "$tmp/kiosk-program"
api="$tmp/central-api"; kiosk="$tmp/kiosk-program"

"$api" generate --db "$tmp/soak.db" --products 2000 --seed 5 >/dev/null 2>&1
# One product the soak scans and orders every session, with enough units on the Paris Rivoli
# shelf for every order; the phone number the shopper types (looked for on disk at the end).
phone="0698765431"
ean=$(python3 - "$tmp/soak.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sku, ean = db.execute("SELECT v.sku, v.ean FROM variants v JOIN products p ON p.id = v.product_id "
                      "WHERE v.online_only = 0 ORDER BY v.sku LIMIT 1").fetchone()
db.execute("DELETE FROM stock WHERE sku = ? AND location_id = 'paris-rivoli'", (sku,))
db.execute("INSERT INTO stock(sku, location_id, quantity, aisle) VALUES(?, 'paris-rivoli', 1000000, 'A1')", (sku,))
db.commit()
print(ean)
PY
)
"$api" serve --db "$tmp/soak.db" --listen 127.0.0.1:0 --rate-limit 0 > "$tmp/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 200); do grep -q "listening on" "$tmp/api.log" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o "http://[0-9.:]*" "$tmp/api.log" | head -1)
[ -n "$url" ] || { cat "$tmp/api.log" >&2; exit 1; }
"$api" tokens --db "$tmp/soak.db" | awk '$1 == "paris-rivoli" {print $3}' > "$tmp/token"

python3 - "$n" "$ean" "$phone" > "$tmp/soak.json" <<'PY'
import json, sys
n, ean, phone = int(sys.argv[1]), sys.argv[2], sys.argv[3]
session = [
    {"wait": {"screen": "attract", "visible": "attract.start"}, "timeout_ms": 120000},
    {"probe": "session start"},
    {"tap": "attract.start"},
    {"tap": "home.category.mode"},
    {"wait": {"screen": "category", "visible": "grid.item.1"}, "timeout_ms": 20000},
    {"tap": "grid.item.1"},
    {"wait": {"screen": "product", "visible": "product.add_to_cart"}, "timeout_ms": 20000},
    {"tap": "nav.search"},
    {"type": "pull"},
    {"wait": {"screen": "search", "visible": "grid.item.0"}, "timeout_ms": 20000},
    {"scan": ean},
    {"wait": {"screen": "product", "visible": "product.add_to_cart"}, "timeout_ms": 20000},
    {"tap": "product.add_to_cart"},
    {"tap": "nav.cart"},
    {"tap": "cart.checkout"},
    {"wait": {"screen": "checkout", "visible": "checkout.pickup"}, "timeout_ms": 30000},
    {"tap": "checkout.pickup"},
    {"wait": {"visible": "checkout.pickup.store.paris-rivoli"}, "timeout_ms": 20000},
    {"tap": "checkout.pickup.store.paris-rivoli"},
    {"tap": "checkout.field.phone"},
    {"type": phone},
    {"tap": "checkout.keyboard_done"},
    {"tap": "checkout.payment.pay_at_till"},
    {"tap": "checkout.place_order"},
    {"wait": {"screen": "confirmation", "visible": "confirmation.number"}, "timeout_ms": 60000},
    # The shopper leaves: the idle warning, then the wipe.
    {"advance_s": 61},
    {"expect": {"visible": "idle.continue"}},
    {"advance_s": 11},
    {"expect": {"screen": "attract", "no_text": phone}},
]
json.dump({"viewport": [1280, 720], "repeat": n, "steps": session + [{"probe": "session end"}]}, sys.stdout)
PY

echo "soak: $n sessions, preset $preset, $(nproc) cores, $(uptime | sed 's/.*load/load/')"
start=$(date +%s)
status=0
LIBGL_ALWAYS_SOFTWARE=1 LP_NUM_THREADS=0 LSAN_OPTIONS="suppressions=$PWD/tests/render/lsan.supp:print_suppressions=0" \
  "$kiosk" --api "$url" --token-file "$tmp/token" --replica "$tmp/kiosk/replica" --outbox "$tmp/kiosk/outbox" \
  --cache "$tmp/kiosk/cache" --headless --script "$tmp/soak.json" --out "$tmp/out" > "$tmp/kiosk.log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
[ "$status" -ne 0 ] && { echo "soak: the kiosk exited with status $status; its last lines:"; tail -20 "$tmp/kiosk.log"; }

python3 - "$tmp/out/log.jsonl" "$tmp/soak.db" "$n" "$elapsed" <<'PY'
import json, sqlite3, sys
log, db, n, elapsed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
lines = [json.loads(l) for l in open(log)]
probes = [l for l in lines if l.get("kind") == "probe"]
rounds = max([l.get("round", 1) for l in lines] or [0])
failed = [l for l in lines if not l.get("ok")]
orders = sqlite3.connect(db).execute("SELECT COUNT(*) FROM orders").fetchone()[0]
print(f"sessions completed: {rounds if not failed else rounds - 1} of {n} in {elapsed} s"
      f" ({elapsed / max(rounds, 1):.1f} s a session); orders on the server: {orders}")
if failed:
    print("first failed step:", json.dumps(failed[0]))
by_step = {}
for l in lines:
    key = l["kind"] + " " + (json.dumps(l.get("args"))[:40] if l["kind"] in ("tap", "type", "wait") else "")
    by_step[key] = by_step.get(key, 0) + l.get("ms", 0)
slow = sorted(by_step.items(), key=lambda kv: -kv[1])[:5]
print("where the time goes (all sessions):", "; ".join(f"{k.strip()} {v / 1000:.0f} s" for k, v in slow))
if probes:
    first, last = probes[0]["process"], probes[-1]["process"]
    print(f"{'':22}{'start':>12}{'end':>12}")
    for key, label in (("rss_kb", "resident memory (MB)"), ("peak_rss_kb", "peak resident (MB)")):
        print(f"{label:22}{first[key] / 1024:12.1f}{last[key] / 1024:12.1f}")
    for key, label in (("threads", "threads"), ("open_files", "open files")):
        print(f"{label:22}{first[key]:12d}{last[key]:12d}")
    ends = [p["process"]["rss_kb"] / 1024 for p in probes if p.get("args") == "session end"]
    if len(ends) >= 20:
        tenth = len(ends) // 10
        a, b = sum(ends[:tenth]) / tenth, sum(ends[-tenth:]) / tenth
        print(f"resident memory at session end, first tenth {a:.1f} MB, last tenth {b:.1f} MB")
PY
if grep -rlaF "$phone" "$tmp/kiosk" >/dev/null 2>&1; then
  echo "personal data on disk: the phone number is in $(grep -rlaF "$phone" "$tmp/kiosk" | sed "s|$tmp/||" | tr '\n' ' ')"
  status=1
else
  echo "personal data on disk: none (the phone number typed $n times is in no file under the kiosk's directories)"
fi
if [ "$preset" = asan ]; then
  if grep -q "LeakSanitizer" "$tmp/kiosk.log"; then echo "LeakSanitizer: leaks reported"; grep -A8 "LeakSanitizer" "$tmp/kiosk.log" | head -40; status=1
  else echo "LeakSanitizer: clean"; fi
fi
exit "$status"
