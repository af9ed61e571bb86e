// Human output: cited hits with highlighted snippets, and whole units for `cite`.
#pragma once

#include <ostream>

#include "indexer/index/unit_record.h"
#include "query/search/searcher.h"

namespace verbatim {

struct TextStyle {
    bool color = false;  // ANSI bold/dim: only on a terminal, and never with NO_COLOR
    bool pages = false;  // add printed pages to citations (UN practice cites paragraphs)
};

// "CTOC/COP/WG.4/2020/4, para. 12, p. 3"
std::string citation_with_pages(const UnitRecord& record);
// The citation, with pages when the style asks for them.
std::string styled_citation(const UnitRecord& record, const TextStyle& style);

void print_hits(std::ostream& out, const SearchResult& result, const SearchOptions& options, const TextStyle& style);
void print_unit(std::ostream& out, const UnitRecord& record, const TextStyle& style);

}  // namespace verbatim
