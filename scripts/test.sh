#!/usr/bin/env bash
# Installs what is missing, builds verbatim and its tests (warnings are errors) and runs
# every test through CTest. Extra arguments go to ctest (e.g. -L unit, -L e2e) and stop
# there. With no arguments it goes on (as CI does): the suite again under AddressSanitizer
# and UBSan (clang; the same build holds the libFuzzer targets), all but the tests labelled
# slow, with zero reports allowed, then each fuzzer for a bounded time
# (VERBATIM_FUZZ_SECONDS, default 20).
# VERBATIM_SANITIZE_STAGE=0 skips those two stages, for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Wall and processor time (user+sys of this script and its children) of each stage.
stage_start=$SECONDS
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
stage_cpu() {  # sets cpu_now; `times` must run in this shell, not in a $(...) subshell
  times >"$times_file"
  cpu_now=$(awk '{ for (i = 1; i <= NF; i++) { split($i, t, /[ms]/); c += t[1] * 60 + t[2] } }
                 END { printf "%.0f", c }' "$times_file")
}
stage_cpu
cpu_start=$cpu_now
stage_done() {
  stage_cpu
  echo "== $1: $((SECONDS - stage_start)) s wall, $((cpu_now - cpu_start)) s processor (user+sys)"
  stage_start=$SECONDS cpu_start=$cpu_now
}

scripts/deps.sh test
# Line tables (-g1) are enough for backtraces, and compile in two thirds of the time of -g.
# A unity build (eight files compiled as one) parses Xapian, ICU and the standard library
# an eighth as often: a clean build in less time (an edit recompiles its batch, so a
# working build folder may prefer it off).
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DVERBATIM_WERROR=ON \
      -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 >/dev/null
cmake --build build-test
stage_done "build (gcc)"
(cd build-test && ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@")
stage_done "tests"
[[ $# -gt 0 ]] && exit 0
[[ "${VERBATIM_SANITIZE_STAGE:-1}" == 0 ]] && exit 0

echo "== the whole suite under ASan and UBSan"
export VERBATIM_FUZZ_BUILD=build-sanitize
scripts/fuzz.sh --configure-only
# Everything but the benchmarks and the tests labelled slow (scale, not memory: they ran
# above in the optimised build): each test's executable, and the fuzz targets.
# (tests that run a script, such as unit_layers, have no executable of their own)
mapfile -t sanitized_tests < <(cd build-sanitize && ctest -N -LE slow | sed -n 's/^ *Test *#[0-9]*: //p' |
                               grep -x -F -f <(ninja -t targets all | sed 's/:.*//'))
mapfile -t fuzz_targets < <(sed -n 's/^targets=(\(.*\))$/\1/p' scripts/fuzz.sh | tr ' ' '\n' | sed 's/^/fuzz_/')
cmake --build build-sanitize --target "${sanitized_tests[@]}" "${fuzz_targets[@]}"
stage_done "build (clang, ASan+UBSan, fuzzers)"
# Every report, from a test or from any process it starts (verbatim, its PDF readers), goes
# to a file: a report in a child whose failure the test expects still fails the stage.
reports="$PWD/build-sanitize/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$reports/report"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/report"
# Only fontconfig's one-time allocation (reached through Poppler) is suppressed.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
(cd build-sanitize && ctest --output-on-failure --timeout 900 -j "$(nproc)" -LE slow)
# Every file is a report (an error, a leak, undefined behaviour) unless each of its lines is
# a note LeakSanitizer writes that is not one: "Unable to get registers from thread N" when a
# thread ends while the leak check stops the world (it then scans that thread's whole stack).
note='==[0-9]+==Unable to get registers from thread [0-9]+\.'
if compgen -G "$reports/report.*" >/dev/null; then
  mapfile -t real < <(grep -l -v -x -E "$note" "$reports"/report.* || true)
  if [[ ${#real[@]} -gt 0 ]]; then
    echo "verbatim: sanitizer reports (zero allowed):" >&2
    cat "${real[@]}" >&2
    exit 1
  fi
  echo "verbatim: sanitizer notes (not reports):"
  cat "$reports"/report.*
fi
stage_done "tests under ASan+UBSan"

echo "== fuzzing"
scripts/fuzz.sh "${VERBATIM_FUZZ_SECONDS:-20}"
stage_done "fuzzing"
