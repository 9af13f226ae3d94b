#!/usr/bin/env bash
# deploy/medusa/bench.sh DIR [RUNS] — the Medusa backend's figures beside the reference server's,
# on the same machine: full sync, delta sync, quote and order round trip (backend_bench, RUNS runs
# each, default 5; places real orders), and keystroke search latency on each replica
# (catalog_bench --search-only). Medusa must be running from DIR (deploy/medusa/start.sh DIR); the
# reference server is started here on a fresh 34-product demo retailer (Medusa's demo has 34).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ "$#" -ge 1 ] || { echo "usage: deploy/medusa/bench.sh DIR [RUNS]" >&2; exit 2; }
M="$(cd "$1" && pwd)"; RUNS="${2:-5}"
[ -f "$M/medusa.port" ] || { echo "bench.sh: Medusa is not running from $M: deploy/medusa/start.sh $M" >&2; exit 1; }
cd "$ROOT"
cmake --build --preset release --target backend_bench catalog_bench central-api >/dev/null
B=build/release
T="$(mktemp -d)"
api_pid=""
cleanup() { [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

cat >"$T/medusa.toml" <<TOML
[api]
backend = "medusa"
url = "http://127.0.0.1:$(cat "$M/medusa.port")"
[medusa]
publishable_key_file = "$M/publishable-key"
region = "France"
kiosk_id = "K-BENCH"
store = "PAR-RIVOLI"
TOML
"$B/central_api/central-api" generate --db "$T/native.db" --products 34 >/dev/null 2>&1
"$B/central_api/central-api" tokens --db "$T/native.db" | head -1 | cut -d' ' -f3 >"$T/native.token"
"$B/central_api/central-api" serve --db "$T/native.db" --listen 127.0.0.1:0 >"$T/native.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$T/native.log" && break; sleep 0.1; done
native_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$T/native.log" | head -1)"
[ -n "$native_url" ] || { cat "$T/native.log" >&2; exit 1; }
cat >"$T/native.toml" <<TOML
[api]
url = "$native_url"
token_file = "$T/native.token"
TOML

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| backend | catalogue | full sync | delta sync (nothing changed) | quote | order (outbox send to acknowledged) |"
echo "|---|---|---|---|---|---|"
for b in native medusa; do
  "$B/tests/bench/backend_bench" --config "$T/$b.toml" --runs "$RUNS" --replica "$T/$b-replica"
done
for b in native medusa; do
  echo
  echo "search on the $b replica:"
  "$B/tests/bench/catalog_bench" --api http://127.0.0.1:1 --token-file "$T/native.token" --search-only 1 \
    --replica "$T/$b-replica" --queries 1000 2>/dev/null | grep "^| search keystroke"
done
