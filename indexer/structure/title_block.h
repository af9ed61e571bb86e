// Document metadata that the text states about itself: symbol, date, distribution,
// original language, title, body, meeting, place, type.
#pragma once

#include <string>
#include <string_view>

#include "indexer/structure/units.h"
#include "model/document.h"

namespace verbatim {

// Reads metadata from the title-page block (the extractor's TitleBlock, then the
// front matter) and from the first units (the meeting, the place).
DocumentMeta read_document_meta(const ExtractedText& extracted, const StructuredText& structured);

// True when the lines before the first unit are a title page (a symbol, a distribution, a
// date, the extractor's title block, or a title set apart), not the opening lines of a
// speech or letter ("Mr. President,"), which are then content.
bool shows_title_page(const ExtractedText& extracted, const std::vector<std::string>& front_matter);

// "28 September 2020" anywhere in `text` -> "2020-09-28"; empty when none.
std::string find_date(std::string_view text);

// True for a UN document symbol such as "CTOC/COP/WG.4/2020/4" or "A/RES/74/176".
bool looks_like_symbol(std::string_view text);

// "tenth" -> 10, "1st" -> 1; 0 when not an ordinal.
int ordinal_value(std::string_view word);

}  // namespace verbatim
