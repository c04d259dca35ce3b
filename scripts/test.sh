#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, runs every test.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" -DSG_WERROR=ON
cd "$ROOT/${SG_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" --timeout 600
