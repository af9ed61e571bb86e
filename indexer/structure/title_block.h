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

}  // namespace verbatim
