// What a block is, where it stands: a footnote, a table's rows, a heading, a numbered
// paragraph, an item, the text that carries on the unit before it, ... A pure function of
// the block, its neighbours and what the units assembled so far say (the current unit, the
// paragraph numbering, an open table of contents, preamble or caption). The assemblers
// (unit_assemblers.h) then do what the classification says.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "indexer/structure/unit_blocks.h"
#include "model/document.h"

namespace verbatim::blocks {

// In the order the classification asks: the first that fits wins.
enum class BlockKind {
    footnote,             // "12 The note.", "* Not edited.", "a Provisional.": a footnote of its own
    footnote_more,        // a footnote-area line without a number: more of the last footnote
    footnote_stray,       // the same with no footnote before it: left out
    table_rows,           // rows of a table
    contents,             // a line of a table of contents (or of tables)
    part_heading,         // "Annex II", "Draft resolution I": a part whose numbering restarts
    chapeau,              // "The General Assembly,": the heading of a preamble
    preambular,           // "Recalling ...,": a preambular paragraph of its own
    preambular_more,      // more of the current preambular paragraph
    caption,              // "Table 3 Title", "Figure II"
    caption_text,         // a figure's labels, a table's notes: more of the caption's unit
    numbered_heading,     // "III. Title", "A. Title"
    recommendation,       // "Recommendation 3", "Draft recommendation 11bis [Proposed by Spain]"
    decimal_item,         // "115.37 Text": item 37 of paragraph 115
    numbered_subheading,  // "1. Cross-cutting issues", "1.1 Scope": numbered, not a sentence
    decimal_paragraph,    // "5.1 Text." with no paragraph 5 to belong to
    paragraph,            // "12. Text": the next paragraph of the numbering
    quoted_list,          // "1. Organizational matters:" inside paragraph 29: a list it quotes
    item,                 // "(b) text", "(iv) text"
    emphasised_heading,   // a short emphasised line: "Agenda item 2", "General draft recommendations"
    signature,            // "(Signed) Name"
    footnote_carried,     // the top of a page's footnote area, carrying on the last footnote
    continuation,         // text carrying on the current unit
    candidate,            // an unnumbered paragraph among numbered ones: perhaps a lost number
    text,                 // unnumbered text of its own
};

struct BlockClass {
    BlockKind kind = BlockKind::text;
    std::string_view text;       // what of the block its unit gets: after its number, without its bullet, or all
    std::string number;          // a paragraph's, heading's, recommendation's, caption's or footnote's; an item's label
    std::string name;            // a part heading's part ("annex II"), a caption's kind ("table", "figure")
    int level = 0;               // a heading's (1 chapter, 2 section, 3 numbered sub-heading, 4 topical)
    int parent = -1;             // a decimal item's paragraph: its index among the units
    bool draft = false;          // a draft recommendation
    bool same_sentence = false;  // a continuation or footnote_more: the sentence goes on (a space, not a new line)
    bool new_contents = false;   // contents: the first line or the heading of a table of contents
};

// What the classification reads of the units assembled so far, and the blocks around.
struct Context {
    std::span<const Unit> units;
    int current = -1;             // the unit that text carries on, else -1
    int last_footnote = -1;       // the last footnote, else -1
    bool in_contents = false;     // a table of contents is being read
    bool in_preamble = false;     // after a chapeau, before the first operative paragraph
    bool after_caption = false;   // a table's or figure's labels and notes may follow
    bool numbered_region = false; // numbered paragraphs are being read
    bool embedded_list = false;   // the current paragraph quotes a numbered list (an agenda)
    int last_paragraph = 0;       // the last numbered paragraph's number
    const Block* previous = nullptr;  // the block before, none at the start of the body
    const Block* next = nullptr;      // the block after, none at the end
};

BlockClass classify_block(const Block& block, const Context& context);

// "Annex II", "Draft resolution I" as a heading, short, standing alone: the part's name,
// else "".
std::string part_heading(const Block& block, std::string_view s);

// The paragraph numbered `whole` under the current heading (the last one of that number
// since it), the parent of a decimal item; -1 when there is none.
int decimal_parent(std::span<const Unit> units, const std::string& whole);

}  // namespace verbatim::blocks
