#!/usr/bin/env bash
# Times `agreed` on a 100-word draft (bench/data/draft-100-words.txt), in process, warm.
# Corpus: corpus/ plus the UN General Debate corpus when it is there
# ($VERBATIM_BENCH_CORPUS, default ../shared/ext/ungdc; get it from Harvard Dataverse,
# doi:10.7910/DVN/0TJX8Y, and unpack it anywhere). Prints the median. Never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
ungdc="${VERBATIM_BENCH_CORPUS:-../shared/ext/ungdc}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target verbatim verbatim_bench >/dev/null
inputs=(corpus/)
name=corpus
if [[ -d "$ungdc" ]]; then inputs+=("$ungdc"); name=corpus+ungdc; else
  echo "note: $ungdc not found; timing on corpus/ only (set VERBATIM_BENCH_CORPUS)" >&2; fi
db="build/bench/$name.db"
mkdir -p build/bench
./build/cli/verbatim index --db "$db" "${inputs[@]}" >/dev/null 2>&1 || true
echo "index: $db ($(du -sh "$db" | cut -f1)), draft: $(wc -w < bench/data/draft-100-words.txt) words"
./build/bench/verbatim_bench agreed "$db" bench/data/draft-100-words.txt "${RUNS:-50}"
