// Finding earlier wording: `verbatim agreed` (prior agreed language for a draft) and
// `verbatim cite --quote` (the source of a quotation) share this engine.
//
// 1. Candidates: units sharing winnowed word 3-grams with the text (analysis/shingles.h),
//    plus the best BM25 matches of its words, so reworded text is found too.
// 2. Alignment: greedy string tiling of stems gives the shared passages; their share of
//    the text is the coverage. A word-level diff shows where the text departs.
// 3. Ranking, explainable: coverage, then the status of the source (adopted first),
//    then the date (earliest first).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/unit_record.h"
#include "query/reuse/alignment.h"
#include "query/search/searcher.h"

namespace verbatim {

// How authoritative earlier wording is; lower ranks first.
struct SourceStatus {
    std::string name;  // adopted, agreed, draft, comment, statement, other
    int rank = 5;
};

SourceStatus status_of(const DocumentMeta& doc, const Unit& unit);

// 0.534 -> "53%": a share of the text, as the explanation and the output say it.
std::string as_percent(double share);

struct SharedPassage {
    std::string source_text;  // the words as the source has them
    size_t words = 0;
};

struct ReuseMatch {
    UnitRecord record;
    SourceStatus status;
    double coverage = 0;      // share of the text's words in shared passages (0-1)
    size_t longest = 0;       // words in the longest shared passage
    double score = 0;         // what the ranking used
    std::vector<SharedPassage> passages;  // in the order of the text
    std::vector<DiffOp> diff;             // the text against the aligned part of the source
    std::optional<QuotedPassage> quoted;  // the match lies in a passage quoting this source
    std::string explanation;              // why it ranks where it does, in words
};

struct ReuseOptions {
    size_t limit = 10;
    size_t candidates = 60;     // units aligned per retrieval method
    size_t min_words = 4;        // a shared passage shorter than this is a coincidence
    double min_coverage = 0.25;  // below this share of the text, unless a long passage...
    size_t min_passage = 6;      // ...of at least this many words is shared
    bool earliest_first = false;  // quotations: among full matches, the earliest source first
};

// The settings for finding the source of a quotation (`cite --quote`, /api/quote): a
// source holds most of the quotation, and among full matches the earliest comes first.
inline ReuseOptions quotation_options(size_t limit) {
    ReuseOptions o;
    o.limit = limit;
    o.earliest_first = true;
    o.min_coverage = 0.5;
    o.min_passage = 8;
    return o;
}

// Up to `count` units sharing word 3-grams with a text (`keys`: its reuse keys), those
// sharing the most first, equal counts in the stable order of ranked_matches (`remote`:
// some shard of `db` is remote).
std::vector<Xapian::docid> shingle_candidates(Xapian::Database& db, const std::vector<std::string>& keys,
                                              size_t count, bool remote = false);

// The `count` rarest stems of a text (`keys`: its reuse keys), each the synonym of its
// forms, OR-ed: the candidates that share its words without sharing a passage.
Xapian::Query rarest_words_query(Xapian::Database& db, const std::vector<std::string>& keys, const StemForms& forms,
                                 size_t count);

// Throws QueryError when `text` has no words.
std::vector<ReuseMatch> find_reuse(Searcher& searcher, const std::string& text, const ReuseOptions& options);

}  // namespace verbatim
