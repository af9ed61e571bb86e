#!/usr/bin/env bash
# Query latency of one index against the same documents split into 1, 2 and 4 local shards
# and into 4 shards served by xapian-tcpsrv on loopback (warm, in process:
# verbatim_bench search). Also prints the per-document index size (verbatim stats --json),
# which the README's sizing estimate uses. Never a test.
#
#   scripts/bench-shards.sh                       # corpus/
#   BENCH_SHARD_CORPUS="../shared/ext/ungdc/Session 70 - 2015" scripts/bench-shards.sh
#
# Settings: BENCH_BUILD (default build-shards; BENCH_NO_BUILD=1 skips building), BENCH_RUNS (passes over the queries, default 20),
# BENCH_SHARD_CORPUS (folders to index, ':'-separated, default corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BENCH_BUILD:-build-shards}
RUNS=${BENCH_RUNS:-20}
IFS=: read -r -a CORPUS <<<"${BENCH_SHARD_CORPUS:-corpus}"
[[ -d $BUILD ]] || cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
[[ -n ${BENCH_NO_BUILD:-} ]] || ninja -C "$BUILD" verbatim verbatim_bench >/dev/null
V=$BUILD/cli/verbatim
B=$BUILD/bench/verbatim_bench
command -v xapian-tcpsrv >/dev/null || { echo "xapian-tcpsrv missing: apt-get install xapian-tools" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -KILL -- "-$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# The search lines of the bench query set that need no field of a larger corpus.
grep -P '^search\t' bench/data/queries.txt | cut -f2 | grep -v ':' >"$WORK/queries.txt" || true
[[ -s $WORK/queries.txt ]] || printf 'trafficking\nnon-punishment principle\nvictims OR witnesses\n' >"$WORK/queries.txt"

"$V" index --db "$WORK/one" "${CORPUS[@]}" 2>/dev/null || true
"$V" stats --db "$WORK/one" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
d, u, b = s["documents"], s["units"], s["bytes"]
print("index: %d documents, %d units, %.1f MB, %.1f kB per document, %.0f B per unit"
      % (d, u, b / 1e6, b / max(1, d) / 1e3, b / max(1, u)))'
for n in 2 4; do "$V" index --db "$WORK/s$n" --shard-by "$n" "${CORPUS[@]}" 2>/dev/null || true; done

# The machine may be shared: the load says how far the figures are from an idle one.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "1 shard:               $("$B" search "$WORK/one" "$WORK/queries.txt" "$RUNS" | tail -1)"
echo "2 local shards:        $("$B" search "$WORK/s2" "$WORK/queries.txt" "$RUNS" | tail -1)"
echo "4 local shards:        $("$B" search "$WORK/s4" "$WORK/queries.txt" "$RUNS" | tail -1)"

# xapian-tcpsrv signals its process group when it stops: each gets a group of its own.
port=$((20000 + RANDOM % 20000))
: >"$WORK/remote.stub"
for shard in "$WORK"/s4/shard-*; do
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$shard" >/dev/null 2>&1 &
  PIDS+=($!)
  disown
  echo "remote tcp 127.0.0.1 $port" >>"$WORK/remote.stub"
  port=$((port + 1))
done
sleep 1
echo "4 remote (loopback):   $("$B" search "$WORK/remote.stub" "$WORK/queries.txt" "$RUNS" | tail -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
