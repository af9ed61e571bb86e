#include "indexer/structure/front_matter.h"

#include "indexer/structure/block_kinds.h"
#include "indexer/structure/unit_openings.h"
#include "vocabulary/text.h"

namespace verbatim::blocks {

using vocabulary::char_count;
using vocabulary::ends_sentence;

FrontMatter find_front_matter(const std::vector<Block>& blocks, bool no_title_page) {
    constexpr size_t kMaxTitleBlockChars = 300;
    constexpr size_t kMaxTitleBlocks = 24;
    size_t first = 0;
    for (; first < blocks.size() && first < kMaxTitleBlocks; ++first) {
        const Block& blk = blocks[first];
        if (blk.role == LineRole::footnote) break;
        if (blk.role == LineRole::table || starts_unit(blk.text)) break;
        // The body begins: a resolution's chapeau or first preambular clause, contents.
        if (is_chapeau(blk.text) || is_contents_heading(blk.text) || is_contents_entry(blk.text) ||
            (opens_preambular(blk.text) && ends_clause(blk.text) && char_count(blk.text) >= 40))
            break;
        const size_t chars = char_count(blk.text);
        if (chars >= kMaxTitleBlockChars) break;
        if (chars >= 100 && !blk.emphasised && (ends_sentence(blk.text) || ends_clause(blk.text))) break;
    }
    if (first == blocks.size() || first >= kMaxTitleBlocks) first = 0;  // no structure found: all content
    if (no_title_page) first = 0;
    FrontMatter out;
    out.body_start = first;
    for (size_t i = 0; i < first; ++i) out.lines.push_back(blocks[i].text);
    return out;
}

}  // namespace verbatim::blocks
