#!/usr/bin/env bash
# Installs what stancegraph needs on Debian 12 and is missing. Idempotent:
# nothing is downloaded when everything is already there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3
  librocksdb-dev libboost-graph-dev libabsl-dev nlohmann-json3-dev catch2
  libcli11-dev libicu-dev libgumbo-dev libpugixml-dev libre2-dev
  wordnet-base zsh
  clang-14 libclang-rt-14-dev
  chromium
  # The Python module and its tests (python/): pandas and networkx make
  # answers DataFrames and graphs; their tests are skipped without them.
  pybind11-dev python3-dev python3-pytest python3-pandas python3-networkx
)
# matplotlib (for examples/python/stance_timeline.py) brings some 200 MB
# with it; SG_SETUP_PLOTS=1 installs it too.
if [[ "${SG_SETUP_PLOTS:-0}" == 1 ]]; then
  PACKAGES+=(python3-matplotlib)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
