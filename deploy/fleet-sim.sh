#!/usr/bin/env bash
# Fleet simulation: what the central commerce API (central-api) costs as a fleet of kiosks grows.
# Builds fleet_sim and central-api in build/release, then runs fleet_sim for N = 10, 100 and 500
# kiosks: each N on a freshly generated demo database (2 000 products) with its own central-api
# on a free loopback port, the kiosks calling at a busy store's real rates (heartbeat every
# 60 s and an events batch after it, delta sync every 300 s, 12 shopper sessions an hour each
# with 3 availability checks, a quote one time in two and an order one time in five) for
# FLEET_SECONDS; then a saturation run (writes only, 32 writers, 20 s) that finds where
# SQLite's single writer becomes the limit and the fleet size that would reach it.
# Prints per N one line per call kind (count, calls/s, latency p50/p99/max, errors), the server's
# CPU (share of one core), resident memory (end, peak) and database size, then the saturation
# line. Takes about 5 minutes with the defaults; everything runs in a temporary directory that is
# removed at the end.
#   deploy/fleet-sim.sh [extra fleet_sim options]     e.g. --json, --speed 10, --kiosks 1000
#   FLEET_KIOSKS=10,100,500   fleet sizes
#   FLEET_SECONDS=60          wall time per fleet size
#   FLEET_SPEED=1             rate multiplier (10: ten minutes of a store's day per minute)
#   FLEET_PRODUCTS=2000       demo catalogue size
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/release/CMakeCache.txt ] || cmake --preset release >/dev/null
cmake --build --preset release --target fleet_sim central-api
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
build/release/tests/bench/fleet_sim --kiosks "${FLEET_KIOSKS:-10,100,500}" --seconds "${FLEET_SECONDS:-60}" \
  --speed "${FLEET_SPEED:-1}" --products "${FLEET_PRODUCTS:-2000}" "$@"
