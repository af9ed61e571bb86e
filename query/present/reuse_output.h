// Output of `verbatim agreed` and `verbatim cite --quote`: earlier wording with its
// citation, status, share of the text, shared passages and word-level comparison.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>

#include "query/present/text_output.h"
#include "query/reuse/reuse.h"

namespace verbatim {

// "A/RES/74/176, para. 7 (quoted in CTOC/COP/2020/CRP.4, draft recommendation 14, footnote 20)"
std::string reuse_citation(const ReuseMatch& match, bool with_pages);

// The comparison as text: kept words plain, [-removed-] and {+inserted+} (on a terminal:
// red struck and green instead of the brackets).
std::string render_diff(const std::vector<DiffOp>& diff, const TextStyle& style);

void print_agreed(std::ostream& out, const std::vector<ReuseMatch>& matches, const TextStyle& style, bool pages);
void print_quote_sources(std::ostream& out, const std::vector<ReuseMatch>& matches, const TextStyle& style, bool pages);

// unit_to_json plus status, coverage, longest, score, explanation, passages, diff, quoted.
nlohmann::json reuse_to_json(const ReuseMatch& match);

}  // namespace verbatim
