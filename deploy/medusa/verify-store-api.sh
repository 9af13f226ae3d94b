#!/usr/bin/env bash
# verify-store-api.sh DIR — replays, against the running demo backend (start.sh DIR), the Store API
# calls the kiosk's Medusa connector relies on, and checks the answers README.md describes:
# catalogue fields, per-location stock, shipping options by fulfilment-set type, a pickup order
# through the system payment provider, completing the cart twice. Needs curl and jq.
# It places ONE real order (a pickup in Lyon Part-Dieu) in the demo database each time it runs.
set -euo pipefail
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

need_dir_arg "$@"
command -v curl >/dev/null 2>&1 || die "curl is required"
command -v jq >/dev/null 2>&1 || die "jq is required (apt-get install jq)"
[ -s "$DIR/medusa.port" ] || die "Medusa is not running: deploy/medusa/start.sh $DIR"
B="http://127.0.0.1:$(cat "$DIR/medusa.port")"
K="$(cat "$DIR/publishable-key")"
PASSES=0
FAILS=0
check() { # check "what" EXIT_STATUS_OF_THE_CONDITION
  if [ "$2" -eq 0 ]; then say "ok    $1"; PASSES=$((PASSES + 1)); else say "FAIL  $1"; FAILS=$((FAILS + 1)); fi
}
get() { curl -sS -H "x-publishable-api-key: $K" "$@"; }
post() { local url="$1"; shift; curl -sS -H "x-publishable-api-key: $K" -H 'content-type: application/json' -X POST "$url" "$@"; }
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# --- keys and region ---
c="$(code -H "x-publishable-key: $K" "$B/store/regions")"
check "header x-publishable-key is refused ($c); the header is x-publishable-api-key" "$([ "$c" = 400 ]; echo $?)"
R="$(get "$B/store/regions" | jq -r '.regions[] | select(.name=="France") | .id')"
check "region France: $R" "$([ -n "$R" ]; echo $?)"

# --- catalogue ---
P="$(get -G "$B/store/products" --data-urlencode 'fields=*variants,*variants.prices,*variants.options,+variants.barcode,*categories,+updated_at' \
  --data-urlencode "region_id=$R" --data-urlencode 'limit=1000' --data-urlencode 'order=updated_at')"
n="$(jq '.products | length' <<<"$P")"; nv="$(jq '[.products[].variants[]] | length' <<<"$P")"
check "products: $n, variants: $nv (count $(jq .count <<<"$P"))" "$([ "$n" -ge 30 ]; echo $?)"
bad="$(jq '[.products[].variants[] | select((.barcode|test("^[0-9]{13}$")|not) or (.calculated_price.calculated_amount|type)!="number")] | length' <<<"$P")"
check "every variant has a 13-digit barcode and a calculated price" "$([ "$bad" -eq 0 ]; echo $?)"
incl="$(jq -r '.products[0].variants[0].calculated_price.is_calculated_price_tax_inclusive' <<<"$P")"
check "prices are VAT-inclusive (is_calculated_price_tax_inclusive=$incl)" "$([ "$incl" = true ]; echo $?)"

S="$(get -G "$B/store/products" --data-urlencode 'fields=id,variants.id,variants.sku,+variants.inventory_quantity,+variants.inventory_items.inventory.location_levels.*' --data-urlencode 'limit=1000')"
nl="$(jq '[.products[].variants[].inventory_items[]?.inventory.location_levels[]?] | length' <<<"$S")"
check "per-location levels through +variants.inventory_items.inventory.location_levels.*: $nl levels" "$([ "$nl" -gt 0 ]; echo $?)"
mism="$(jq '[.products[].variants[] | select(.inventory_quantity != ([.inventory_items[0].inventory.location_levels[].available_quantity] | add // 0))] | length' <<<"$S")"
check "inventory_quantity = sum of available_quantity over the sales channel's locations" "$([ "$mism" -eq 0 ]; echo $?)"
c="$(code -H "x-publishable-api-key: $K" "$B/store/stock-locations")"
check "GET /store/stock-locations does not exist ($c)" "$([ "$c" = 404 ]; echo $?)"

# --- a pickup order in Lyon ---
O="$(get -G "$B/store/shipping-options" --data-urlencode "cart_id=$(post "$B/store/carts" -d "{\"region_id\":\"$R\"}" | jq -r .cart.id)")"
lyon_loc="$(jq -r '.shipping_options[] | select(.service_zone.fulfillment_set.type=="pickup" and .service_zone.fulfillment_set.location.address.city=="Lyon") | .service_zone.fulfillment_set.location.id' <<<"$O")"
V="$(jq -r --arg l "$lyon_loc" '[.products[].variants[] | select(([.inventory_items[0].inventory.location_levels[] | select(.location_id==$l) | .available_quantity] | add // 0) >= 1)] | .[0].id' <<<"$S")"
check "a variant in stock in Lyon: $V" "$([ "$V" != null ] && [ -n "$V" ]; echo $?)"
C="$(post "$B/store/carts" -d "{\"region_id\":\"$R\",\"email\":\"verify@example.org\",\"metadata\":{\"kiosk\":\"verify\"},\"shipping_address\":{\"first_name\":\"Jeanne\",\"last_name\":\"Martin\",\"address_1\":\"1 rue de la République\",\"city\":\"Lyon\",\"postal_code\":\"69002\",\"country_code\":\"fr\"}}" | jq -r .cart.id)"
check "cart $C" "$([ "$C" != null ]; echo $?)"
T="$(post "$B/store/carts/$C/line-items" -d "{\"variant_id\":\"$V\",\"quantity\":1}" | jq .cart.total)"
check "line added, cart total $T" "$([ "$T" != null ]; echo $?)"
O="$(get -G "$B/store/shipping-options" --data-urlencode "cart_id=$C")"
jq -r '.shipping_options[] | "      option \(.id) \(.name) \(.amount) EUR type=\(.service_zone.fulfillment_set.type) \(.service_zone.fulfillment_set.location.address.company // .service_zone.fulfillment_set.location.address.city) insufficient_inventory=\(.insufficient_inventory)"' <<<"$O"
SO="$(jq -r --arg l "$lyon_loc" '.shipping_options[] | select(.service_zone.fulfillment_set.location.id==$l) | .id' <<<"$O")"
ST="$(post "$B/store/carts/$C/shipping-methods" -d "{\"option_id\":\"$SO\"}" | jq -r '.cart.shipping_methods | length')"
check "shipping method set (the cart holds $ST)" "$([ "$ST" = 1 ]; echo $?)"
PC="$(post "$B/store/payment-collections" -d "{\"cart_id\":\"$C\"}" | jq -r .payment_collection.id)"
PS="$(post "$B/store/payment-collections/$PC/payment-sessions" -d '{"provider_id":"pp_system_default"}' | jq -r '.payment_collection.payment_sessions[0].status')"
check "payment collection $PC, pp_system_default session $PS" "$([ "$PS" = pending ]; echo $?)"
O1="$(post "$B/store/carts/$C/complete" | jq -r '"\(.type) \(.order.id) \(.order.display_id)"')"
O2="$(post "$B/store/carts/$C/complete" | jq -r '"\(.type) \(.order.id) \(.order.display_id)"')"
check "complete: $O1; again: $O2" "$([ "${O1%% *}" = order ] && [ "$O1" = "$O2" ]; echo $?)"
OID="$(cut -d' ' -f2 <<<"$O1")"
st="$(get "$B/store/orders/$OID" | jq -r '"\(.order.status)/\(.order.payment_status)/\(.order.fulfillment_status)"')"
check "GET /store/orders/$OID: status/payment/fulfilment $st" "$([ "$st" = pending/authorized/not_fulfilled ]; echo $?)"

# Where was the unit reserved? Reservations are not in the Store API: ask the database.
load_env
where="$(pg_psql -d "$DB_NAME" -tAc "SELECT sl.name FROM reservation_item r JOIN stock_location sl ON sl.id = r.location_id JOIN order_item oi ON oi.item_id = r.line_item_id WHERE oi.order_id = '$OID' AND r.deleted_at IS NULL LIMIT 1")"
say "info  pickup chosen: Lyon Part-Dieu; unit reserved at: ${where:-?}"

say "$PASSES passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
