#!/usr/bin/env bash
# Configures and builds stancegraph into build/ (or $SG_BUILD_DIR).
# Extra arguments go to cmake, e.g. -DSG_SANITIZE=ON; $SG_BUILD_TARGETS, when
# set, names the targets to build (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${SG_BUILD_DIR:-build}"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the clone, so another clone reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
# shellcheck disable=SC2086  # a list of target names
cmake --build "$BUILD_DIR" -j "$(nproc)" ${SG_BUILD_TARGETS:+--target $SG_BUILD_TARGETS}
