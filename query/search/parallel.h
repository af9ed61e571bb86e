// Across languages: every UN document exists in up to six language versions, with
// paragraphs numbered identically in each, so a numbered unit's counterpart in another
// language is the unit with the same anchor in that language's version; the others
// (unnumbered paragraphs, lettered items, headings) are paired by aligning the two
// versions' units (unit_alignment.h).
#pragma once

#include <optional>
#include <string>

#include "model/unit_record.h"
#include "query/search/searcher.h"

namespace verbatim {

// The version of `doc` in `lang` (`doc` itself when it is in `lang`), if indexed.
std::optional<DocumentMeta> parallel_document(const Searcher& searcher, const DocumentMeta& doc,
                                              const std::string& lang);

// The counterpart of `record` in `lang`: same document symbol, and the same numbered
// anchor ("para-12" in English -> "para-12" in French) or the unit the alignment pairs
// it with. Empty when that version is not indexed or has no counterpart of the unit.
std::optional<UnitRecord> parallel_unit(const Searcher& searcher, const UnitRecord& record, const std::string& lang);

// Fills Hit::parallel_lang and Hit::parallel for every hit.
void add_parallels(const Searcher& searcher, SearchResult& result, const std::string& lang);

}  // namespace verbatim
