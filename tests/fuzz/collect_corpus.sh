#!/usr/bin/env bash
# Refreshes the seed corpora of tests/fuzz/corpus/ that come from real answers of the reference
# server: it generates a small demo retailer, serves it on a free loopback port, calls every
# endpoint the kiosk reads with curl and keeps each answer (and each request body the server
# reads) as one seed file. Hand-made seeds (configurations, scripts, scanner streams) are left
# alone. Needs a built central-api, curl and jq:
#   tests/fuzz/collect_corpus.sh build/release/central_api/central-api
set -euo pipefail
api_bin="$(realpath "${1:?usage: collect_corpus.sh PATH/TO/central-api}")"
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/corpus"
tmp="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

db="$tmp/demo.db"
"$api_bin" generate --db "$db" --products 300 --seed 7 >/dev/null
"$api_bin" serve --db "$db" --listen 127.0.0.1:0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
# Wait for the one "listening on URL" line (bounded; fail loudly).
for _ in $(seq 1 600); do
  grep -q "^listening on " "$tmp/serve.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }
  sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$tmp/serve.out")"
[ -n "$url" ] || { echo "collect_corpus: the server did not start" >&2; exit 1; }

read -r store kiosk token < <("$api_bin" tokens --db "$db" | head -n 1)
read -r staff_id staff_store pin _name < <("$api_bin" staff --db "$db" | awk -v s="$store" '$2 == s' | head -n 1)
read -r card _cname < <("$api_bin" customers --db "$db" --limit 1)

get() { curl -sS -H "Authorization: Bearer $token" "$@"; }
post() {  # post PATH BODY [curl args...]
  local path="$1" body="$2"; shift 2
  curl -sS -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "$body" "$@" "$url$path"
}
keep() {  # keep TARGET NAME: stdin to corpus/TARGET/NAME
  mkdir -p "$corpus/$1"
  cat >"$corpus/$1/$2"
}

# --- the sync feed: the first pages, a page after a day of business (upserts and deletes), the end
get "$url/v1/catalog/changes?limit=5" | keep sync_page page_first_5.json
cursor="$(jq -r .next_cursor "$corpus/sync_page/page_first_5.json")"
get "$url/v1/catalog/changes?limit=2&since=$cursor" | keep sync_page page_next_2.json
last="$cursor"
while :; do
  page="$(get "$url/v1/catalog/changes?limit=1000&since=$last")"
  [ "$(jq -r .has_more <<<"$page")" = true ] || break
  last="$(jq -r .next_cursor <<<"$page")"
done
last="$(jq -r .next_cursor <<<"$page")"
get "$url/v1/catalog/changes?limit=5&since=$last" | keep sync_page page_empty_end.json
"$api_bin" mutate --db "$db" --percent 10 --seed 11 >/dev/null
# Small pages of the day's changes until one holds a deletion.
since="$last"
for _ in $(seq 1 100); do
  page="$(get "$url/v1/catalog/changes?limit=2&since=$since")"
  if jq -e '[.changes[].op] | index("delete")' <<<"$page" >/dev/null; then
    printf '%s' "$page" | keep sync_page page_with_delete_2.json
    break
  fi
  [ "$(jq -r .has_more <<<"$page")" = true ] || break
  since="$(jq -r .next_cursor <<<"$page")"
done
printf '%s' "$cursor" | keep sync_cursor cursor_first
printf '%s' "$last" | keep sync_cursor cursor_end
printf '%s' "c1.0.0.0" | keep sync_cursor cursor_zero

# --- typed answers
product_id="$(jq -r '.changes[0].product.id' "$corpus/sync_page/page_first_5.json")"
skus="$(jq -r '[.changes[].product.variants[]?.sku] | .[0:3] | join(",")' "$corpus/sync_page/page_first_5.json")"
sku="${skus%%,*}"
get "$url/v1/kiosks/me" | keep api_response identity.json
get "$url/v1/stores" | keep api_response stores.json
get "$url/v1/catalog/categories" | keep api_response categories.json
get "$url/v1/catalog/products/$product_id" | keep api_response product.json
get "$url/v1/availability?skus=$skus&near=$store" | keep api_response availability.json
quote_body="{\"lines\":[{\"sku\":\"$sku\",\"quantity\":1}]}"
post /v1/quotes "$quote_body" | keep api_response quote.json
price="$(jq -c '.lines[0].unit_price' "$corpus/api_response/quote.json")"
order_body="{\"lines\":[{\"sku\":\"$sku\",\"quantity\":1,\"unit_price\":$price}],\"fulfilment\":{\"type\":\"delivery\",\"address\":{\"name\":\"Jeanne Test\",\"line1\":\"1 rue de la Paix\",\"postcode\":\"75002\",\"city\":\"Paris\",\"country\":\"FR\"}},\"contact\":{\"email\":\"jeanne@example.org\"},\"loyalty_card\":\"$card\",\"payment\":{\"method\":\"pay_on_phone\"},\"channel\":{\"store_id\":\"$store\",\"kiosk_id\":\"$kiosk\"}}"
post /v1/orders "$order_body" -H "Idempotency-Key: fuzz-corpus-1" | keep api_response order.json
number="$(jq -r .number "$corpus/api_response/order.json")"
get "$url/v1/orders/$number" | keep api_response order_get.json
session="$(post /v1/staff/sessions "{\"pin\":\"$pin\",\"staff_id\":\"$staff_id\"}")"
staff_token="$(jq -r .token <<<"$session")"
# No credential in the repository, not even a throwaway one: the token is replaced (same shape).
printf '%s' "${session//$staff_token/0123456789abcdef0123456789abcdef0123456789abcdef}" | keep api_response staff_session.json
get -H "X-Staff-Session: $staff_token" "$url/v1/orders?loyalty_card=$card" | keep api_response order_list.json
get -H "X-Staff-Session: $staff_token" "$url/v1/customers/by-card/$card" | keep api_response customer_history.json
# Problem documents (the client reads them on every error).
get "$url/v1/catalog/products/no-such-product" | keep api_response problem_404.json
post /v1/quotes '{"lines":[{"sku":5}]}' | keep api_response problem_422.json
post /v1/staff/sessions '{"pin":"0000"}' | keep api_response problem_401.json

# --- request bodies the server reads
heartbeat="{\"version\":\"0.1.0\",\"catalog_cursor\":\"$last\",\"outbox_depth\":0,\"uptime_s\":3600,\"last_error\":\"HTTP 503\"}"
events='{"events":[{"type":"search","at":"2026-11-23T17:30:00+01:00","session_id":"s-1","data":{"query":"pull","results":12}},{"type":"product_view","at":"2026-11-23T17:30:05+01:00","session_id":"s-1","data":{"product_id":"P1"}}]}'
printf '%s' "$heartbeat" | keep server_body heartbeat.json
printf '%s' "$events" | keep server_body events.json
printf '%s' "$quote_body" | keep server_body quote_request.json
printf '%s' "$order_body" | keep server_body order_request.json
printf '%s' "{\"pin\":\"123456\",\"staff_id\":\"$staff_id\"}" | keep server_body staff_session_request.json

# --- the bounded parser: a few of the above, as they are
for f in api_response/product.json api_response/quote.json api_response/problem_422.json server_body/events.json; do
  cp "$corpus/$f" "$corpus/json_bounded/$(basename "$f")"
done

# --- images: a product image at the sizes the server offers (the first one, small)
image_url="$(jq -r '.images[0].url' "$corpus/api_response/product.json")"
case "$image_url" in http*) ;; *) image_url="$url$image_url";; esac
get "$image_url?w=64" | keep image product_64.jpg
echo "collect_corpus: $(find "$corpus" -type f | wc -l) seed files, $(du -sk "$corpus" | cut -f1) KB in $corpus"
