// Where a document's units begin: the title-page blocks before them (symbol, distribution,
// a title of a line or three) are front matter, read for the metadata (title_block.h),
// not units.
#pragma once

#include <string>
#include <vector>

#include "indexer/structure/unit_blocks.h"

namespace verbatim::blocks {

struct FrontMatter {
    size_t body_start = 0;           // the index of the first block that is content
    std::vector<std::string> lines;  // the texts of the blocks before it
};

// Short title-page blocks before the first structural one (a footnote, a table, a numbered
// paragraph or heading, a chapeau, a preambular clause, a table of contents) are front
// matter. A long stretch of prose is content even when a page break cuts it mid-sentence
// (General Debate speeches have no title page, and their text must never become the
// title). Without a structural block among the first 24, or with `no_title_page` (the
// extractor saw a speech open, "Mr. President,"), everything is content.
FrontMatter find_front_matter(const std::vector<Block>& blocks, bool no_title_page);

}  // namespace verbatim::blocks
