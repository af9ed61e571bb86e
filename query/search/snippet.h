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

// The window of about `max_chars` with the most distinct matched terms. `terms` holds
// exact terms and Z-prefixed stems, as ParsedQuery::highlight_terms.
Snippet make_snippet(const std::string& text, const Analyser& analyser, const std::set<std::string>& terms,
                     size_t max_chars = 320);

// Byte ranges of the words of `text` that match `terms`.
std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text, const Analyser& analyser,
                                                    const std::set<std::string>& terms);

// The snippet with each mark wrapped in `open` ... `close`.
std::string render_marked(const Snippet& snippet, const std::string& open, const std::string& close);

}  // namespace verbatim
