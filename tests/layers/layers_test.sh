#!/usr/bin/env bash
# The layers the build enforces (verbatim_layer in CMakeLists.txt). Through a library's own
# include root, the headers of the folders it may use compile, and a header of any other
# folder is not found: the include that would tie two layers together fails to build.
# Usage: layers_test.sh CXX LAYERS_DIR SOURCE_DIR
set -uo pipefail
cxx=$1 layers=$(cd "$2" && pwd) src=$3
failures=0

# Compiled from an empty folder: a quoted include is looked for beside the including file
# first, and standard input's "folder" is the current one.
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
compile() {  # target header -> the compiler's messages; status 0 when it compiled
  (cd "$empty" && echo "#include \"$2\"" | "$cxx" -std=c++20 -fsyntax-only -x c++ -I "$layers/$1" - 2>&1)
}
sees() {
  local out
  if ! out=$(compile "$1" "$2"); then
    echo "FAIL: $1 should see $2:"; echo "$out" | head -5; failures=$((failures + 1))
  fi
}
blind_to() {
  local out
  [[ -f "$src/$2" ]] || { echo "FAIL: $2 does not exist (update this test)"; failures=$((failures + 1)); return; }
  out=$(compile "$1" "$2")
  # GCC: "HEADER: No such file or directory"; clang: "'HEADER' file not found".
  if ! grep -q -e "$2: No such file" -e "'$2' file not found" <<<"$out"; then
    echo "FAIL: $1 should not see $2, but it compiled or failed otherwise:"; echo "$out" | head -5
    failures=$((failures + 1))
  fi
}

sees verbatim_model model/unit_record.h
blind_to verbatim_model analysis/analyser.h
sees verbatim_vocabulary vocabulary/symbols.h
blind_to verbatim_vocabulary model/document.h
sees verbatim_structure vocabulary/dates.h
sees verbatim_analysis analysis/analyser.h
blind_to verbatim_analysis indexer/structure/units.h
sees verbatim_analysis vocabulary/text.h
sees verbatim_extract indexer/extract/extract.h
blind_to verbatim_extract indexer/structure/units.h
blind_to verbatim_extract indexer/index/writer.h
sees verbatim_structure indexer/structure/units.h
blind_to verbatim_structure indexer/extract/page_layout.h
blind_to verbatim_structure indexer/index/writer.h
sees verbatim_index indexer/index/writer.h
blind_to verbatim_index query/search/searcher.h
sees verbatim_query query/search/searcher.h
blind_to verbatim_query indexer/index/writer.h
blind_to verbatim_query indexer/extract/extract.h
blind_to verbatim_query indexer/structure/units.h
blind_to verbatim_query web/server.h
sees verbatim_web_server web/server.h
blind_to verbatim_web_server indexer/index/indexer.h
sees verbatim_fetch fetch/fetcher.h
blind_to verbatim_fetch indexer/index/indexer.h
blind_to verbatim_fetch query/search/searcher.h

if [[ $failures -gt 0 ]]; then echo "$failures layer check(s) failed"; exit 1; fi
echo "every layer sees what it uses and nothing else (25 checks)"
