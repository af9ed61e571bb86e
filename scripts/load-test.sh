#!/usr/bin/env bash
# Load test of `verbatim serve` (a benchmark, not a CTest test): wrk for 20 s at 32
# connections against /api/search, rotating six queries (words, a phrase, OR, NOT, a
# filter, facets on), and prints requests/s, errors and p50/p99 latency.
# Usage: scripts/load-test.sh [BUILD_DIR]   (default build; built Release if missing)
#   VERBATIM_DB=DIR       serve that index instead of indexing corpus/ afresh
#   DURATION=20s CONNECTIONS=32 THREADS=2
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}

command -v wrk >/dev/null || { echo "load-test: wrk is missing: apt-get install wrk" >&2; exit 2; }
if [[ ! -x "$build/cli/verbatim" ]]; then
  scripts/deps.sh build
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target verbatim
fi
verbatim=$build/cli/verbatim

work=$(mktemp -d)
server=""
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db=${VERBATIM_DB:-}
if [[ -z $db ]]; then
  db=$work/db
  "$verbatim" index --db "$db" corpus/ >/dev/null 2>&1 || [[ $? -eq 1 ]]
fi
"$verbatim" serve --db "$db" --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 100); do
  grep -q "http://" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url=$(grep -o 'http://[^ ]*' "$work/serve.out") || { cat "$work/serve.err" >&2; exit 2; }

# Each request takes the next query of the list.
cat >"$work/queries.lua" <<'LUA'
local queries = {
  "/api/search?q=non-punishment",
  "/api/search?q=%22joint%20investigation%20teams%22",
  "/api/search?q=victims%20OR%20survivors&sort=newest",
  "/api/search?q=trafficking%20-children&offset=10",
  "/api/search?q=protection%20year%3A2020&facets=0",
  "/api/search?q=trafficking&group=meeting",
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", queries[(n % #queries) + 1])
end
LUA

echo "wrk: $duration, $connections connections, $threads threads against ${url}api/search ($(nproc) cores)"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/queries.lua" "$url" | tee "$work/wrk.out"

requests=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")
socket=$(grep -o 'Socket errors:.*' "$work/wrk.out" || true)
echo
echo "requests/s: $requests"
echo "errors:     ${non2xx:-0} non-2xx${socket:+; $socket}"
echo "latency:    p50 $p50, p99 $p99"
