// The query language of `verbatim search`: words (all must match), "phrases", OR,
// AND, NOT / -word, parentheses and field filters (symbol:, year:, kind:, ...).
// Words go through the same Analyser as the indexed text.
#pragma once

#include <xapian.h>

#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyser.h"
#include "query/search/query_fields.h"
#include "query/search/shards.h"

namespace verbatim {

// A malformed query: `message` says what is wrong, `column` (1-based, in characters)
// where.
struct QueryError : std::runtime_error {
    QueryError(const std::string& message, size_t column);
    size_t column;
};

// Answers whether the index holds an exact (unstemmed) term. Compounds use it:
// "non punishment" is searched as the compound when "nonpunishment" is indexed.
using Vocabulary = std::function<bool(const std::string& term)>;

// The exact forms the index holds under a stem key (schema::kStemPrefix + stem, see
// model/stem_forms.h): "Zpunish" -> punish, punished, punishment.
using StemForms = std::function<std::vector<std::string>(const std::string& key)>;

// The forms recorded in any of `shards` (a combined database reads only the first
// one's metadata).
StemForms stem_forms_in(const std::vector<Shard>& shards);

// A stem key as a query: the synonym of its forms (weighted as one term, as the stem
// term was); nothing when the index holds no form of it.
Xapian::Query stem_key_query(const std::string& key, const StemForms& forms);

struct ParsedQuery {
    Xapian::Query query;
    std::set<std::string> highlight_terms;  // exact terms and Z-stems to highlight
    std::vector<std::vector<std::string>> highlight_phrases;  // exact term sequences
    bool has_text = false;                  // false for filter-only queries
    std::set<std::string> languages;        // languages whose stemmers the words went through
};

// The analysers a query may be read with. A query is analysed in the language it is
// written in: `lang:xx` in the query, else the script of each word (Arabic, Cyrillic
// and Han decide), else the detected language of its Latin words; when that is
// unsure, each Latin word is stemmed in every Latin language of `indexed`.
struct QueryLanguages {
    std::function<const Analyser&(const std::string& lang)> analyser_for;
    std::vector<std::string> indexed;  // languages the index holds: "en", "fr", ...
};

inline constexpr size_t kMaxQueryLength = 2000;

// Parses `text`, choosing each word's language as QueryLanguages says. Throws
// QueryError for malformed input.
ParsedQuery parse_query(std::string_view text, const QueryLanguages& languages, const Vocabulary& vocabulary,
                        const StemForms& forms);

// Parses `text` with one analyser, whatever the query is written in (tools, tests).
ParsedQuery parse_query(std::string_view text, const Analyser& analyser, const Vocabulary& vocabulary,
                        const StemForms& forms);

}  // namespace verbatim
