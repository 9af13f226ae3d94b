#!/usr/bin/env bash
# down.sh BUILD_DIR — the ctest fixture medusa.down: stops the demo backend that up.sh started in
# BUILD_DIR/medusa (deploy/medusa/stop.sh). Nothing set up there (up.sh failed early): nothing to do.
set -euo pipefail
[ "$#" -eq 1 ] || { echo "usage: $(basename "$0") BUILD_DIR" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="$1/medusa"
if [ ! -f "$DIR/env" ]; then
  echo "medusa.down: $DIR is not set up; nothing to stop"
  exit 0
fi
exec "$ROOT/deploy/medusa/stop.sh" "$DIR"
