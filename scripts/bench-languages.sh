#!/usr/bin/env bash
# Phrase, elision and Han substring queries in the six UN languages, over the test set of
# the United Nations Parallel Corpus v1.0 (4,000 aligned sentences per language; default
# ../shared/ext/unpc-v1.0-testsets, else $VERBATIM_REAL_DOCS/unpc-v1.0-testsets). Each
# sentence becomes its own file (LANG/LANG-NNNN.txt, in a temporary folder: the data stays
# where it is), indexed by `verbatim index`; `verbatim_bench languages` then asks every
# query and prints the share that finds its sentence in the top 5, and each miss.
#   BENCH_BUILD   build folder with verbatim and verbatim_bench (default: build)
#   SENTENCES     how many sentences per language (default: all 4000)
#   MISSES        file the misses go to (default: the build folder's bench/languages-misses.txt)
# Never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BENCH_BUILD:-build}"
ext="../shared/ext"
[[ -d "$ext" ]] || ext="${VERBATIM_REAL_DOCS:-}"
testset="$ext/unpc-v1.0-testsets/testset"
if [[ ! -d "$testset" ]]; then echo "no UNPC test set at $testset: nothing to measure" >&2; exit 2; fi
sentences="${SENTENCES:-4000}"
[[ -n "${BENCH_NO_BUILD:-}" ]] || cmake --build "$build" --target verbatim verbatim_bench >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for lang in ar en es fr ru zh; do
  mkdir -p "$work/docs/$lang"
  # One file per sentence; a symbol of its own in the manifest, so sentences that quote the
  # same document symbol stay separate documents. The language is left to detection.
  awk -v dir="$work/docs/$lang" -v lang="$lang" -v max="$sentences" '
    NR > max { exit }
    { f = sprintf("%s/%s-%04d.txt", dir, lang, NR); print > f; close(f)
      printf "[%s-%04d]\nsymbol = BENCH/%s/%04d\n\n", lang, NR, toupper(lang), NR > (dir "/manifest.ini") }
  ' "$testset/UNv1.0.testset.$lang"
done
start=$(date +%s.%N)
"$build/cli/verbatim" index --db "$work/db" "$work/docs" >/dev/null 2>"$work/index.err" || { echo "verbatim index failed:"; tail -5 "$work/index.err"; }
end=$(date +%s.%N)
echo "indexed $(find "$work/docs" -name '*.txt' | wc -l) sentences in $(printf '%.1f' "$(echo "$end - $start" | bc)") s;" \
     "index $(du -sk "$work/db" | cut -f1) KB"
misses="${MISSES:-$build/bench/languages-misses.txt}"
mkdir -p "$(dirname "$misses")"
"$build/bench/verbatim_bench" languages "$work/db" "$testset" "$sentences" > "$work/out.txt"
grep '^MISS ' "$work/out.txt" > "$misses" || true
echo "misses: $(wc -l < "$misses") (all in $misses; the first 20 of each kind below)"
awk -F': sentence' '{ if (++n[$1] <= 20) print }' "$misses" | cut -c1-200
grep -v '^MISS ' "$work/out.txt"
