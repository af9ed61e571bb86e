#!/usr/bin/env bash
# The benchmark suite: verbatim against the tools a user would otherwise pick, side by side,
# in the same run, on the same files. Prints a table and writes it as JSON. Never a test.
#
#   scripts/bench.sh                   # everything (about an hour on 2 cores with BENCH_GROWTH="1 2 4 8")
#   BENCH_SECTIONS="text query" scripts/bench.sh
#
# Sections (BENCH_SECTIONS, default all): text, pdf, ocr, query, growth, reindex.
#   text     index the text corpus with verbatim, omindex (xapian-omega), recollindex (recoll)
#            and SQLite FTS5 (one row per verbatim unit): MB/s, docs/s, units/s, peak RSS, size
#   pdf      a PDF set of >= 200 files / >= 2,000 pages made by repetition from corpus/*.pdf and
#            ../shared/ext/un-pdfs/*.pdf: verbatim pages/s against serial pdftotext, omindex, recollindex
#   ocr      scanned pages (corpus/*.pdf rendered at 200 dpi and wrapped into image-only PDFs with
#            pdftoppm and img2pdf, BENCH_OCR_PAGES pages, default 6): OCR pages/s with an empty
#            cache, one reader (--threads 1) and two, and a re-index of the same scans from the cache
#   query    bench/data/queries.txt on the text index: in process (verbatim_bench mixed, warm)
#            and end to end (hyperfine: process start included), quest on omindex's database
#            for the queries both can run
#   growth   verbatim index at BENCH_GROWTH multiples of the corpus (renamed copies, changed first line)
#   reindex  re-index an unchanged corpus, and after one changed file (peers: unchanged only)
#
# Corpus: $VERBATIM_BENCH_CORPUS, default ../shared/ext/ungdc (the UN General Debate Corpus,
# Harvard Dataverse doi:10.7910/DVN/0TJX8Y, unpacked anywhere); corpus/*.txt when absent.
#
# Settings: BENCH_BUILD (build folder, default build-bench; configured and built here unless
# BENCH_NO_BUILD=1), BENCH_RESULTS (default ~/.cache/verbatim-bench/results.json, outside the
# repository: each run prints its figures beside those of the run before, read from there or
# from BENCH_PREVIOUS, and says what moved), BENCH_WORK (copies and
# indexes, default $BENCH_BUILD/bench-work, removed at the end unless BENCH_KEEP=1),
# BENCH_RUNS (indexing runs per tool, median, default 1), BENCH_QUERY_RUNS (passes over the
# query set in process, default 20), BENCH_E2E_RUNS (hyperfine runs per command, default 10),
# BENCH_GROWTH (default "1 2 4 8"), BENCH_THREADS (verbatim index --threads, default: its own).
set -euo pipefail
trap 'echo "[bench] failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BENCH_BUILD:-build-bench}
RESULTS=${BENCH_RESULTS:-${XDG_CACHE_HOME:-$HOME/.cache}/verbatim-bench/results.json}
WORK=${BENCH_WORK:-$BUILD/bench-work}
RUNS=${BENCH_RUNS:-1}
QRUNS=${BENCH_QUERY_RUNS:-20}
E2E_RUNS=${BENCH_E2E_RUNS:-10}
GROWTH=${BENCH_GROWTH:-"1 2 4 8"}
SECTIONS=${BENCH_SECTIONS:-"text pdf ocr query growth reindex"}
QUERIES=$ROOT/bench/data/queries.txt
has() { [[ " $SECTIONS " == *" $1 "* ]]; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
need=()
command -v omindex >/dev/null || need+=(xapian-omega)
command -v quest >/dev/null || need+=(xapian-tools)
command -v recollindex >/dev/null || need+=(recollcmd)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v img2pdf >/dev/null || need+=(img2pdf)
command -v hyperfine >/dev/null || need+=(hyperfine)
[[ -x /usr/bin/time ]] || need+=(time)
[[ -x /usr/bin/python3 ]] || need+=(python3)
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing ${need[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") \
      >/dev/null 2>&1 || log "could not install ${need[*]}; the rows that need them are left out"
  else
    log "missing: ${need[*]} (apt-get install ${need[*]}); the rows that need them are left out"
  fi
fi
have() { command -v "$1" >/dev/null; }

if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
  log "building $BUILD (Release)"
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" --target verbatim verbatim_bench >/dev/null
fi
VERBATIM=$ROOT/$BUILD/cli/verbatim
VBENCH=$ROOT/$BUILD/bench/verbatim_bench
[[ $BUILD == /* ]] && VERBATIM=$BUILD/cli/verbatim VBENCH=$BUILD/bench/verbatim_bench
THREADS_ARGS=()
[[ -n ${BENCH_THREADS:-} ]] && THREADS_ARGS=(--threads "$BENCH_THREADS")

# --- corpus -------------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK" "$(dirname "$RESULTS")"
WORK=$(cd "$WORK" && pwd)
M=$WORK/measurements.jsonl
: >"$M"
CORPUS=${VERBATIM_BENCH_CORPUS:-$ROOT/../shared/ext/ungdc}
CORPUS_NAME=ungdc
if [[ ! -d $CORPUS ]]; then
  log "no corpus at $CORPUS: get the UN General Debate Corpus from Harvard Dataverse (doi:10.7910/DVN/0TJX8Y),"
  log "unpack it and set VERBATIM_BENCH_CORPUS; falling back to corpus/*.txt (figures are then tiny)"
  CORPUS=$WORK/corpus-txt
  CORPUS_NAME=corpus-txt
  mkdir -p "$CORPUS"
  cp corpus/*.txt "$CORPUS/"
fi
CORPUS=$(cd "$CORPUS" && pwd)
corpus_bytes() { find "$@" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s+=$1} END{print s+0}'; }
BYTES=$(corpus_bytes "$CORPUS")
FILES=$(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
log "corpus $CORPUS: $FILES files, $((BYTES / 1000000)) MB"

# record KEY JSON-FIELDS: one measurement line
record() { printf '{"key":"%s",%s}\n' "$1" "$2" >>"$M"; }
# timed KEY CMD...: wall time, peak RSS, CPU of a command (its exit status is kept, not fatal)
timed() {
  local key=$1 t=$WORK/time.$$ rc=0
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" || rc=$?
  read -r wall rss user sys < <(tail -1 "$t")
  record "$key" "\"wall_s\":$wall,\"rss_kb\":$rss,\"user_s\":$user,\"sys_s\":$sys,\"rc\":$rc"
  LAST_WALL=$wall
}
size_of() { du -sb "$1" 2>/dev/null | cut -f1 | grep . || echo null; }
# recoll runs with a private RECOLL_CONFDIR and Debian's python3 first on PATH (its filters are
# Python scripts; the machine may have a pyenv python first).
recoll_conf() {  # DIR TOPDIR: a private recoll configuration indexing TOPDIR
  mkdir -p "$1"
  printf 'topdirs = %s\nloglevel = 1\n' "$2" >"$1/recoll.conf"
}

DB=$WORK/text/verbatim.db  # the text index, kept for the query and reindex sections
ODB=$WORK/text/omindex.db
RCONF=$WORK/text/recoll

# --- 1. text indexing ---------------------------------------------------------------------
if has text || has query; then
  mkdir -p "$WORK/text"
  record text.corpus "\"path\":\"$CORPUS\",\"name\":\"$CORPUS_NAME\",\"bytes\":$BYTES,\"files\":$FILES"
  text_runs=$RUNS
  has text || text_runs=1
  for ((r = 1; r <= text_runs; r++)); do
    log "text run $r/$text_runs: verbatim index"
    rm -rf "$DB"
    timed text.verbatim "$VERBATIM" index --json "${THREADS_ARGS[@]}" --db "$DB" "$CORPUS" >"$WORK/text/index.json" 2>"$WORK/text/index.err"
    record text.verbatim.summary "\"summary\":$(cat "$WORK/text/index.json"),\"size_b\":$(size_of "$DB")"
    if have omindex && { has text || has query; }; then
      log "text run $r/$text_runs: omindex"
      rm -rf "$ODB"
      timed text.omindex omindex --db "$ODB" --url / "$CORPUS" >"$WORK/text/omindex.out" 2>&1
      record text.omindex.size "\"size_b\":$(size_of "$ODB")"
    fi
    if have recollindex && has text; then
      log "text run $r/$text_runs: recollindex"
      rm -rf "$RCONF"
      recoll_conf "$RCONF" "$CORPUS"
      timed text.recoll env RECOLL_CONFDIR="$RCONF" PATH=/usr/bin:/bin HOME="$WORK" recollindex >"$WORK/text/recoll.out" 2>&1
      record text.recoll.size "\"size_b\":$(size_of "$RCONF/xapiandb")"
    fi
    if have sqlite3 && has text; then
      log "text run $r/$text_runs: SQLite FTS5, one row per verbatim unit"
      [[ -f $WORK/text/units.txt ]] || "$VBENCH" units "$DB" "$WORK/text/units.txt" >/dev/null
      rm -f "$WORK/text/fts5.db"
      timed text.fts5 sqlite3 "$WORK/text/fts5.db" \
        "CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, text, tokenize='porter unicode61');" \
        ".mode ascii" ".import '$WORK/text/units.txt' p"
      record text.fts5.size "\"size_b\":$(size_of "$WORK/text/fts5.db"),\"rows\":$(sqlite3 "$WORK/text/fts5.db" 'SELECT count(*) FROM p')"
    fi
  done
  record text.verbatim.stats "\"stats\":$("$VERBATIM" stats --json --db "$DB")"
fi

# --- 2. PDF indexing ----------------------------------------------------------------------
if has pdf; then
  P=$WORK/pdf/set
  mkdir -p "$P"
  srcs=(corpus/*.pdf)  # and the real UN PDFs from outside, when they are there
  REAL=${VERBATIM_REAL_DOCS:-$ROOT/../shared/ext}
  [[ -d $REAL/un-pdfs ]] && srcs+=("$REAL"/un-pdfs/*.pdf)
  declare -A pages_of
  for f in "${srcs[@]}"; do pages_of[$f]=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'); done
  n=0 pages=0 bytes=0
  while ((n < 200 || pages < 2000)); do
    for f in "${srcs[@]}"; do
      n=$((n + 1))
      cp "$f" "$P/$(printf '%04d' "$n")_$(basename "$f")"
      pages=$((pages + ${pages_of[$f]:-0}))
      bytes=$((bytes + $(stat -c %s "$f")))
    done
  done
  record pdf.set "\"files\":$n,\"pages\":$pages,\"bytes\":$bytes,\"sources\":${#srcs[@]}"
  log "PDF set: $n files, $pages pages"
  for ((r = 1; r <= RUNS; r++)); do
    log "pdf run $r/$RUNS: pdftotext, serially"
    timed pdf.pdftotext bash -c 'for f in "$1"/*.pdf; do pdftotext -q "$f" - >/dev/null; done' _ "$P"
    log "pdf run $r/$RUNS: verbatim index"
    rm -rf "$WORK/pdf/verbatim.db"
    timed pdf.verbatim "$VERBATIM" index --json "${THREADS_ARGS[@]}" --db "$WORK/pdf/verbatim.db" "$P" >"$WORK/pdf/index.json" 2>"$WORK/pdf/index.err"
    record pdf.verbatim.summary "\"summary\":$(cat "$WORK/pdf/index.json"),\"size_b\":$(size_of "$WORK/pdf/verbatim.db")"
    if have omindex; then
      log "pdf run $r/$RUNS: omindex"
      rm -rf "$WORK/pdf/omindex.db"
      timed pdf.omindex omindex --db "$WORK/pdf/omindex.db" --url / "$P" >"$WORK/pdf/omindex.out" 2>&1
      record pdf.omindex.size "\"size_b\":$(size_of "$WORK/pdf/omindex.db")"
    fi
    if have recollindex; then
      log "pdf run $r/$RUNS: recollindex"
      rm -rf "$WORK/pdf/recoll"
      recoll_conf "$WORK/pdf/recoll" "$P"
      timed pdf.recoll env RECOLL_CONFDIR="$WORK/pdf/recoll" PATH=/usr/bin:/bin HOME="$WORK" recollindex >"$WORK/pdf/recoll.out" 2>&1
      record pdf.recoll.size "\"size_b\":$(size_of "$WORK/pdf/recoll/xapiandb")"
    fi
  done
  rm -rf "$P" "$WORK/pdf"/*.db "$WORK/pdf/recoll"
fi

# --- 2b. OCR of scanned pages --------------------------------------------------------------
if has ocr && have img2pdf && have pdftoppm; then
  O=$WORK/ocr
  mkdir -p "$O/scans" "$O/images"
  want=${BENCH_OCR_PAGES:-6} pages=0 n=0
  for f in corpus/*.pdf; do
    ((pages >= want)) && break
    left=$((want - pages))
    total=$(pdfinfo "$f" | awk '/^Pages:/{print $2}')
    take=$((total < left ? total : left))
    n=$((n + 1))
    rm -f "$O/images"/*
    pdftoppm -r 200 -gray -png -f 1 -l "$take" "$f" "$O/images/p"
    img2pdf "$O/images"/p-*.png -o "$O/scans/scan$n.pdf"
    pages=$((pages + take))
  done
  record ocr.set "\"files\":$n,\"pages\":$pages"
  log "OCR set: $n scans, $pages pages"
  for threads in 1 2; do
    log "ocr: verbatim index, empty cache, --threads $threads"
    rm -rf "$O/cache" "$O/verbatim.db"
    timed ocr.verbatim.t$threads env XDG_CACHE_HOME="$O/cache" "$VERBATIM" index --json --threads "$threads" \
      --db "$O/verbatim.db" "$O/scans" >"$O/index.json" 2>/dev/null
    record ocr.verbatim.t$threads.summary "\"summary\":$(cat "$O/index.json")"
  done
  log "ocr: re-index of the same scans into a new index, from the cache"
  rm -rf "$O/verbatim.db"
  timed ocr.cached env XDG_CACHE_HOME="$O/cache" "$VERBATIM" index --json --db "$O/verbatim.db" "$O/scans" >"$O/index.json" 2>/dev/null
  record ocr.cached.summary "\"summary\":$(cat "$O/index.json")"
  rm -rf "$O"
fi

# --- 3. query latency ---------------------------------------------------------------------
if has query; then
  log "queries in process: $QRUNS passes over $(grep -cv '^#' "$QUERIES") lines"
  "$VBENCH" mixed "$DB" "$QUERIES" "$QRUNS" "$WORK/inproc.jsonl" >"$WORK/inproc.txt" 2>"$WORK/inproc.err"
  while read -r line; do record query.inproc "$(sed 's/^{//; s/}$//' <<<"$line")"; done <"$WORK/inproc.jsonl"
  if have hyperfine; then
    # One hyperfine run over every command; each named "tool|class|n". Quoted for hyperfine -N.
    sq() { local s=${1//\'/\'\\\'\'}; printf "'%s'" "$s"; }
    args=() i=0
    while IFS=$'\t' read -r kind text; do
      [[ -z $kind || $kind == \#* ]] && continue
      i=$((i + 1))
      case $kind in
        search) if [[ $text == *:* ]]; then cls=filter
                elif [[ " $text " =~ \ (OR|AND|NOT)\  || " $text" == *" -"* || $text == *"("* ]]; then cls=boolean
                elif [[ $text == *'"'* ]]; then cls=phrase; else cls=word; fi ;;
        *) cls=$kind ;;
      esac
      args+=(-n "verbatim|$cls|$i" "$VERBATIM $kind --db $(sq "$DB") $(sq "$text")")
      if [[ $kind == search && $cls != filter ]] && have quest && [[ -d $ODB ]]; then
        args+=(-n "quest|$cls|$i" "quest -d $(sq "$ODB") $(sq "$text")")
        args+=(-n "verbatim-common|$cls|$i" "$VERBATIM search --db $(sq "$DB") $(sq "$text")")
      fi
    done <"$QUERIES"
    log "queries end to end: hyperfine, $E2E_RUNS runs of $((${#args[@]} / 3)) commands"
    hyperfine -N -i --style none --warmup 1 --runs "$E2E_RUNS" --export-json "$WORK/e2e.json" "${args[@]}" >/dev/null 2>"$WORK/e2e.err" ||
      log "hyperfine failed: $(tail -3 "$WORK/e2e.err")"
  fi
fi

# --- 4. growth ----------------------------------------------------------------------------
max_growth=0
for g in $GROWTH; do ((g > max_growth)) && max_growth=$g; done
if has reindex && ((max_growth < 1)); then max_growth=1; fi
if (has growth || has reindex) && ((max_growth > 0)); then
  log "making $max_growth renamed copies of the corpus (changed first line)"
  # copyK/<folders>/<name>_cK.txt, first line prefixed so the content hash differs
  CORPUS="$CORPUS" DEST="$WORK/growth" N="$max_growth" perl -e '
    use File::Find; use File::Path qw(make_path);
    my ($src, $dst, $n) = @ENV{qw(CORPUS DEST N)};
    find({ no_chdir => 1, wanted => sub {
      return unless -f $_ && /\.(txt|md)$/;
      my $rel = substr($File::Find::name, length($src) + 1);
      open(my $in, "<:raw", $_) or die "$_: $!"; local $/; my $text = <$in>; close $in;
      for my $k (1 .. $n) {
        (my $name = $rel) =~ s/\.(txt|md)$/_c$k.$1/;
        my $out = "$dst/copy$k/$name"; (my $dir = $out) =~ s{/[^/]*$}{}; make_path($dir);
        open(my $o, ">:raw", $out) or die "$out: $!";
        my $t = $text; $t =~ s/^(\xEF\xBB\xBF)?/($1 \/\/ "") . "Copy $k. "/e;
        print $o $t; close $o;
      }
    }}, $src);'
fi
if has growth; then
  for g in $GROWTH; do
    dirs=()
    for ((k = 1; k <= g; k++)); do dirs+=("$WORK/growth/copy$k"); done
    gb=$(corpus_bytes "${dirs[@]}")
    log "growth ${g}x ($((gb / 1000000)) MB): verbatim index"
    rm -rf "$WORK/growth/g.db"
    timed "growth.$g" "$VERBATIM" index --json "${THREADS_ARGS[@]}" --db "$WORK/growth/g.db" "${dirs[@]}" >"$WORK/growth/index.json" 2>/dev/null
    record "growth.$g.summary" "\"multiple\":$g,\"bytes\":$gb,\"summary\":$(cat "$WORK/growth/index.json"),\"size_b\":$(size_of "$WORK/growth/g.db")"
    if [[ $g == 1 ]] && has reindex; then mv "$WORK/growth/g.db" "$WORK/growth/r.db"; else rm -rf "$WORK/growth/g.db"; fi
  done
fi

# --- 5. re-indexing -----------------------------------------------------------------------
if has reindex; then
  R=$WORK/growth/r.db
  if [[ ! -d $R ]]; then
    log "reindex: indexing the 1x copy"
    "$VERBATIM" index --db "$R" "${THREADS_ARGS[@]}" "$WORK/growth/copy1" >/dev/null 2>&1 || true
  fi
  # a document in a subfolder when there is one (ungdc: a speech, not the README); sed, not head:
  # head would end the pipe early, and pipefail would stop the script
  changed=$( (find "$WORK/growth/copy1" -mindepth 2 -type f -name '*.txt'; find "$WORK/growth/copy1" -type f -name '*.txt') | sed -n 1p)
  for r in 1 2 3; do
    log "reindex $r/3: unchanged, then one changed file"
    timed reindex.unchanged.verbatim "$VERBATIM" index --json --db "$R" "$WORK/growth/copy1" >"$WORK/reindex.json" 2>/dev/null
    record reindex.unchanged.verbatim.summary "\"summary\":$(cat "$WORK/reindex.json")"
    printf '\nA sentence added by the benchmark, run %s.\n' "$r" >>"$changed"
    timed reindex.changed.verbatim "$VERBATIM" index --json --db "$R" "$WORK/growth/copy1" >"$WORK/reindex.json" 2>/dev/null
    record reindex.changed.verbatim.summary "\"summary\":$(cat "$WORK/reindex.json")"
    if [[ -d $ODB ]] && have omindex; then
      timed reindex.unchanged.omindex omindex --db "$ODB" --url / "$CORPUS" >/dev/null 2>&1
    fi
    if [[ -d $RCONF/xapiandb ]] && have recollindex; then
      timed reindex.unchanged.recoll env RECOLL_CONFDIR="$RCONF" PATH=/usr/bin:/bin HOME="$WORK" recollindex >/dev/null 2>&1
    fi
  done
fi

# --- report -------------------------------------------------------------------------------
{
  echo "{\"key\":\"machine\",\"cores\":$(nproc),\"mem_kb\":$(awk '/MemTotal/{print $2}' /proc/meminfo),\"load\":\"$(cut -d' ' -f1-3 /proc/loadavg)\","
  echo "\"cpu\":\"$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)\",\"date\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "\"commit\":\"$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo +changes)\","
  echo "\"xapian\":\"$(omindex --version 2>/dev/null | awk '{print $NF}')\",\"recoll\":\"$(dpkg-query -W -f '${Version}' recollcmd 2>/dev/null)\","
  echo "\"sqlite\":\"$(sqlite3 --version | cut -d' ' -f1)\",\"poppler\":\"$(pdftotext -v 2>&1 | awk 'NR==1{print $3}')\","
  echo "\"runs\":$RUNS,\"query_runs\":$QRUNS,\"e2e_runs\":$E2E_RUNS,\"sections\":\"$SECTIONS\",\"growth\":\"$GROWTH\"}"
} | tr -d '\n' >>"$M"
echo >>"$M"
PREVIOUS=${BENCH_PREVIOUS:-$RESULTS}
[[ -f $PREVIOUS ]] && cp "$PREVIOUS" "$WORK/previous.json"
/usr/bin/python3 "$ROOT/bench/report.py" "$M" "$WORK/e2e.json" "$RESULTS" "$WORK/previous.json"
log "results: $RESULTS"
if [[ ${BENCH_KEEP:-0} != 1 ]]; then rm -rf "$WORK"; else log "kept $WORK"; fi
