#!/bin/sh
# Snapshot of what verbatim reads from documents: every document's metadata and units
# (`verbatim show --json`), one JSON document per line, sorted by document id. Run it
# before and after a change to the extract or structure stages and diff the two files:
# a refactor leaves them identical, a deliberate change shows exactly what it changed.
# Paths under the current folder are written relative to it, so that two checkouts of
# the repository (git worktrees) give the same snapshot.
#
#   scripts/structure-snapshot.sh BIN OUT INPUT...
#     BIN    the verbatim binary (build/cli/verbatim)
#     OUT    the snapshot file to write
#     INPUT  files or folders to index (into a temporary index)
set -eu
[ $# -ge 3 ] || { echo "usage: $0 BIN OUT INPUT..." >&2; exit 2; }
bin=$1 out=$2
shift 2
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
"$bin" --db "$db/index" index "$@" >/dev/null 2>"$db/problems" || true
"$bin" --db "$db/index" check --json |
    python3 -c 'import json,sys; [print(d["doc"]) for d in json.load(sys.stdin)["documents"]]' |
    sort >"$db/ids"
: >"$out"
while read -r id; do
    "$bin" --db "$db/index" show --json "$id" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True, ensure_ascii=False))' >>"$out"
done <"$db/ids"
# The summary line without its time and temporary folder.
sed -E "s/, in [0-9.]+ s -> .*//" "$db/problems" | sort >>"$out"
here=$(pwd)/
python3 - "$out" "$here" <<'EOF'
import sys
path, here = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    text = f.read()
with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write(text.replace(here, ""))
EOF
echo "$(wc -l <"$db/ids") documents -> $out" >&2
