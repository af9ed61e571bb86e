// Aligning a draft with an earlier text: the passages they share (greedy string
// tiling, as in plagiarism detection) and a word-level comparison (dtl's diff).
#pragma once

#include <string>
#include <vector>

#include "analysis/analyser.h"

namespace verbatim {

// A word of a text as alignment sees it: its stem (the key) and where it stands.
struct AlignedWord {
    std::string key;
    size_t start = 0, end = 0;  // byte span in the text
};

std::vector<AlignedWord> aligned_words(const std::string& text, const Analyser& analyser);

// A run of `length` words equal in both texts.
struct Tile {
    size_t draft = 0, source = 0, length = 0;
};

// Maximal shared runs of at least `min_words` words, longest first, each word used once
// (Wise's greedy string tiling). Reordered clauses give several tiles.
std::vector<Tile> greedy_string_tiling(const std::vector<AlignedWord>& draft, const std::vector<AlignedWord>& source,
                                       size_t min_words = 3);

struct DiffOp {
    // inserted: only in the draft; removed: only in the source; cut: source words before
    // or after the aligned span, left out ("…")
    enum class Kind { same, inserted, removed, cut };
    Kind kind = Kind::same;
    std::string text;
};

// Word-level comparison of the draft against the source, in reading order: where the
// draft keeps, adds and drops words. Punctuation and case do not count as changes. The
// comparison covers the aligned span of the source only (its first to its last word in
// common with the draft): source words around it are one `cut` op each side ("…"), not
// removals. Whitespace inside an op is one space.
std::vector<DiffOp> word_diff(const std::string& draft_text, const std::vector<AlignedWord>& draft,
                              const std::string& source_text, const std::vector<AlignedWord>& source);

const char* to_string(DiffOp::Kind kind);

}  // namespace verbatim
