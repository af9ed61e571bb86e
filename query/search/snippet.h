// Snippets: the part of a unit's text where the query matched, with the matched
// words marked. Matching re-runs the one analyser over the stored text.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/analyser.h"

namespace verbatim {

struct Snippet {
    std::string text;                                 // an excerpt, with "…" where cut
    std::vector<std::pair<size_t, size_t>> marks;     // byte ranges of matched words in `text`
    std::vector<std::pair<size_t, size_t>> source_marks;  // byte ranges of all matches in the unit's text
};

// What to highlight: single terms (exact, or Z-prefixed stems) and exact phrases,
// as ParsedQuery gives them.
struct Highlight {
    std::set<std::string> terms;
    std::vector<std::vector<std::string>> phrases;
};

// The highlight with each stem ("Z<stem>") replaced by the exact forms `forms` says the
// index holds under it (model/stem_forms.h): the very forms the query matched, so no word
// of a hit needs stemming to be found (stemming was two fifths of a one-shot search's snippets).
Highlight with_stem_forms(const Highlight& highlight,
                          const std::function<std::vector<std::string>(const std::string& key)>& forms);

// Finds a Highlight in texts of one language. It remembers whether each word it met
// matches, so the snippets of one search stem a word once, not once per hit: a word is
// most of a snippet's cost after segmentation. Keep one per search and language (the
// memory grows with the words seen); not thread-safe, like its Analyser.
class Highlighter {
  public:
    // Both must outlive the Highlighter.
    Highlighter(const Analyser& analyser, const Highlight& highlight);

    // Byte ranges of `text` that match: words matching a term, runs matching a phrase.
    std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text) const;

    // The window of about `max_chars` around the densest cluster of matches.
    Snippet make_snippet(const std::string& text, size_t max_chars = 320) const;

  private:
    bool matches(const std::string& term) const;

    const Analyser& analyser_;
    const Highlight& highlight_;
    bool has_stems_ = false;
    mutable std::unordered_map<std::string, bool> words_;  // folded word -> matches a stem
};

// One text's snippet or matches (a Highlighter for one use).
Snippet make_snippet(const std::string& text, const Analyser& analyser, const Highlight& highlight,
                     size_t max_chars = 320);
std::vector<std::pair<size_t, size_t>> find_matches(const std::string& text, const Analyser& analyser,
                                                    const Highlight& highlight);

// The snippet with each mark wrapped in `open` ... `close`.
std::string render_marked(const Snippet& snippet, const std::string& open, const std::string& close);

}  // namespace verbatim
