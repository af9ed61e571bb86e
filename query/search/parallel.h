// Across languages: every UN document exists in up to six language versions, with
// paragraphs numbered identically in each, so a unit's counterpart in another
// language is the unit with the same anchor in that language's version.
#pragma once

#include <optional>
#include <string>

#include "indexer/index/unit_record.h"
#include "query/search/searcher.h"

namespace verbatim {

// The version of `doc` in `lang` (`doc` itself when it is in `lang`), if indexed.
std::optional<DocumentMeta> parallel_document(const Searcher& searcher, const DocumentMeta& doc,
                                              const std::string& lang);

// The counterpart of `record` in `lang`: same document symbol, same anchor
// ("para-12" in English -> "para-12" in French). Empty when that version is not
// indexed or has no such unit.
std::optional<UnitRecord> parallel_unit(const Searcher& searcher, const UnitRecord& record, const std::string& lang);

// Fills Hit::parallel_lang and Hit::parallel for every hit.
void add_parallels(const Searcher& searcher, SearchResult& result, const std::string& lang);

}  // namespace verbatim
