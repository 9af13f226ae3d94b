#!/usr/bin/env bash
# Makes the README's screenshots: a reference server with a fresh 2 000-product demo retailer on
# a free loopback port, the kiosk walking deploy/tour.json headless, then two staff-mode walks
# (landscape in French, portrait in English: PIN, staff home, full sheet, assisted order, customer
# history, order lookup), the PNGs into docs/screenshots/.
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
# Staff mode: a staff member of the store and a loyalty card of the demo retailer.
read -r _ _ pin _ < <("$B/central_api/central-api" staff --db "$tmp/demo.db" | grep '^s-paris-rivoli-1 ')
read -r card _ < <("$B/central_api/central-api" customers --db "$tmp/demo.db" --limit 1)
pin_taps=""
for ((i = 0; i < ${#pin}; i++)); do pin_taps+="{\"tap\": \"staff.pin.${pin:i:1}\"}, "; done
cat > "$tmp/staff-landscape.json" <<JSON
{"viewport": [1920, 1080], "steps": [
  {"wait": {"screen": "attract", "visible": "attract.start"}, "timeout_ms": 120000},
  {"tap": "attract.start"}, {"long_press": "nav.logo"},
  {"tap": "staff.pin.1"}, {"tap": "staff.pin.2"}, {"tap": "staff.pin.3"}, {"tap": "staff.pin.4"}, {"tap": "staff.pin.ok"},
  {"wait": {"screen": "staff_pin", "text": "Code incorrect. Encore 4 essai(s) avant le blocage."}, "timeout_ms": 10000},
  {"tap": "staff.pin.1"}, {"tap": "staff.pin.2"},
  {"screenshot": "20-staff-pin.png"},
  {"tap": "staff.pin.clear"}, ${pin_taps}{"tap": "staff.pin.ok"},
  {"wait": {"screen": "staff_home"}, "timeout_ms": 10000},
  {"screenshot": "21-staff-home.png"},
  {"tap": "staff.home.browse"}, {"tap": "home.category.mode"},
  {"wait": {"screen": "category", "visible": "grid.item.0"}, "timeout_ms": 10000},
  {"tap": "grid.item.2"},
  {"wait": {"screen": "product", "visible": "product.stock_matrix"}, "timeout_ms": 10000},
  {"frames": 30}, {"screenshot": "22-staff-product.png"},
  {"tap": "product.add_to_cart"}, {"tap": "nav.cart"}, {"tap": "cart.checkout"},
  {"wait": {"screen": "checkout", "visible": "checkout.pickup"}, "timeout_ms": 10000},
  {"tap": "checkout.delivery"},
  {"tap": "checkout.field.name"}, {"type": "Marie Dupont"},
  {"tap": "checkout.field.line1"}, {"type": "12 rue des Lilas"},
  {"tap": "checkout.field.postcode"}, {"type": "75011"},
  {"tap": "checkout.field.city"}, {"type": "Paris"},
  {"tap": "checkout.field.phone"}, {"type": "0612345678"},
  {"tap": "checkout.field.loyalty_card"}, {"type": "${card}"},
  {"tap": "checkout.keyboard_done"},
  {"tap": "checkout.payment.pay_at_till"}, {"tap": "checkout.place_order"},
  {"wait": {"screen": "confirmation", "visible": "confirmation.served_by"}, "timeout_ms": 20000},
  {"screenshot": "23-staff-confirmation.png"},
  {"tap": "confirmation.done"}, {"tap": "staff.home.customer"}, {"type": "${card}"}, {"tap": "staff.customer.search"},
  {"wait": {"screen": "staff_customer", "visible": "staff.history.0"}, "timeout_ms": 10000},
  {"screenshot": "24-staff-customer.png"},
  {"tap": "staff.menu"}, {"tap": "staff.home.orders"}, {"type": "${card}"}, {"tap": "staff.orders.search"},
  {"wait": {"screen": "staff_orders", "visible": "staff.orders.result.0"}, "timeout_ms": 10000},
  {"screenshot": "25-staff-orders.png"},
  {"tap": "staff.lock"}
]}
JSON
cat > "$tmp/staff-portrait.json" <<JSON
{"viewport": [1080, 1920], "steps": [
  {"wait": {"screen": "attract", "visible": "attract.start"}, "timeout_ms": 120000},
  {"tap": "attract.start"}, {"tap": "nav.language.en"}, {"long_press": "nav.logo"},
  ${pin_taps}{"tap": "staff.pin.ok"},
  {"wait": {"screen": "staff_home"}, "timeout_ms": 10000},
  {"screenshot": "26-staff-home-portrait-en.png"},
  {"tap": "staff.home.customer"}, {"type": "${card}"}, {"tap": "staff.customer.search"},
  {"wait": {"screen": "staff_customer", "visible": "staff.history.0"}, "timeout_ms": 10000},
  {"tap": "staff.history.0"},
  {"wait": {"screen": "product", "visible": "product.stock_matrix"}, "timeout_ms": 10000},
  {"frames": 30}, {"screenshot": "27-staff-product-portrait-en.png"},
  {"tap": "staff.lock"}
]}
JSON
for tour in staff-landscape staff-portrait; do
  "$B/kiosk/kiosk" --config deploy/demo.toml --api "$url" --token-file "$tmp/token" --replica "$tmp/replica" \
    --outbox "$tmp/outbox" --cache "$tmp/cache" --headless --script "$tmp/$tour.json" --out "$tmp/out"
done
mkdir -p docs/screenshots
cp "$tmp"/out/*.png docs/screenshots/
echo "screenshots: docs/screenshots/ ($(ls "$tmp"/out/*.png | wc -l) files)"
