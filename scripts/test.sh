#!/usr/bin/env bash
# Installs what is missing, builds verbatim and its tests (warnings are errors) and runs
# every test through CTest. Extra arguments go to ctest (e.g. -L unit, -L e2e).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERBATIM_WERROR=ON >/dev/null
cmake --build build-test
cd build-test
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
