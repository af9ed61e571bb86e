// Recovers the citable units of a document from its content lines.
// Pure functions: lines in, units out. Works the same for text and PDF input.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct StructuredText {
    std::vector<std::string> front_matter;  // title-page lines before the first unit
    std::vector<Unit> units;                // in document order, anchors unique
};

// Builds units from lines: headings (with their path), numbered paragraphs (numbers
// lost in conversion inferred from the sequence), lettered and roman items that know
// their parent, recommendation blocks, footnotes linked to the unit holding their
// marker, and unnumbered text. A paragraph cut by a page break or by a page's
// footnotes is joined again.
StructuredText build_units(const ExtractedText& text);

}  // namespace verbatim
