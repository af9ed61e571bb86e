// The steps of find_reuse, each with plain inputs and outputs (internal: reuse.cpp and its
// tests include it): the candidates, the alignment of one candidate, the part of the source
// its diff covers, and the order of the matches.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "query/reuse/reuse.h"

namespace verbatim {

// Stems of the text asked for with OR, the rarest first, to find the candidates that
// share its words without sharing a passage.
inline constexpr size_t kRarestWords = 24;

// The units to align with a text (`keys`: its reuse keys): up to `count` sharing its
// fingerprints, those sharing the most first, then up to `count` more among the best BM25
// matches of its rarest words. Each unit once.
std::vector<Xapian::docid> reuse_candidates(Xapian::Database& db, const std::vector<std::string>& keys,
                                            const StemForms& forms, size_t count, bool remote);

// Source words [from, to).
struct WordSpan {
    size_t from = 0, to = 0;
};

// The part of the source a diff compares with the draft: the aligned span (`aligned`,
// from the first to the last source word of `tiles`) with context as wide as the draft's
// words before its first and after its last shared passage, and a few more, so those words
// can align too (word_diff cuts what stays unaligned). The context of a quotation is the
// quotation itself. `tiles` (at least one) in draft order, `draft_words` the draft's length.
WordSpan diff_window(const std::vector<Tile>& tiles, size_t draft_words, const std::vector<AlignedWord>& source,
                     WordSpan aligned, const std::optional<QuotedPassage>& quoted);

// One candidate aligned with the draft (`text`, its words `draft`, read by `analyser`):
// the shared passages, the coverage, the status, the diff and the explanation; nullopt
// when what it shares is too little by `options`. The source is read by the analyser of
// its own language (`analyser_for`, asked only when that is not the draft's).
std::optional<ReuseMatch> align_candidate(const std::string& text, const std::vector<AlignedWord>& draft,
                                          const Analyser& analyser, UnitRecord record,
                                          const AnalyserFor& analyser_for, const ReuseOptions& options);

// The ranking: the higher score first, then the earliest date (undated last), then document
// and unit order (not where the index keeps them). With `earliest_first` (quotations), the
// matches holding nearly all the text (90%) come first, the earliest of them first.
bool ranks_before(const ReuseMatch& a, const ReuseMatch& b, bool earliest_first);

}  // namespace verbatim
