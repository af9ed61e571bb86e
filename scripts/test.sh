#!/usr/bin/env bash
# Installs what is missing, builds verbatim and its tests (warnings are errors) and runs
# every test through CTest. Extra arguments go to ctest (e.g. -L unit, -L e2e) and stop
# there. With VERBATIM_SANITIZE_STAGE=1 and no arguments it goes on: the whole suite again
# under AddressSanitizer and UBSan (clang; the same build holds the libFuzzer targets), then
# each fuzzer for a bounded time (VERBATIM_FUZZ_SECONDS, default 45).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh test
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERBATIM_WERROR=ON >/dev/null
cmake --build build-test
(cd build-test && ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@")
[[ $# -gt 0 ]] && exit 0
# The sanitizer and fuzzing stages are opt-in until a clean CI run has proven them
# (VERBATIM_SANITIZE_STAGE=1 scripts/test.sh).
[[ "${VERBATIM_SANITIZE_STAGE:-0}" == 1 ]] || exit 0

echo "== the whole suite under ASan and UBSan"
export VERBATIM_FUZZ_BUILD=build-sanitize
scripts/fuzz.sh --build-only
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Only fontconfig's one-time allocation (reached through Poppler) is suppressed.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
(cd build-sanitize && ctest --output-on-failure --timeout 900 -j "$(nproc)")

echo "== fuzzing"
scripts/fuzz.sh "${VERBATIM_FUZZ_SECONDS:-45}"
