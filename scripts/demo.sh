#!/usr/bin/env bash
# Installs what is missing, builds verbatim (Release), indexes corpus/ and runs a search.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVERBATIM_TESTS=OFF >/dev/null
cmake --build build --target verbatim
db=build/demo.db
./build/cli/verbatim index --db "$db" corpus/
echo
echo "\$ verbatim search --db $db --limit 5 non-punishment"
./build/cli/verbatim search --db "$db" --limit 5 non-punishment
echo
echo "Try: ./build/cli/verbatim cite --db $db \"CTOC/COP/WG.4/2020/4, para. 12\""
