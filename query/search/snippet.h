// Snippets: the part of a unit's text where the query matched, with the matched
// words marked. Matching re-runs the one analyser over the stored text.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/analyser.h"

namespace verbatim {

struct Snippet {
    std::string text;                                 // an excerpt, with "…" where cut
    std::vector<std::pair<size_t, size_t>> marks;     // byte ranges of matched words in `text`
};

// What to highlight: single terms (exact, or Z-prefixed stems) and exact phrases,
// as ParsedQuery gives them.
struct Highlight {
    std::set<std::string> terms;
    std::vector<std::vector<std::string>> phrases;
};

// The window of about `max_chars` around the densest cluster of matches.
Snippet make_snippet(const std::string& text, const Analyser& analyser, const Highlight& highlight,
                     size_t max_chars = 320);

// Byte ranges of `text` that match: words matching a term, runs matching a phrase.
std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text, const Analyser& analyser,
                                                    const Highlight& highlight);

// The snippet with each mark wrapped in `open` ... `close`.
std::string render_marked(const Snippet& snippet, const std::string& open, const std::string& close);

}  // namespace verbatim
