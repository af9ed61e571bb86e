// One assembler per kind of block (block_classify.h): each does what its classification
// says to the units being assembled (unit_assembly.h): adds a unit of its kind, or joins
// the block to the unit it belongs to. `assemble` dispatches.
#pragma once

#include <string>
#include <string_view>

#include "indexer/structure/block_classify.h"
#include "indexer/structure/unit_assembly.h"
#include "indexer/structure/unit_blocks.h"

namespace verbatim::blocks {

// Does what `c` says with `block`: the runs it ends end (end_runs), then its assembler.
void assemble(Assembly& a, const BlockClass& c, const Block& block);

// A block ends the runs it is not part of, in the order the classification asks: a
// footnote or a table's rows end none; any other block but a contents line ends the
// table of contents; any that is not part of a preamble (nor a part heading or chapeau,
// which open their own) ends the preamble; any but a caption and its text ends the
// caption's labels and notes.
void end_runs(Assembly& a, BlockKind kind);

// "12 Text": footnote 12, cited "footnote 12", anchored "fn-12" ("fn-star" for "*").
void add_footnote(Assembly& a, const Block& block, const std::string& number, std::string_view text);

// Rows of a table: they go to the table its caption opened (or that the previous page
// began), else they make a table of their own, counted "table [1]". A header row printed
// again at the top of the next page is not content.
void add_table_rows(Assembly& a, const Block& block);

// A table of contents (or of tables) is one unnumbered unit: its entries never become
// headings or paragraphs, and what follows never continues it.
void add_contents(Assembly& a, const Block& block, bool new_contents);

// "Annex II": a heading of level 1 that opens part "annex II", whose numbering may start
// again at 1.
void open_part(Assembly& a, const Block& block, const std::string& part, std::string_view heading);

// "The General Assembly,": the heading of the preambular paragraphs below it.
void open_preamble(Assembly& a, const Block& block, std::string_view heading);

// "Recalling ...,": a preambular paragraph, cited "preambular para. 3".
void add_preambular(Assembly& a, const Block& block);

// "Table 3 Title": a table unit the rows below join; "Figure II Title": a unit its labels
// join. The paragraph the caption interrupts goes on after it (the current unit is kept).
void add_caption(Assembly& a, const Block& block, const std::string& kind, const std::string& number);

// "Draft recommendation 11bis [Proposed by Spain]": cited "draft recommendation 11bis".
void add_recommendation(Assembly& a, const Block& block, const BlockClass& c);

// "115.37 Text": item 37 of paragraph 115 (c.parent), cited "para. 115.37".
void add_decimal_item(Assembly& a, const Block& block, const BlockClass& c);

// "12. Text": the next numbered paragraph. It closes the run of candidates before it; "1."
// after higher numbers restarts the numbering (restart_numbering).
void add_paragraph(Assembly& a, const Block& block, const BlockClass& c);

// Numbering starts again at 1 with no part heading before it: the part is named by the
// heading above the new run ("chap. II"), else counted ("part 2").
void restart_numbering(Assembly& a);

// "(b) text": an item of the paragraph or recommendation before it; a roman "(ii)" of the
// last lettered item (unless it is the letter after "(h)"). With nothing to belong to, it
// is plain text.
void add_item(Assembly& a, const Block& block, const std::string& label, std::string_view text);

// "(Signed) Name": a unit of its own, which ends the numbered paragraphs.
void add_signature(Assembly& a, const Block& block);

// An unnumbered block among numbered paragraphs: a candidate for a lost number
// (number_inference.h).
void add_candidate(Assembly& a, const Block& block, std::string_view text);

}  // namespace verbatim::blocks
