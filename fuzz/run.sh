#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ (or
# $SG_FUZZ_BUILD_DIR) and runs each for $SG_FUZZ_SECONDS (default 20) seconds,
# seeded with the test fixtures, the nasty inputs and the regressions. An input
# that crashes, hangs or runs out of memory is copied to
# fuzz/regressions/<target>/ (commit it with the fix: the importers tests
# replay that folder) and the script fails. Prints executions per target.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$ROOT/${SG_FUZZ_BUILD_DIR:-build-fuzz}"
SECONDS_PER_TARGET="${SG_FUZZ_SECONDS:-20}"
TARGETS=(text html feed articles_jsonl claims_jsonl claims_csv extractor)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"

CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSG_FUZZ=ON -DSG_BUILD_TESTS=OFF -DSG_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" --target fuzz_targets -j "$(nproc)"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# UBSan reports are findings too; leaks in a one-shot parse are not checked.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1"

seeds() {
  local t="$1" f
  case "$t" in
    text|extractor) f="txt" ;;
    html) f="html" ;;
    feed) f="xml rss atom" ;;
    articles_jsonl) f="jsonl" ;;
    claims_jsonl) f="jsonl" ;;
    claims_csv) f="csv" ;;
  esac
  for ext in $f; do
    find "$ROOT/tests/importers/fixtures" "$ROOT/tests/importers/nasty" "$ROOT/tests/cli/fixtures" \
      "$ROOT/examples" -maxdepth 2 -type f -name "*.$ext" -size -64k 2>/dev/null
  done
  if [[ -d "$ROOT/fuzz/regressions/$t" ]]; then
    find "$ROOT/fuzz/regressions/$t" -type f ! -name README.md
  fi
}

failed=0
total=0
for t in "${TARGETS[@]}"; do
  corpus="$WORK/corpus-$t"
  mkdir -p "$corpus"
  seeds "$t" | while read -r f; do cp "$f" "$corpus/" 2>/dev/null || true; done
  log="$WORK/$t.log"
  status=0
  "$BUILD/fuzz/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$WORK/found-$t-" "$corpus" \
    >"$log" 2>&1 || status=$?
  execs="$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)"
  total=$((total + ${execs:-0}))
  echo "fuzz_$t: ${execs:-0} executions in ${SECONDS_PER_TARGET}s, exit $status"
  found=("$WORK/found-$t-"*)
  if [[ $status -ne 0 || -e "${found[0]}" ]]; then
    failed=1
    mkdir -p "$ROOT/fuzz/regressions/$t"
    for a in "${found[@]}"; do [[ -e "$a" ]] && cp "$a" "$ROOT/fuzz/regressions/$t/"; done
    echo "fuzz_$t found a problem (input kept in fuzz/regressions/$t/):" >&2
    tail -40 "$log" >&2
  fi
done
echo "fuzz: $total executions over ${#TARGETS[@]} targets"
exit "$failed"
