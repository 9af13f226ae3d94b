#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine, builds, and runs the whole test suite.
#   deploy/test.sh            release build (build/release)
#   deploy/test.sh asan       the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   deploy/test.sh tsan       the same under ThreadSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
case "$preset" in release|debug|asan|tsan) ;; *) echo "test.sh: unknown preset '$preset' (release, debug, asan, tsan)" >&2; exit 2;; esac

./deploy/setup.sh
cmake --preset "$preset" -DKIOSK_LAYERS="catalog_client;central_api;render;kiosk" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset"
