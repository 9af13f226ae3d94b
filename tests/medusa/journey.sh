#!/usr/bin/env bash
# journey.sh KIOSKCTL KIOSK MEDUSA_DIR — the ctest medusa.journey: the operators' commands and the
# kiosk itself against the demo Medusa of the fixture (tests/medusa/CMakeLists.txt).
#   1. kioskctl sync, search, lookup (an EAN), stock, quote and order (a pickup in Lyon, from a
#      kiosk in Paris), then Medusa's database holds exactly that one order for it;
#   2. the kiosk, headless, walks deploy/medusa/journey.json (browse, search, scan, stock per
#      store, a pickup order in another store paid at the till), then Medusa holds exactly one
#      more order from this kiosk, to be collected in Lyon.
# KIOSK_TEST_SHOTS=DIR keeps the kiosk's screenshots there.
set -euo pipefail
[ "$#" -eq 3 ] || { echo "usage: $(basename "$0") KIOSKCTL KIOSK MEDUSA_DIR" >&2; exit 2; }
KIOSKCTL="$1"; KIOSK="$2"; M="$(cd "$3" && pwd)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PSQL="$ROOT/tests/medusa/psql.sh"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
fail() { echo "medusa.journey: FAILED: $*" >&2; exit 1; }
sql() { "$PSQL" "$M" "$1"; }

KIOSK_ID="K-JOURNEY-$(date +%s)-$$"
cat >"$T/kiosk.toml" <<TOML
[api]
backend = "medusa"
url = "$(cat "$M/url")"
[medusa]
publishable_key_file = "$M/publishable-key"
region = "France"
kiosk_id = "$KIOSK_ID"
store = "PAR-RIVOLI"
[storage]
replica_dir = "$T/replica"
outbox_dir = "$T/outbox"
cache_dir = "$T/cache"
[kiosk]
fullscreen = false
[theme]
retailer_name = "Maison Demo"
TOML
ctl() { "$KIOSKCTL" --config "$T/kiosk.toml" "$@"; }

# 1. The operators' commands.
ctl sync | tee "$T/sync.txt"
grep -q "full sync: 34 upserts" "$T/sync.txt" || fail "the full sync did not bring the 34 products"
ctl sync | grep -q "delta sync" || fail "the second sync was not a delta"
ctl search pull | grep -q "Pull en maille col rond" || fail "search: no 'Pull en maille col rond' for 'pull'"
# A SKU with 2 units or more in Lyon and some in the warehouse (other tests order too: asked now).
level() { echo "SELECT coalesce(sum(il.stocked_quantity - il.reserved_quantity), 0) FROM inventory_level il JOIN inventory_item ii ON ii.id = il.inventory_item_id JOIN stock_location sl ON sl.id = il.location_id WHERE ii.sku = $1 AND sl.metadata->>'code' = '$2' AND il.deleted_at IS NULL"; }
sku="$(sql "SELECT v.sku FROM product_variant v WHERE v.deleted_at IS NULL AND ($(level v.sku LYS-PARTDIEU)) >= 2 AND ($(level v.sku WH-RUNGIS)) >= 1 ORDER BY v.sku LIMIT 1")"
[ -n "$sku" ] || fail "no SKU with 2 units in Lyon and some in the warehouse"
ean="$(sql "SELECT barcode FROM product_variant WHERE sku = '$sku'")"
ctl lookup "$ean" | grep -q "$sku .*<- scanned" || fail "lookup $ean did not find $sku"
ctl --json stock "$sku" >"$T/stock.json"
lyon="$(jq '[.locations[] | select(.location_id == "LYS-PARTDIEU") | .quantity] | add // 0' "$T/stock.json")"
db_lyon="$(sql "$(level "'$sku'" LYS-PARTDIEU)")"
[ "$lyon" = "$db_lyon" ] || fail "stock of $sku in Lyon: kioskctl says $lyon, Medusa's database $db_lyon"
echo "stock of $sku in Lyon: $lyon (as in the database)"
# Medusa's stock locations have no coordinates: no distance rather than 0 km.
jq -e '[.locations[].distance_km] | all(. == null)' "$T/stock.json" >/dev/null || fail "kioskctl stock gives a distance Medusa does not know"
ctl quote "$sku:1" | tee "$T/quote.txt"
grep -q "delivery" "$T/quote.txt" || fail "quote: no delivery option"
grep -q "pickup LYS-PARTDIEU" "$T/quote.txt" || fail "quote: no pickup in Lyon"
printf '{"lines":[{"sku":"%s","quantity":1}],"fulfilment":{"type":"pickup","store_id":"LYS-PARTDIEU"},"contact":{"email":"client@example.org"},"payment":{"method":"pay_at_till"}}\n' "$sku" >"$T/order.json"
ctl --json order --file "$T/order.json" >"$T/placed.json" || fail "kioskctl order: $(cat "$T/placed.json")"
number="$(jq -r .number "$T/placed.json")"
[ "$(sql "SELECT count(*) FROM \"order\" WHERE id = '$number' AND metadata->>'kiosk_id' = '$KIOSK_ID'")" = 1 ] || fail "order $number is not in Medusa once"
echo "kioskctl order: $number ($sku, pickup in Lyon)"

# 2. The kiosk.
out="${KIOSK_TEST_SHOTS:-$T/shots}"
mkdir -p "$out"
"$KIOSK" --config "$T/kiosk.toml" --headless --script "$ROOT/deploy/medusa/journey.json" --out "$out" >"$T/kiosk.log" 2>&1 \
  || { tail -n 30 "$T/kiosk.log" >&2; fail "the kiosk's scripted journey stopped"; }
[ "$(sql "SELECT count(*) FROM \"order\" WHERE metadata->>'kiosk_id' = '$KIOSK_ID' AND deleted_at IS NULL")" = 2 ] \
  || fail "Medusa does not hold exactly two orders from $KIOSK_ID (kioskctl's and the kiosk's)"
kiosk_order="$(sql "SELECT id FROM \"order\" WHERE metadata->>'kiosk_id' = '$KIOSK_ID' AND id <> '$number'")"
where="$(sql "SELECT sm.data->>'pickup_store' FROM order_shipping_method sm JOIN order_shipping os ON os.shipping_method_id = sm.id WHERE os.order_id = '$kiosk_order'")"
[ "$where" = LYS-PARTDIEU ] || fail "the kiosk's order $kiosk_order is to be collected at '$where', not LYS-PARTDIEU"
ctl --json outbox | jq -e --arg n "$kiosk_order" '[.entries[] | select(.state == "acknowledged" and .number == $n)] | length == 1' >/dev/null \
  || fail "the kiosk's outbox does not hold $kiosk_order acknowledged"
echo "kiosk order: $kiosk_order, pickup in Lyon, exactly once; screenshots in $out"
