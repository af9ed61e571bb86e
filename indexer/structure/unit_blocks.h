// Blocks: runs of content lines that belong together on the page, the first step of
// build_units (units.h). A block is one paragraph, heading, list item, run of footnote
// text or table; its footnote markers are taken out of its text and kept beside it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace verbatim::blocks {

struct Block {
    std::string text;                  // lines joined by spaces, footnote markers removed
    std::vector<std::string> markers;  // footnote markers found in the block
    LineRole role = LineRole::body;
    bool emphasised = true;
    int page_first = 0, page_last = 0;
};

// `text` without its footnote markers (U+E000 n U+E001); their labels are added to
// `markers`.
std::string take_markers(std::string_view text, std::vector<std::string>& markers);

// Groups lines into blocks: a visible break, a change of role or a table's next page
// splits; so does a list line ("- (a) ...", "12. ...") after text that came to a stop.
// Mid-sentence line breaks never split a paragraph. A table keeps one row a line.
std::vector<Block> make_blocks(const std::vector<SourceLine>& lines);

}  // namespace verbatim::blocks
