#include "indexer/structure/units.h"

#include "indexer/structure/block_classify.h"
#include "indexer/structure/footnote_links.h"
#include "indexer/structure/front_matter.h"
#include "indexer/structure/number_inference.h"
#include "indexer/structure/unit_assemblers.h"
#include "indexer/structure/unit_assembly.h"
#include "indexer/structure/unit_blocks.h"

namespace verbatim {

// Lines into blocks; the title page's blocks apart; each block of the body classified by
// what it is and where it stands, then assembled into the units; numbers lost in
// conversion settled; footnotes linked to the units that cite them.
StructuredText build_units(const ExtractedText& extracted) {
    using namespace blocks;
    const std::vector<Block> all = make_blocks(extracted.lines);
    FrontMatter front = find_front_matter(all, extracted.no_title_page);

    Assembly assembly;
    assembly.numbers_in_text = extracted.numbers_in_text;
    for (size_t i = front.body_start; i < all.size(); ++i) {
        const Block* previous = i > front.body_start ? &all[i - 1] : nullptr;
        const Block* next = i + 1 < all.size() ? &all[i + 1] : nullptr;
        assemble(assembly, classify_block(all[i], assembly.context(previous, next)), all[i]);
    }
    number_remaining_candidates(assembly);
    merge_back(assembly.units, assembly.unit_markers, assembly.merged_back);
    link_footnotes(assembly.units, assembly.unit_markers);
    for (size_t i = 0; i < assembly.units.size(); ++i) assembly.units[i].seq = static_cast<int>(i);

    StructuredText out;
    out.front_matter = std::move(front.lines);
    out.units = std::move(assembly.units);
    return out;
}

}  // namespace verbatim
