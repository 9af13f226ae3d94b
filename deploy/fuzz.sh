#!/usr/bin/env bash
# Runs the project's libFuzzer targets (tests/fuzz/README.md), one after the other.
#   deploy/fuzz.sh [SECONDS] [TARGET...]      default: 60 seconds each, every target
#   KEEP_GOING=1 deploy/fuzz.sh 300 NAME      go on after a crash (libFuzzer's fork mode)
# Installs clang and libFuzzer's runtime when missing (Debian 12: clang-14, libclang-rt-14-dev),
# configures and builds the `fuzz` preset (build/fuzz), then runs each target on a copy of its
# seed corpus: the committed corpus (tests/fuzz/corpus/) is never modified; new inputs go to
# build/fuzz/corpus-work/<target>/, crashes to build/fuzz/crashes/<target>/. Prints a table:
# target, executions, exec/s, corpus size, crashes, and whether the past crashes of
# tests/fuzz/regressions/ pass. Exit 1 when a target crashed or a past crash still fails (the
# input of each crash is saved; tests/fuzz/README.md says how to minimise it and keep it).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

seconds="${1:-60}"
if [ $# -gt 0 ]; then shift; fi
case "$seconds" in ''|*[!0-9]*|0) echo "fuzz.sh: SECONDS must be a whole number above 0, not '$seconds'" >&2; exit 2;; esac

# --- what the fuzz build needs, installed only when missing (as deploy/setup.sh does)
./deploy/setup.sh
needed=(clang libclang-rt-14-dev)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "fuzz.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi

# --- build
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
manifest="$root/build/fuzz/fuzz_targets.tsv"
[ -f "$manifest" ] || { echo "fuzz.sh: no $manifest after the build" >&2; exit 1; }

# --- which targets
declare -A known=()
order=()
while IFS=$'\t' read -r name _rest; do known[$name]=1; order+=("$name"); done <"$manifest"
if [ $# -gt 0 ]; then
  for t in "$@"; do
    [ -n "${known[$t]:-}" ] || { echo "fuzz.sh: no target '$t' (targets: ${order[*]})" >&2; exit 2; }
  done
  order=("$@")
fi

# --- run each target for $seconds
work="$root/build/fuzz/corpus-work"
crashes="$root/build/fuzz/crashes"
logs="$root/build/fuzz/logs"
mkdir -p "$work" "$crashes" "$logs"
results=()
failed=0
for t in "${order[@]}"; do
  IFS=$'\t' read -r name program max_len dict corpus regressions options < <(awk -F'\t' -v t="$t" '$1 == t' "$manifest")
  mkdir -p "$work/$name" "$crashes/$name"
  # Past crashes first, once each: one still failing is reported (its bug is not fixed) and kept
  # out of the run, which would otherwise stop on it at once.
  replay="none"
  dirs=("$work/$name" "$corpus")
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    if "$program" -runs=0 -max_len="$max_len" -rss_limit_mb=2048 -artifact_prefix="$logs/$name.regression-" "$regressions" >"$logs/$name.regressions.log" 2>&1; then
      replay="pass"
      dirs+=("$regressions")
    else
      replay="FAIL"
      failed=1
      echo "fuzz.sh: $name: a past crash still fails (tests/fuzz/regressions/$name/):" >&2
      grep -m 2 -E "FUZZ_CHECK failed|ERROR: |^  [a-z]" "$logs/$name.regressions.log" >&2 || true
    fi
  fi
  # The committed seeds are read; new inputs are written to the work folder only.
  args=(-max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10
        -print_final_stats=1 -artifact_prefix="$crashes/$name/")
  [ "$dict" != - ] && args+=(-dict="$dict")
  # shellcheck disable=SC2206  # the target's extra flags, split on spaces on purpose
  [ "$options" != - ] && args+=($options)
  if [ "${KEEP_GOING:-0}" = 1 ]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  before=$(find "$crashes/$name" -type f | wc -l)
  log="$logs/$name.log"
  echo "fuzz.sh: $name for ${seconds}s (log: ${log#$root/})"
  status=0
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" "$program" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || status=$?
  after=$(find "$crashes/$name" -type f | wc -l)
  found=$((after - before))
  # Executions and speed: libFuzzer's final stats, or (fork mode) its last progress line.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  if [ -z "$execs" ]; then
    execs=$(sed -n 's/^#\([0-9]*\):.*/\1/p' "$log" | tail -n 1)
    execs="${execs:-0}"
    rate=$((execs / seconds))
  fi
  size=$(find "$work/$name" -type f | wc -l)
  if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    failed=1
    [ "$found" -gt 0 ] || found="exit $status"
    echo "fuzz.sh: $name FAILED; inputs in ${crashes#$root/}/$name/, the report in ${log#$root/}:" >&2
    grep -m 3 -E "ERROR: |FUZZ_CHECK failed|runtime error|SUMMARY" "$log" >&2 || true
  fi
  results+=("$(printf '%-14s %12s %8s %8s %8s %12s' "$name" "${execs:-0}" "${rate:-0}" "$size" "$found" "$replay")")
done

echo
printf '%-14s %12s %8s %8s %8s %12s\n' target executions exec/s corpus crashes regressions
for r in "${results[@]}"; do echo "$r"; done
echo "(${seconds}s per target on $(nproc) cores, $(uname -m); corpus: files in build/fuzz/corpus-work/<target>)"
exit "$failed"
