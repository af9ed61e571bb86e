// `verbatim cite`: a reference in, the units it names out.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "model/unit_record.h"
#include "query/search/searcher.h"

namespace verbatim {

// A reference that names nothing; the message says why and what exists.
struct CiteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct CiteResult {
    DocumentMeta doc;
    std::vector<UnitRecord> units;  // the units named, in document order
};

// Resolves a reference ("CTOC/COP/WG.4/2020/4, para. 12"). A reference to a whole
// document gives all its units. Throws CiteError.
CiteResult cite(const Searcher& searcher, const std::string& reference);

// A unit that refers to a document, with the words around the reference.
struct CitingUnit {
    UnitRecord record;
    std::string context;  // "…(A/RES/74/176, para. 7): “Expresses solidarity…"
};

// Every unit that refers to `symbol` (any letter case), oldest document first.
std::vector<CitingUnit> cited_by(Searcher& searcher, const std::string& symbol);

// "paragraphs 1-37, recommendations 1-11, footnotes 1-3": what a document holds.
std::string describe_units(const std::vector<UnitRecord>& units);

}  // namespace verbatim
