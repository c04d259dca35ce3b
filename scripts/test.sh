#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs every test
# (build/). This is what CI runs.
#
# Two further stages exist and are opt-in until they have been verified within
# CI's time budget on a clean machine:
#   SG_WITH_ASAN=1  build the same tests with AddressSanitizer and
#                   UndefinedBehaviorSanitizer (build-asan/) and run them again
#   SG_WITH_FUZZ=1  run each libFuzzer target for $SG_FUZZ_SECONDS (default 20)
#                   seconds (fuzz/run.sh, build-fuzz/, clang)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" -DSG_WERROR=ON
(cd "$ROOT/${SG_BUILD_DIR:-build}" && ctest --output-on-failure -j "$(nproc)" --timeout 600)

if [[ "${SG_WITH_ASAN:-0}" == 1 ]]; then
  SG_BUILD_DIR=build-asan "$ROOT/scripts/build.sh" -DSG_WERROR=ON -DSG_SANITIZE=ON \
    -DSG_BUILD_BENCH=OFF
  # halt_on_error: a UBSan report fails the test instead of scrolling by.
  (cd "$ROOT/build-asan" &&
    ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
    ctest --output-on-failure -j "$(nproc)" --timeout 900)
fi

if [[ "${SG_WITH_FUZZ:-0}" == 1 ]]; then
  "$ROOT/fuzz/run.sh"
fi
