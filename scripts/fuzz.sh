#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang under ASan and UBSan, and runs each for a
# bounded time on a copy of its seed corpus (fuzz/corpus/<target>/), two at a time.
# Usage: scripts/fuzz.sh [SECONDS per target, default 45] | --build-only | --configure-only
# The targets added for issue 16 (decode, pdf_wire, page_layout, document) run for 2/3 of
# that (20 s of 30), so nine targets take about the time seven would.
# The build folder is $VERBATIM_FUZZ_BUILD (default build-fuzz); it also builds the tests,
# so scripts/test.sh runs the sanitizer suite from the same build.
# A crash leaves its input in <build>/findings/<target>/: make it a doctest case, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."

build="${VERBATIM_FUZZ_BUILD:-build-fuzz}"
targets=(query reference structure annotations unit_record decode pdf_wire page_layout document)
scripts/deps.sh test
# -O1 with line tables: the usual sanitizer setting, and it compiles much faster than -O2 -g.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
      -DCMAKE_CXX_COMPILER=clang++ "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only -fsanitize=fuzzer-no-link" \
      -DVERBATIM_SANITIZE=ON -DVERBATIM_FUZZ=ON -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 >/dev/null
if [[ "${1:-}" == --build-only ]]; then
  cmake --build "$build"
  exit 0
fi
[[ "${1:-}" == --configure-only ]] && exit 0
seconds="${1:-45}"
new_seconds=$(( seconds * 2 / 3 > 0 ? seconds * 2 / 3 : 1 ))
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Seeds from the seed corpus, made here (nothing big is committed): the first 4 KB of
# its text files for the text targets, and for the PDF wire real messages built from
# their words (scripts/fuzz-seeds.py).
seed_from_corpus() {
  local t=$1 work=$2
  case "$t" in
    decode|document|page_layout)
      for f in corpus/*.txt; do head -c 4096 "$f" >"$work/corpus-$(basename "$f")"; done ;;
    pdf_wire) python3 scripts/fuzz-seeds.py pdf_wire "$work" ;;
  esac
}
fuzz_one() {
  local t=$1 work="$build/fuzz-corpus/$1" findings="$build/findings/$1" log="$build/fuzz_$1.log"
  local secs=$seconds
  case "$t" in decode|pdf_wire|page_layout|document) secs=$new_seconds ;; esac
  mkdir -p "$work" "$findings"
  cp -n "fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
  seed_from_corpus "$t" "$work"
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 "$work" >"$log" 2>&1; then
    echo "fuzz_$t: FOUND A CRASH, input in $findings/ (log: $log)" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
  local runs
  runs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$t: ${secs} s, ${runs} inputs run, no crash"
}

# Two at a time: one per core.
status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  pids=()
  for t in "${targets[@]:i:2}"; do fuzz_one "$t" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
done
exit $status
