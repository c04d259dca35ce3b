#!/usr/bin/env bash
# The main job on the bundled example articles: install what is missing,
# build, import examples/articles into the default database
# ($STANCEGRAPH_DB or ./stancegraph.db), then print the contradictions report.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
SG="$ROOT/${SG_BUILD_DIR:-build}/cli/stancegraph"
"$SG" import "$ROOT/examples/articles"
if "$SG" report --help >/dev/null 2>&1; then
  "$SG" report
else
  "$SG" query contradictions
fi
